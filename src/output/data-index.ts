/**
 * `/data/index.json` (the release, small: what a newsroom polls), `/data/changes.json` (what each
 * announcement added, changed and removed, src/derive/deltas.ts) and their JSON Schemas under
 * `/data/schemas/`, generated from the zod schemas in src/schema/data-files.ts, the one source
 * of both files' shape.
 */
import { z } from 'zod';
import { announcementDeltas } from '../derive/deltas.ts';
import type { Model } from '../derive/model.ts';
import { t } from '../i18n/zh-CN.ts';
import { ChangesFileSchema, DATA_FILES_FORMAT, DataIndexSchema, type AnnouncementDelta, type DataIndex } from '../schema/data-files.ts';
import { citation } from './citation.ts';
import type { SiteFile } from './site-files.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
// Hosts send a type by the file's extension: .json is application/json (src/output/hosting.ts).
const SCHEMA_TYPE = 'application/json; charset=utf-8';

export const INDEX_PATH = '/data/index.json';
export const CHANGES_PATH = '/data/changes.json';
export const SCHEMA_PATHS = { index: '/data/schemas/index.schema.json', changes: '/data/schemas/changes.schema.json' } as const;

export function dataIndex(model: Model, site: URL): DataIndex {
  const abs = (p: string) => new URL(p, site).href;
  const last = model.release.lastChange;
  return {
    format: DATA_FILES_FORMAT,
    release: model.release.id,
    as_of: model.release.asOf,
    last_change: last ? { date: last.date, announcement: last.announcement, title: model.byId.get(last.announcement)?.meta.title ?? last.announcement, url: abs(`/announcements/${last.announcement}/`) } : null,
    counts: { announcements: model.chronological.length, lines: model.lines.length, enterprises: model.enterprises.length },
    files: {
      changes: abs(CHANGES_PATH), lines: abs('/data/lines.csv'), announcements: abs('/data/announcements.csv'),
      datapackage: abs('/data/datapackage.json'), checksums: abs('/data/SHA256SUMS'), watchlists: abs('/watchlists/'),
    },
    citation: citation({ title: t.release.dataTitle, release: model.release, url: abs('/data/') }),
  };
}

/** The deltas of the model's record, in publication order. */
export const modelDeltas = (model: Model): AnnouncementDelta[] => announcementDeltas(model.chronological, model.byId, new Set(model.supersededBy.values()));

/**
 * changes.json's text: one announcement a line inside the array, so that line tools (grep, diff,
 * tail) work on it and it stays valid JSON.
 */
export function changesJson(model: Model, deltas: readonly AnnouncementDelta[] = modelDeltas(model)): string {
  const head = JSON.stringify({ format: DATA_FILES_FORMAT, release: model.release.id, as_of: model.release.asOf });
  const parts = new Array<string>(deltas.length);
  for (let i = 0; i < deltas.length; i++) parts[i] = JSON.stringify(deltas[i]);
  return `${head.slice(0, -1)},"announcements":[${parts.length ? `\n${parts.join(',\n')}\n` : ''}]}\n`;
}

/** The published JSON Schema of a data file. */
export function jsonSchemaOf(which: keyof typeof SCHEMA_PATHS, site: URL): Record<string, unknown> {
  const schema = z.toJSONSchema(which === 'index' ? DataIndexSchema : ChangesFileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: new URL(SCHEMA_PATHS[which], site).href };
}

export function* dataIndexFiles(model: Model, site: URL): Generator<SiteFile> {
  yield { path: INDEX_PATH, mediaType: JSON_TYPE, content: `${JSON.stringify(dataIndex(model, site), null, 2)}\n` };
  yield { path: CHANGES_PATH, mediaType: JSON_TYPE, content: changesJson(model) };
  for (const which of ['index', 'changes'] as const) yield { path: SCHEMA_PATHS[which], mediaType: SCHEMA_TYPE, content: `${JSON.stringify(jsonSchemaOf(which, site), null, 2)}\n` };
}
