/**
 * Views of the model's aggregates for pages and charts. The model computes the aggregates once
 * (src/derive/model.ts); these functions only look them up or order a region's own lines.
 */
import type { CapacityCell, LineState, Model, Progress, TargetInForce } from './model.ts';
import { capacityCells } from './model.ts';

export { progressOf, type CapacityCell, type Progress } from './model.ts';

const NO_PROGRESS: Progress = { lines: 0, complete: 0, overdue: 0, unreported: 0, byStatus: { planned: 0, shutdown: 0, sealed: 0, dismantled: 0, accepted: 0, incomplete: 0 }, share: undefined };

/** Progress of a region: its lines and those below it. */
export const regionProgress = (model: Model, code: string): Progress => model.progressByRegion.get(code) ?? NO_PROGRESS;

/** Targets in force set for exactly `region`. */
export const targetsFor = (model: Model, region: string): readonly TargetInForce[] => model.targetsByRegion.get(region) ?? [];

/** A region's targets and capacity by year, industry and unit (itself and below it). */
export const regionCapacity = (model: Model, code: string): readonly CapacityCell[] => model.capacityByRegion.get(code) ?? [];

/**
 * Capacity by year, industry and unit of any set of lines (an industry's, a province's within an
 * industry), with the targets of `region` if given.
 */
export function capacityTable(model: Model, lines: readonly LineState[], region: string | undefined): CapacityCell[] {
  return capacityCells(lines, region === undefined ? [] : targetsFor(model, region));
}

/** Direct children of a region that the data touches, by code. */
export const childRegions = (model: Model, code: string): readonly string[] => model.childrenOf.get(code) ?? [];

/**
 * Server-rendered order of a region's lines: overdue first, then past their deadline with no
 * completion announcement to expect (未见完成公告), then unfinished, then complete; within each by
 * region and enterprise.
 */
export function orderLines(lines: readonly LineState[]): LineState[] {
  const rank = (l: LineState) => (l.overdue ? 0 : l.unreported ? 1 : l.complete ? 3 : 2);
  return [...lines].sort((a, b) => rank(a) - rank(b) || (a.row.region_code < b.row.region_code ? -1 : a.row.region_code > b.row.region_code ? 1 : 0) || (a.row.enterprise_name < b.row.enterprise_name ? -1 : a.row.enterprise_name > b.row.enterprise_name ? 1 : 0) || (a.key < b.key ? -1 : 1));
}
