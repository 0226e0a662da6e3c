/**
 * 逾期 or 未见完成公告: the one rule for a line whose deadline has passed without completion. The
 * model's flags (`overdue`, `unreported`), the progress counts, the pages, lines.csv and the
 * watchlist of lines past their deadline all come from `deadlineVerdict`.
 *
 * A line is **逾期** (overdue) when its deadline's last day is before the as-of date, it is not
 * complete (sealed, dismantled or accepted), and the record gives reason to expect its completion
 * to be reported: a completion announcement in force covers the line's region (it was issued for
 * the line's region or a region containing it) for the deadline's year or a later one. That
 * office reported the completions of that year; a line it does not report complete is late.
 *
 * Where no such completion announcement exists — an old national list, or a plan whose region
 * has published no completion list since its deadline — the record cannot say whether the line
 * was eliminated: it is **未见完成公告** (`unreported`), never called overdue.
 */
import type { Announcement } from '../validate/record.ts';
import type { RegionTable } from '../reference/regions.ts';

export type DeadlineVerdict = 'overdue' | 'unreported';

/** Last day a deadline allows: YYYY-MM means the end of that month. */
export function deadlineEnd(deadline: string): string {
  if (deadline.length === 10) return deadline;
  const [y, m] = deadline.split('-').map(Number) as [number, number];
  return `${deadline}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * Region code → the latest programme year of a completion announcement in force issued for it.
 * One pass over the announcements.
 */
export function completionYears(chronological: readonly Announcement[], superseded: ReadonlySet<string>): Map<string, number> {
  const years = new Map<string, number>();
  for (const a of chronological) {
    if (a.kind !== 'completion' || superseded.has(a.id)) continue;
    const y = years.get(a.meta.region);
    if (y === undefined || a.meta.year > y) years.set(a.meta.region, a.meta.year);
  }
  return years;
}

/** The latest completion year reported for a region or any region containing it (its chain: at most four codes). */
export function completionYearCovering(regionCode: string, years: ReadonlyMap<string, number>, regions: Pick<RegionTable, 'chain'>): number | undefined {
  let best: number | undefined;
  for (const r of regions.chain(regionCode)) {
    const y = years.get(r.code);
    if (y !== undefined && (best === undefined || y > best)) best = y;
  }
  return best;
}

/**
 * The verdict on a line past its deadline, or undefined when its deadline has not passed (or it
 * has none) or it is complete. `coveredUntil` is `completionYearCovering` of the line's region.
 */
export function deadlineVerdict(line: { deadline: string | undefined; complete: boolean; coveredUntil: number | undefined }, asOf: string): DeadlineVerdict | undefined {
  const { deadline, complete, coveredUntil } = line;
  if (deadline === undefined || complete || deadlineEnd(deadline) >= asOf) return undefined;
  return coveredUntil !== undefined && coveredUntil >= Number(deadline.slice(0, 4)) ? 'overdue' : 'unreported';
}
