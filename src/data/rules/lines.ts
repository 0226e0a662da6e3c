import type { Problem } from '../../schema/problem.ts';
import { STATUS_RANK, type LineRow, type LineStatus } from '../../schema/line.ts';
import { problem } from '../catalogue.ts';
import { matchKey } from '../normalize.ts';
import { byPublication, isLineAnnouncement, type Announcement, type LineAnnouncement } from '../record.ts';
import type { RegionTable } from '../regions.ts';
import type { Row } from '../table.ts';

const STATUS_ZH: Record<LineStatus, string> = { planned: '计划淘汰', shutdown: '已关停', sealed: '已封存', dismantled: '已拆除', accepted: '已验收', incomplete: '未完成' };

/**
 * Identity of a line across announcements. `line_id`s are kept by offices across years; they are
 * scoped by province so two provinces' "001" never meet.
 */
export const lineKey = (row: LineRow) => `${row.region_code.slice(0, 2)}:${row.line_id}`;

/** Other identities of the same physical line: credit code or enterprise, plus equipment. */
function altKeys(row: LineRow): string[] {
  if (row.equipment === undefined) return [];
  const eq = matchKey(row.equipment);
  const keys = [`en:${row.region_code}:${matchKey(row.enterprise_name)}:${eq}`];
  if (row.credit_code) keys.push(`cc:${row.credit_code}:${eq}`);
  return keys;
}

const rowWhere = (a: LineAnnouncement, row: Row<LineRow>, column: string) => ({ file: a.csvFile, line: row.line, column });

/**
 * re-reported (瞒报、谎报): a line that reached dismantled/accepted in a year appears in a plan of
 * a later year. Only announcements in force count.
 */
export function checkReReported(inForce: readonly Announcement[]): Problem[] {
  const done = new Map<string, { year: number; id: string; status: LineStatus }>();
  const lineAnns = inForce.filter(isLineAnnouncement).sort(byPublication);
  for (const a of lineAnns) {
    for (const row of a.rows) {
      if (row.data.status !== 'dismantled' && row.data.status !== 'accepted') continue;
      for (const k of [lineKey(row.data), ...altKeys(row.data)]) {
        const prev = done.get(k);
        if (!prev || a.meta.year < prev.year) done.set(k, { year: a.meta.year, id: a.id, status: row.data.status });
      }
    }
  }
  const out: Problem[] = [];
  for (const a of lineAnns) {
    if (a.kind !== 'plan') continue;
    for (const row of a.rows) {
      const keys = [lineKey(row.data), ...altKeys(row.data)];
      const hit = keys.map((k) => done.get(k)).find((d) => d !== undefined && d.year < a.meta.year);
      if (hit) {
        const what = keys[0] === lineKey(row.data) && done.get(keys[0]!) === hit ? `清单编号 ${row.data.line_id}` : `${row.data.enterprise_name} 的 ${row.data.equipment ?? ''}`;
        out.push(problem('re-reported', rowWhere(a, row, 'line_id'), { value: row.data.line_id, what, year: hit.year, other: hit.id, status: STATUS_ZH[hit.status], thisYear: a.meta.year }));
      }
    }
  }
  return out;
}

/** status-regressed: along publication order, a line's status never moves backwards. */
export function checkStatusRegressed(inForce: readonly Announcement[]): Problem[] {
  const best = new Map<string, { rank: number; status: LineStatus; id: string }>();
  const out: Problem[] = [];
  for (const a of inForce.filter(isLineAnnouncement).sort(byPublication)) {
    for (const row of a.rows) {
      const key = lineKey(row.data);
      const status = row.data.status;
      const prev = best.get(key);
      // `incomplete` is a verdict, not a step: it regresses only a line already dismantled or accepted.
      const regressed = prev !== undefined && (status === 'incomplete' ? prev.rank >= STATUS_RANK.dismantled : STATUS_RANK[status] < prev.rank);
      if (regressed) {
        out.push(problem('status-regressed', rowWhere(a, row, 'status'), { value: row.data.line_id, before: STATUS_ZH[prev.status], after: STATUS_ZH[status], other: prev.id }));
      } else if (status !== 'incomplete' && (!prev || STATUS_RANK[status] >= prev.rank)) {
        best.set(key, { rank: STATUS_RANK[status], status, id: a.id });
      }
    }
  }
  return out;
}

/** not-in-plan: a completion row whose line is in no plan of that region. */
export function checkNotInPlan(all: readonly Announcement[], regions: RegionTable): Problem[] {
  const plans = all.filter((a): a is LineAnnouncement => a.kind === 'plan');
  const planned = new Map<string, string[]>(); // line key → regions of the plans that list it
  for (const p of plans) for (const row of p.rows) {
    const k = lineKey(row.data);
    planned.set(k, [...(planned.get(k) ?? []), p.meta.region]);
  }
  const out: Problem[] = [];
  for (const a of all) {
    if (a.kind !== 'completion') continue;
    for (const row of a.rows) {
      const regionsOfPlans = planned.get(lineKey(row.data)) ?? [];
      const ok = regionsOfPlans.some((r) => regions.contains(r, a.meta.region) || regions.contains(a.meta.region, r));
      if (!ok) out.push(problem('not-in-plan', rowWhere(a, row, 'line_id'), { value: row.data.line_id }));
    }
  }
  return out;
}
