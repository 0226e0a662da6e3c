/**
 * `/regions/<code>/data.json`: what a region's page shows, as data with stable keys, so that a
 * journalist can cite and fetch it: the progress figures, lines by status, targets against
 * capacity by year, industry and unit, the children's progress, the lines the page lists (in the
 * page's order), the announcements the region issued, and its downloads.
 *
 * Keys are snake_case and never renamed; a new figure is a new key. The lines are those the page
 * lists: up to `pageLineLimit` of them, in the page's order (`lines_total` says how many there are;
 * the children's files and /data/lines.csv have the rest).
 */
import { publishLine } from '../derive/published-line.ts';
import { shownColumns, type PublishedColumn } from '../schema/published-line.ts';
import { childRegions, orderLines, progressOf } from '../derive/aggregate.ts';
import type { LineState, Model, Progress } from '../derive/model.ts';
import { LINE_STATUSES } from '../schema/line.ts';
import { announcementPage } from './tables.ts';

/** Lines a region without sub-regions (a county) lists itself, at most: all of them, as a rule. */
export const REGION_PAGE_LINES = 200;
/**
 * Lines a region with sub-regions lists itself: the first in the page's order (overdue and
 * unreported first). Its sub-regions' pages list the rest, and a national site's 360 provinces
 * and cities would otherwise repeat 70,000 of their counties' lines.
 */
export const PARENT_PAGE_LINES = 50;

/** How many of its lines a region's page and data.json list. */
export const pageLineLimit = (model: Model, code: string): number => (childRegions(model, code).length > 0 ? PARENT_PAGE_LINES : REGION_PAGE_LINES);

/**
 * The version of this file's layout; raised only if a key changes meaning or goes away. Format 2:
 * targets_vs_capacity and announcements_issued are tables (columns, then rows), as lines was.
 */
export const REGION_DATA_FORMAT = 2;

/** A list of records as a table: the keys once, then each record's values in their order (a county's 100 rows of targets would repeat every key 100 times). */
function asTable<K extends string>(columns: readonly K[], records: readonly Record<K, unknown>[]): { columns: readonly K[]; rows: unknown[][] } {
  return { columns, rows: records.map((r) => columns.map((c) => r[c])) };
}
const CAPACITY_COLUMNS = ['year', 'industry', 'industry_name', 'unit', 'target', 'planned', 'eliminated'] as const;
const ISSUED_COLUMNS = ['id', 'title', 'kind', 'year', 'published', 'rows', 'superseded_by', 'page'] as const;

export const regionDataPath = (code: string) => `/regions/${code}/data.json`;

/** Sums of decimals without the float's noise (0.1 + 0.2 = 0.3, not 0.30000000000000004). */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A share with four decimals (0.3333), so a cited figure reads the same everywhere. */
const share = (p: Progress) => (p.share === undefined ? null : Math.round(p.share * 10_000) / 10_000);

function progressJson(p: Progress) {
  return {
    lines: p.lines,
    complete: p.complete,
    overdue: p.overdue,
    unreported: p.unreported,
    share_complete: share(p),
    by_status: Object.fromEntries(LINE_STATUSES.map((s) => [s, p.byStatus[s]])),
  };
}

/**
 * The lines the page lists, as a table: the published line's keys and the columns a region's
 * lines table shows (src/schema/published-line.ts), each line an array in that order.
 */
const LINE_COLUMNS: readonly PublishedColumn[] = ['line_key', 'enterprise_key', ...shownColumns('table').map((c) => c.name), 'capacity_unit', 'overdue', 'unreported', 'last_changed'];

function linesTableJson(model: Model, lines: readonly LineState[]) {
  return {
    columns: LINE_COLUMNS,
    rows: lines.map((l) => {
      const p = publishLine(model, l);
      return LINE_COLUMNS.map((c) => p[c] ?? null);
    }),
  };
}

export interface RegionDownload {
  path: string;
  bytes: number;
  sha256: string;
}

/** The data of a region's page. `downloads` are the region's files written before this one. */
export function regionData(model: Model, code: string, site: URL, downloads: readonly RegionDownload[] = []): Record<string, unknown> {
  const r = model.regions.get(code);
  const lines = model.linesByRegion.get(code) ?? [];
  const children = childRegions(model, code).map((c) => ({ code: c, p: model.progressByRegion.get(c) ?? progressOf([]) }));
  // The page's order: by share complete, highest first, then by code.
  children.sort((a, b) => (b.p.share ?? -1) - (a.p.share ?? -1) || (a.code < b.code ? -1 : 1));
  const listed = orderLines(lines).slice(0, pageLineLimit(model, code));
  const issued = model.announcementsIssuedBy.get(code) ?? [];
  return {
    format: REGION_DATA_FORMAT,
    region: { code, name: r?.name ?? code, level: r?.level ?? null, parent: r?.parent ?? null },
    chain: model.regions.chain(code).map((x) => ({ code: x.code, name: x.name })),
    as_of: model.asOf,
    version: model.release.id,
    page: new URL(`/regions/${code}/`, site).href,
    progress: progressJson(model.progressByRegion.get(code) ?? progressOf(lines)),
    children: children.map(({ code: c, p }) => ({ code: c, name: model.regions.get(c)?.name ?? c, ...progressJson(p), page: `/regions/${c}/` })),
    targets_vs_capacity: asTable(CAPACITY_COLUMNS, (model.capacityByRegion.get(code) ?? []).map((c) => ({
      year: c.year, industry: c.industry, industry_name: model.taxonomy.get(c.industry)?.name ?? c.industry, unit: c.unit,
      target: c.target === undefined ? null : round(c.target), planned: round(c.planned), eliminated: round(c.eliminated),
    }))),
    lines_total: lines.length,
    lines_listed: listed.length,
    lines: linesTableJson(model, listed),
    announcements_issued: asTable(ISSUED_COLUMNS, issued.map((a) => ({
      id: a.id, title: a.meta.title, kind: a.kind, year: a.meta.year, published: a.meta.published, rows: a.rows.length,
      superseded_by: model.supersededBy.get(a.id) ?? null, page: announcementPage(a.id),
    }))),
    feed: `/regions/${code}/feed.xml`,
    downloads,
  };
}
