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

/**
 * The lines of one record numbered 0, 1, 2 … by line key, once for all the rules across
 * announcements, which then keep their state in arrays indexed by that number.
 */
export class LineIndex {
  /** line_id → number × 100 + province of the first line with that id (most ids are used in one province). */
  private readonly byId = new Map<string, number>();
  /** lineKey → number, for the lines of an id already used in another province. */
  private readonly byKey = new Map<string, number>();
  private readonly byRows = new WeakMap<readonly Row<LineRow>[], Int32Array>();
  private count = 0;

  /** How many distinct lines have been numbered. */
  get size(): number {
    return this.count;
  }

  /** The line number of each row of `a`, in row order. */
  of(a: LineAnnouncement): Int32Array {
    let ids = this.byRows.get(a.rows);
    if (ids === undefined) {
      ids = new Int32Array(a.rows.length);
      for (let i = 0; i < a.rows.length; i++) ids[i] = this.number(a.rows[i]!.data);
      this.byRows.set(a.rows, ids);
    }
    return ids;
  }

  /** The number of the line lineKey(row) names, without building that string for most rows. */
  private number(row: LineRow): number {
    const code = row.region_code; // six digits, validated
    const province = (code.charCodeAt(0) - 48) * 10 + (code.charCodeAt(1) - 48);
    const first = this.byId.get(row.line_id);
    if (first === undefined) {
      const n = this.count++;
      this.byId.set(row.line_id, n * 100 + province);
      return n;
    }
    if (first % 100 === province) return (first - province) / 100;
    const key = lineKey(row);
    let n = this.byKey.get(key);
    if (n === undefined) this.byKey.set(key, (n = this.count++));
    return n;
  }
}

/** matchKey of names and equipment texts, which repeat across a record's announcements. */
function matchKeys(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let k = seen.get(s);
    if (k === undefined) seen.set(s, (k = matchKey(s)));
    return k;
  };
}

const rowWhere = (a: LineAnnouncement, row: Row<LineRow>, column: string) => ({ file: a.csvFile, line: row.line, column });

/** Line announcements in publication order (already sorted input costs one pass). */
function linesByPublication(announcements: readonly Announcement[]): LineAnnouncement[] {
  return announcements.filter(isLineAnnouncement).sort(byPublication);
}

interface Done {
  year: number;
  id: string;
  status: LineStatus;
}

/**
 * Where each line was first dismantled or accepted, by each of its identities: its line key,
 * and — when the equipment is named — the enterprise (region and name) or the credit code, each
 * with the equipment. Nested maps of the parts rather than joined strings: the parts are the
 * same string objects row after row, so their hashes are computed once.
 */
class DoneIndex {
  readonly byLine: (Done | undefined)[] = [];
  readonly byEnterprise = new Map<string, Map<string, Map<string, Done>>>();
  readonly byCode = new Map<string, Map<string, Done>>();
  readonly match = matchKeys();

  add(row: LineRow, line: number, d: Done): void {
    const prev = this.byLine[line];
    if (prev === undefined || d.year < prev.year) this.byLine[line] = d;
    if (row.equipment === undefined) return;
    const eq = this.match(row.equipment);
    keepEarliest(inner(inner(this.byEnterprise, row.region_code), this.match(row.enterprise_name)), eq, d);
    if (row.credit_code) keepEarliest(inner(this.byCode, row.credit_code), eq, d);
  }

  /** The first identity of `row` done before `year`, and whether it was the line key. */
  before(row: LineRow, line: number, year: number): { done: Done; byLineId: boolean } | undefined {
    const byId = this.byLine[line];
    if (byId !== undefined && byId.year < year) return { done: byId, byLineId: true };
    if (row.equipment === undefined) return undefined;
    const eq = this.match(row.equipment);
    const en = this.byEnterprise.get(row.region_code)?.get(this.match(row.enterprise_name))?.get(eq);
    if (en !== undefined && en.year < year) return { done: en, byLineId: false };
    const cc = row.credit_code ? this.byCode.get(row.credit_code)?.get(eq) : undefined;
    if (cc !== undefined && cc.year < year) return { done: cc, byLineId: false };
    return undefined;
  }
}

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = outer.get(key);
  if (m === undefined) outer.set(key, (m = new Map()));
  return m;
}

function keepEarliest(map: Map<string, Done>, key: string, d: Done): void {
  const prev = map.get(key);
  if (prev === undefined || d.year < prev.year) map.set(key, d);
}

/**
 * re-reported (瞒报、谎报): a line that reached dismantled/accepted in a year appears in a plan of
 * a later year. Only announcements in force count.
 */
export function checkReReported(inForce: readonly Announcement[], lines = new LineIndex()): Problem[] {
  const done = new DoneIndex();
  const lineAnns = linesByPublication(inForce);
  let any = false;
  for (const a of lineAnns) {
    const ids = lines.of(a);
    for (let i = 0; i < a.rows.length; i++) {
      const row = a.rows[i]!;
      const status = row.data.status;
      if (status !== 'dismantled' && status !== 'accepted') continue;
      done.add(row.data, ids[i]!, { year: a.meta.year, id: a.id, status });
      any = true;
    }
  }
  const out: Problem[] = [];
  if (!any) return out;
  for (const a of lineAnns) {
    if (a.kind !== 'plan') continue;
    const year = a.meta.year;
    const ids = lines.of(a);
    for (let i = 0; i < a.rows.length; i++) {
      const row = a.rows[i]!;
      const hit = done.before(row.data, ids[i]!, year);
      if (!hit) continue;
      const what = hit.byLineId ? `清单编号 ${row.data.line_id}` : `${row.data.enterprise_name} 的 ${row.data.equipment ?? ''}`;
      out.push(problem('re-reported', rowWhere(a, row, 'line_id'), { value: row.data.line_id, what, year: hit.done.year, other: hit.done.id, status: STATUS_ZH[hit.done.status], thisYear: year }));
    }
  }
  return out;
}

/** status-regressed: along publication order, a line's status never moves backwards. */
export function checkStatusRegressed(inForce: readonly Announcement[], lines = new LineIndex()): Problem[] {
  const anns = linesByPublication(inForce);
  for (const a of anns) lines.of(a);
  // Per line: the furthest status reached so far and the announcement that reached it.
  const best: ({ rank: number; status: LineStatus; id: string } | undefined)[] = new Array(lines.size);
  const out: Problem[] = [];
  for (const a of anns) {
    const ids = lines.of(a);
    for (let i = 0; i < a.rows.length; i++) {
      const row = a.rows[i]!;
      const line = ids[i]!;
      const status = row.data.status;
      const rank = STATUS_RANK[status];
      const prev = best[line];
      // `incomplete` is a verdict, not a step: it regresses only a line already dismantled or accepted.
      const regressed = prev !== undefined && (status === 'incomplete' ? prev.rank >= STATUS_RANK.dismantled : rank < prev.rank);
      if (regressed) {
        out.push(problem('status-regressed', rowWhere(a, row, 'status'), { value: row.data.line_id, before: STATUS_ZH[prev.status], after: STATUS_ZH[status], other: prev.id }));
      } else if (status !== 'incomplete' && (!prev || rank >= prev.rank)) {
        best[line] = { rank, status, id: a.id };
      }
    }
  }
  return out;
}

/** not-in-plan: a completion row whose line is in no plan of that region. */
export function checkNotInPlan(all: readonly Announcement[], regions: RegionTable, lines = new LineIndex()): Problem[] {
  // Per line: the regions of the plans that list it.
  const planned: (string[] | undefined)[] = [];
  for (const p of all) {
    if (p.kind !== 'plan') continue;
    const region = p.meta.region;
    const ids = lines.of(p);
    for (let i = 0; i < ids.length; i++) {
      const list = planned[ids[i]!];
      if (list === undefined) planned[ids[i]!] = [region];
      else if (!list.includes(region)) list.push(region);
    }
  }
  const out: Problem[] = [];
  for (const a of all) {
    if (a.kind !== 'completion') continue;
    const region = a.meta.region;
    const ids = lines.of(a);
    for (let i = 0; i < a.rows.length; i++) {
      const regionsOfPlans = planned[ids[i]!];
      let ok = false;
      if (regionsOfPlans !== undefined) {
        for (const r of regionsOfPlans) if (regions.contains(r, region) || regions.contains(region, r)) { ok = true; break; }
      }
      if (!ok) out.push(problem('not-in-plan', rowWhere(a, a.rows[i]!, 'line_id'), { value: a.rows[i]!.data.line_id }));
    }
  }
  return out;
}
