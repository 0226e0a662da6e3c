import type { Problem } from '../../schema/problem.ts';
import type { TargetRow } from '../../schema/target.ts';
import { problem } from '../../problems/catalogue.ts';
import type { Taxonomy } from '../../reference/industries.ts';
import { byPublication, type Announcement } from '../record.ts';
import type { RegionTable } from '../../reference/regions.ts';

interface Placed {
  row: TargetRow;
  file: string;
  line: number;
}

/**
 * targets-exceed: for a year and industry, the targets of a region's direct children add up to
 * more than the region's own target (compared per unit, and for counts).
 */
export function checkTargetsExceed(inForce: readonly Announcement[], regions: RegionTable, taxonomy: Taxonomy): Problem[] {
  // The latest target in force for each (year, region, industry).
  const latest = new Map<string, Placed & { year: number }>();
  for (const a of inForce.filter((x) => x.kind === 'target').sort(byPublication)) {
    for (const r of a.rows as { line: number; data: TargetRow }[]) {
      latest.set(`${a.meta.year}|${r.data.region_code}|${r.data.industry}`, { row: r.data, file: a.csvFile, line: r.line, year: a.meta.year });
    }
  }
  const children = new Map<string, (Placed & { year: number })[]>();
  for (const t of latest.values()) {
    const parent = regions.get(t.row.region_code)?.parent;
    if (parent === undefined) continue;
    const k = `${t.year}|${parent}|${t.row.industry}`;
    const list = children.get(k);
    if (list) list.push(t);
    else children.set(k, [t]);
  }
  const out: Problem[] = [];
  for (const [k, kids] of [...children.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const parent = latest.get(k);
    if (!parent) continue;
    const industry = taxonomy.get(parent.row.industry)?.name ?? parent.row.industry;
    const report = (sum: number, own: number, unit: string) =>
      out.push(problem('targets-exceed', { file: parent.file, line: parent.line, column: unit === '处/台' ? 'count' : 'capacity' }, {
        value: String(own), year: parent.year, industry, sum: round(sum), parent: own, unit, parentName: regions.get(parent.row.region_code)?.name ?? parent.row.region_code,
      }));
    if (parent.row.capacity !== undefined && parent.row.capacity_unit !== undefined) {
      const same = kids.filter((c) => c.row.capacity !== undefined && c.row.capacity_unit === parent.row.capacity_unit);
      const sum = same.reduce((s, c) => s + c.row.capacity!, 0);
      if (round(sum) > round(parent.row.capacity)) report(sum, parent.row.capacity, parent.row.capacity_unit);
    }
    if (parent.row.count !== undefined) {
      const sum = kids.reduce((s, c) => s + (c.row.count ?? 0), 0);
      if (sum > parent.row.count) report(sum, parent.row.count, '处/台');
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
