/**
 * Models of the records the tests derive from: the sample record (data/), the fixture site's
 * data root, and synthetic records of any size written by tools/synth.ts into a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, type Model } from '../../src/derive/model.ts';
import type { Announcement } from '../../src/validate/record.ts';
import { validateDataRoot, type ValidatedRecord } from '../../src/validate/validate.ts';
import { writeSynth } from '../../tools/synth.ts';

const REPO = join(import.meta.dirname, '../..');
export const SAMPLE_DATA = join(REPO, 'data');
export const BASIC_DATA = join(REPO, 'test/fixtures/site/basic');

export function modelOf(root: string): { record: ValidatedRecord; model: Model } {
  const record = validateDataRoot(root);
  if (record.report.errors > 0) throw new Error(`${root} has ${record.report.errors} errors`);
  return { record, model: buildModel(record) };
}

/** A synthetic record of `lines` lines, validated and derived; its folder is removed at once. */
export function synthModel(lines: number, seed = 1): { record: ValidatedRecord; model: Model } {
  const dir = mkdtempSync(join(tmpdir(), `phaseout-synth-${lines}-`));
  try {
    writeSynth(join(dir, 'data'), { lines, seed, lock: true });
    return modelOf(join(dir, 'data'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A record `k` times the size of `model`'s with the same shape, for growth tests: each
 * announcement copied `k` times under new ids, with its line ids suffixed so that each copy is a
 * record of its own, in publication order.
 */
export function replicateRecord(model: Model, k: number): { chronological: Announcement[]; byId: Map<string, Announcement>; corrections: Set<string> } {
  const chronological: Announcement[] = [];
  const corrections = new Set<string>();
  const valid = new Set(model.supersededBy.values());
  for (const a of model.chronological) {
    for (let c = 0; c < k; c++) {
      const id = `${a.id}-c${c}`;
      const meta = { ...a.meta, ...(a.meta.supersedes ? { supersedes: `${a.meta.supersedes}-c${c}` } : {}) };
      // Every kind's identity made distinct per copy (deltas compare codes as text, never look them up).
      const rows = a.rows.map((r) => ({ ...r, data: 'line_id' in r.data ? { ...r.data, line_id: `${r.data.line_id}c${c}` } : 'card_id' in r.data ? { ...r.data, card_id: `${r.data.card_id}c${c}` } : { ...r.data, region_code: `${r.data.region_code}c${c}` } }));
      if (valid.has(a.id)) corrections.add(id);
      chronological.push({ ...a, id, meta, rows } as Announcement);
    }
  }
  return { chronological, byId: new Map(chronological.map((a) => [a.id, a])), corrections };
}
