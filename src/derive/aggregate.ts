import { LINE_STATUSES, type LineStatus } from '../schema/line.ts';
import type { TargetRow } from '../schema/target.ts';
import type { LineState, Model } from './model.ts';
import { byPublication } from '../validate/record.ts';

/** Progress of a set of lines: how many, how many complete, overdue, by status. */
export interface Progress {
  lines: number;
  complete: number;
  overdue: number;
  byStatus: Record<LineStatus, number>;
  /** complete / lines, 0–1; undefined with no lines. */
  share: number | undefined;
}

export function progressOf(lines: readonly LineState[]): Progress {
  const byStatus = Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])) as Record<LineStatus, number>;
  let complete = 0;
  let overdue = 0;
  for (const l of lines) {
    byStatus[l.status]++;
    if (l.complete) complete++;
    if (l.overdue) overdue++;
  }
  return { lines: lines.length, complete, overdue, byStatus, share: lines.length ? complete / lines.length : undefined };
}

/** One cell of "targets against eliminated capacity": a year, an industry and one unit. */
export interface CapacityCell {
  year: number;
  industry: string;
  unit: string;
  /** The region's own target in force, if any. */
  target?: number | undefined;
  /** Capacity of lines planned that year (by plan year). */
  planned: number;
  /** Capacity of lines completed, counted in the year first reported complete. */
  eliminated: number;
}

/**
 * Targets and capacity by year, industry and unit for the lines of a region (never adding
 * different units together). `region` selects the targets set for that region itself.
 */
export function capacityTable(model: Model, lines: readonly LineState[], region: string | undefined): CapacityCell[] {
  const cells = new Map<string, CapacityCell>();
  const cell = (year: number, industry: string, unit: string) => {
    const k = `${year}|${industry}|${unit}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { year, industry, unit, planned: 0, eliminated: 0 }));
    return c;
  };
  for (const l of lines) {
    const { capacity, capacity_unit: unit, industry } = l.row;
    if (capacity === undefined || unit === undefined) continue;
    if (l.planYear !== undefined) cell(l.planYear, industry, unit).planned += capacity;
    if (l.completedYear !== undefined) cell(l.completedYear, industry, unit).eliminated += capacity;
  }
  if (region !== undefined) {
    for (const t of targetsFor(model, region)) {
      if (t.row.capacity !== undefined && t.row.capacity_unit !== undefined) cell(t.year, t.row.industry, t.row.capacity_unit).target = t.row.capacity;
    }
  }
  return [...cells.values()].sort((a, b) => a.year - b.year || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : a.unit < b.unit ? -1 : 1));
}

/** Targets in force set for exactly `region`, latest announcement winning. */
export function targetsFor(model: Model, region: string): { year: number; row: TargetRow; announcementId: string }[] {
  const latest = new Map<string, { year: number; row: TargetRow; announcementId: string }>();
  for (const a of [...model.announcements].sort(byPublication)) {
    if (a.kind !== 'target' || model.superseded.has(a.id)) continue;
    for (const r of a.rows) if (r.data.region_code === region) latest.set(`${a.meta.year}|${r.data.industry}`, { year: a.meta.year, row: r.data, announcementId: a.id });
  }
  return [...latest.values()];
}

/** Direct children of a region that the data touches. */
export function childRegions(model: Model, code: string): string[] {
  return [...model.regionCodes].filter((c) => c !== code && model.regions.get(c)?.parent === code).sort();
}

/** Server-rendered order of a region's lines: overdue first, then unfinished, then by region and enterprise. */
export function orderLines(lines: readonly LineState[]): LineState[] {
  const rank = (l: LineState) => (l.overdue ? 0 : l.complete ? 2 : 1);
  return [...lines].sort((a, b) => rank(a) - rank(b) || (a.row.region_code < b.row.region_code ? -1 : a.row.region_code > b.row.region_code ? 1 : 0) || (a.row.enterprise_name < b.row.enterprise_name ? -1 : a.row.enterprise_name > b.row.enterprise_name ? 1 : 0) || (a.key < b.key ? -1 : 1));
}
