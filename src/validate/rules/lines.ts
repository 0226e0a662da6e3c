import type { Problem } from '../../schema/problem.ts';
import { STATUS_RANK, statusLabel, type LineRow, type LineStatus } from '../../schema/line.ts';
import { problem } from '../../problems/catalogue.ts';
import { matchKey } from '../../text/normalize.ts';
import { byPublication, isLineAnnouncement, type Announcement, type LineAnnouncement } from '../record.ts';
import type { RegionTable } from '../../reference/regions.ts';
import type { Row } from '../table.ts';

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
  private readonly numbers = new Map<string, number>();
  private readonly byRows = new WeakMap<readonly Row<LineRow>[], Int32Array>();

  /** How many distinct lines have been numbered. */
  get size(): number {
    return this.numbers.size;
  }

  /** The line number of each row of `a`, in row order. */
  of(a: LineAnnouncement): Int32Array {
    let ids = this.byRows.get(a.rows);
    if (ids === undefined) {
      ids = new Int32Array(a.rows.length);
      for (let i = 0; i < a.rows.length; i++) {
        const key = lineKey(a.rows[i]!.data);
        let n = this.numbers.get(key);
        if (n === undefined) this.numbers.set(key, (n = this.numbers.size));
        ids[i] = n;
      }
      this.byRows.set(a.rows, ids);
    }
    return ids;
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

/** Line announcements in publication order, once per list of announcements (rules share it). */
function linesByPublication(announcements: readonly Announcement[]): LineAnnouncement[] {
  let lines = sortedLines.get(announcements);
  if (!lines) sortedLines.set(announcements, (lines = announcements.filter(isLineAnnouncement).sort(byPublication)));
  return lines;
}
const sortedLines = new WeakMap<readonly Announcement[], LineAnnouncement[]>();

interface Done {
  year: number;
  id: string;
  status: LineStatus;
}

/** Code points that coarseHash counts: ideographs (and the Yijing symbols among them), BMP compatibility ideographs, the astral planes of ideographs. */
const isIdeograph = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);

/**
 * A number for `exact` (taken as it is) and the ideographs of each text's NFKC form, in order.
 * Texts with equal matchKeys have equal ideographs in their NFKC forms (matchKey removes and
 * case-folds no ideograph), so equal identities always get equal numbers; different ones may
 * share a number, and are told apart by their matchKeys.
 */
function coarseHash(exact: string, text: string, more?: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < exact.length; i++) h = Math.imul(h ^ exact.charCodeAt(i), 0x01000193);
  h = ideographHash(Math.imul(h ^ 0x3a, 0x01000193), text);
  if (more !== undefined) h = ideographHash(Math.imul(h ^ 0x3a, 0x01000193), more);
  return h >>> 2; // a small integer, cheap as a map key
}

/**
 * The ideographs of NFKC(text), one code point at a time: NFKC maps each character on its own
 * as far as ideographs go (they are starters that compose with nothing). A unified ideograph is
 * its own NFKC form and nothing below U+2E80 becomes one (test/unit/identity.test.ts checks
 * both for every code point); the rest (Kangxi radicals ⼯, compatibility ideographs, ㈱, ⑴ …) is
 * normalised once per character and remembered.
 */
function ideographHash(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0x3400 && c <= 0x9fff) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    const pair = (c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const cp = pair ? ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000 : c;
    if (pair) i++;
    for (const x of nfkcIdeographs(cp)) h = Math.imul(h ^ x, 0x01000193);
  }
  return h;
}

const ideographsOf = new Map<number, readonly number[]>();
/** The ideographs (code points) of NFKC of one code point. */
export function nfkcIdeographs(cp: number): readonly number[] {
  let out = ideographsOf.get(cp);
  if (out === undefined) {
    const found: number[] = [];
    for (const ch of String.fromCodePoint(cp).normalize('NFKC')) {
      const x = ch.codePointAt(0)!;
      if (isIdeograph(x)) found.push(x);
    }
    ideographsOf.set(cp, (out = found));
  }
  return out;
}

/** coarseHash of one text, for tests. */
export const identityHash = (text: string) => coarseHash('', text);

interface DoneRow {
  row: LineRow;
  done: Done;
}

/**
 * Where each line was first dismantled or accepted, by each of its identities: its line number,
 * and — when the equipment is named — the enterprise (region and name) or the credit code, each
 * with the equipment, compared by matchKey. Rows are filed under coarseHash of the identity, and
 * matchKeys are computed only for a plan row whose number some done row shares: normalising every
 * name and equipment of a national record is the costliest step of this rule otherwise.
 */
class DoneIndex {
  readonly byLine: (Done | undefined)[] = [];
  readonly byEnterprise = new Map<number, DoneRow[]>();
  readonly byCode = new Map<number, DoneRow[]>();
  readonly match = matchKeys();

  add(row: LineRow, line: number, done: Done): void {
    const prev = this.byLine[line];
    if (prev === undefined || done.year < prev.year) this.byLine[line] = done;
    if (row.equipment === undefined) return;
    file(this.byEnterprise, coarseHash(row.region_code, row.enterprise_name, row.equipment), { row, done });
    if (row.credit_code) file(this.byCode, coarseHash(row.credit_code, row.equipment), { row, done });
  }

  /** The first identity of `row` done before `year`, and whether it was the line key. */
  before(row: LineRow, line: number, year: number): { done: Done; byLineId: boolean } | undefined {
    const byId = this.byLine[line];
    if (byId !== undefined && byId.year < year) return { done: byId, byLineId: true };
    if (row.equipment === undefined) return undefined;
    const en = this.earliest(this.byEnterprise.get(coarseHash(row.region_code, row.enterprise_name, row.equipment)), row, year, false);
    if (en !== undefined) return { done: en, byLineId: false };
    if (!row.credit_code) return undefined;
    const cc = this.earliest(this.byCode.get(coarseHash(row.credit_code, row.equipment)), row, year, true);
    return cc === undefined ? undefined : { done: cc, byLineId: false };
  }

  /**
   * Of the rows done before `year` that are `row`'s line by enterprise (region and name) or, with
   * `byCode`, by credit code — each with the same equipment, by matchKey — the earliest (first
   * filed on a tie). Years are compared first: most candidates are the same line done later.
   */
  private earliest(candidates: DoneRow[] | undefined, row: LineRow, year: number, byCode: boolean): Done | undefined {
    if (candidates === undefined) return undefined;
    let best: Done | undefined;
    for (const c of candidates) {
      if (c.done.year >= year || (best !== undefined && c.done.year >= best.year)) continue;
      const other = c.row;
      const same = byCode
        ? other.credit_code === row.credit_code
        : other.region_code === row.region_code && this.match(other.enterprise_name) === this.match(row.enterprise_name);
      if (!same || other.equipment === undefined || this.match(other.equipment) !== this.match(row.equipment!)) continue;
      best = c.done;
    }
    return best;
  }
}

function file(map: Map<number, DoneRow[]>, key: number, entry: DoneRow): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
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
      out.push(problem('re-reported', rowWhere(a, row, 'line_id'), { value: row.data.line_id, what, year: hit.done.year, other: hit.done.id, status: statusLabel(hit.done.status), thisYear: year }));
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
        out.push(problem('status-regressed', rowWhere(a, row, 'status'), { value: row.data.line_id, before: statusLabel(prev.status), after: statusLabel(status), other: prev.id }));
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

/** What identifies the line a row is about beyond its line_id: the enterprise, the region, the industry. */
function identityChange(first: LineRow, row: LineRow, match: (s: string) => string): string | undefined {
  // The same credit code is the same enterprise, renamed or not; without two codes, the name decides.
  const enterprise = first.credit_code && row.credit_code
    ? first.credit_code !== row.credit_code
    : first.enterprise_name !== row.enterprise_name && match(first.enterprise_name) !== match(row.enterprise_name);
  if (enterprise) return first.credit_code && row.credit_code ? 'credit_code' : 'enterprise_name';
  if (first.region_code !== row.region_code) return 'region_code';
  if (first.industry !== row.industry) return 'industry';
  return undefined;
}

/** A line as the message names it: enterprise (credit code), region, industry. */
export type LineText = (r: LineRow) => string;
const plainLineText: LineText = (r) => `“${r.enterprise_name}”（${[r.credit_code, r.region_code, r.industry].filter(Boolean).join('，')}）`;

/**
 * line-identity-changed: a line_id that an announcement in force published for one enterprise
 * (credit code, or name by matchKey), region or industry, used in a later one for another. Only
 * announcements in force count: a valid correction takes the place of the one it supersedes, so
 * what it publishes is the line's identity from then on.
 */
export function checkLineIdentity(inForce: readonly Announcement[], lines = new LineIndex(), lineText: LineText = plainLineText): Problem[] {
  const anns = linesByPublication(inForce);
  for (const a of anns) lines.of(a);
  const first: ({ row: LineRow; id: string } | undefined)[] = new Array(lines.size);
  const match = matchKeys();
  const out: Problem[] = [];
  for (const a of anns) {
    const ids = lines.of(a);
    for (let i = 0; i < a.rows.length; i++) {
      const row = a.rows[i]!;
      const seen = first[ids[i]!];
      if (seen === undefined) {
        first[ids[i]!] = { row: row.data, id: a.id };
        continue;
      }
      if (seen.id === a.id || a.meta.supersedes === seen.id) continue; // a repeated row is duplicate-row's
      const column = identityChange(seen.row, row.data, match);
      if (column === undefined) continue;
      out.push(problem('line-identity-changed', rowWhere(a, row, column), { value: row.data.line_id, other: seen.id, before: lineText(seen.row), after: lineText(row.data) }));
    }
  }
  return out;
}
