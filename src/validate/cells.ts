import type { Problem } from '../schema/problem.ts';
import { YES_NO, type ColumnMeta } from '../schema/column.ts';
import { problemOf, type ProblemCode, type Where } from '../problems/catalogue.ts';
import { checkCreditCode } from '../text/credit-code.ts';
import { normaliseUnit, type Taxonomy } from '../reference/industries.ts';
import { toHalfWidth } from '../text/normalize.ts';
import type { RegionTable } from '../reference/regions.ts';

/** What reading one cell gave: a value (maybe with a warning), or a problem that replaces it. */
export type CellResult = { value: unknown; warning?: Problem } | { problem: Problem };

export interface CellContext {
  where: Where;
  taxonomy: Taxonomy;
  regions: RegionTable;
}

/** What the cell readers need to know besides the cell: the data root's lookups. */
export type Lookups = Pick<CellContext, 'taxonomy' | 'regions'>;

type Params = Record<string, string | number | undefined>;

/**
 * Why a cell can't be read: a catalogue code and the message's parameters (the column's Chinese
 * name and the value as written are added where the problem is placed). Readers return it
 * instead of a value, so that a cell that reads allocates nothing but its value.
 */
export class CellFailure {
  readonly code: ProblemCode;
  readonly params: Params;
  constructor(code: ProblemCode, params: Params = {}) {
    this.code = code;
    this.params = params;
  }
}

/** A value read with a warning about it (so far only a credit code's organisation digit). */
export class CellWarned {
  readonly value: unknown;
  readonly code: ProblemCode;
  constructor(value: unknown, code: ProblemCode) {
    this.value = value;
    this.code = code;
  }
}

/** Longest cell accepted in any column, whatever its own limit. */
export const MAX_CELL_CHARS = 2000;
const UNIT_SUFFIX = /^(-?\d+(?:\.\d+)?)\s*([^\d\s.,]+.*)$/;
const EXCEL_TEXT = /^="(.*)"$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const SIX_DIGITS = /^\d{6}$/;
const DIGITS = /^\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const SPACES = /\s+/g;

/**
 * Reads the trimmed text `value` of a non-blank cell (`raw` as written) as its column's type:
 * the value, a CellWarned, or a CellFailure. The hot path of validation: no closures, no
 * allocation for a cell that reads.
 */
export function readCellValue(value: string, raw: string, meta: ColumnMeta, lookups: Lookups, capacityColumn: boolean): unknown {
  if (value.length > MAX_CELL_CHARS) return new CellFailure('too-long', { length: value.length, max: MAX_CELL_CHARS, value: `${value.slice(0, 40)}…` });
  const first = value.charCodeAt(0);
  if (first === 61 /* = */) {
    const excel = EXCEL_TEXT.exec(value);
    if (excel) return new CellFailure('excel-text-formula', { inner: excel[1] });
  }
  const type = meta.type;
  if (type !== 'integer' && type !== 'decimal') {
    // A tab or line break before the text, or = + - @ as the first character of the trimmed text
    // (the value kept and offered for download), makes spreadsheets run the cell. The CSV reader
    // turns CR into LF, so a leading LF stands for the contract's carriage return.
    const lead = formulaLead(raw);
    if (lead !== undefined) return new CellFailure('formula-cell', { first: lead === '\t' ? '制表符' : '换行符' });
    if (first === 61 || first === 43 || first === 45 || first === 64) return new CellFailure('formula-cell', { first: value[0] });
  }
  if (type === 'text') {
    // Code units ≥ code points: count characters only when the quick count is over the limit.
    if (meta.max !== undefined && value.length > meta.max && [...value].length > meta.max) return new CellFailure('too-long', { length: [...value].length, max: meta.max });
    return value;
  }
  if (type === 'unit') return normaliseUnit(value);
  const folded = toHalfWidth(value);
  switch (type) {
    case 'code': {
      if (CODE.test(folded)) return folded;
      const v = folded.replace(SPACES, '');
      return CODE.test(v) ? v : new CellFailure('bad-code');
    }
    case 'credit-code': {
      if (/^\d(\.\d+)?e\+?\d+$/i.test(folded)) return new CellFailure('credit-code-scientific');
      const r = checkCreditCode(folded);
      if (!r.ok) return new CellFailure('bad-credit-code', { detail: r.reason });
      return r.orgDigitOk ? r.code : new CellWarned(r.code, 'credit-code-org-digit');
    }
    case 'region': {
      const v = SIX_DIGITS.test(folded) ? folded : folded.replace(SPACES, '');
      return SIX_DIGITS.test(v) && lookups.regions.get(v) ? v : new CellFailure('unknown-region');
    }
    case 'industry': {
      const industry = lookups.taxonomy.lookup(folded);
      if (industry) return industry.id;
      return new CellFailure('unknown-industry', { examples: lookups.taxonomy.industries.slice(0, 6).map((i) => i.name).join('、') });
    }
    case 'date':
      return readDate(folded, false);
    case 'date-or-month':
      return readDate(folded, true);
    case 'integer':
    case 'decimal': {
      const isInt = type === 'integer';
      const pattern = isInt ? DIGITS : DECIMAL;
      if (pattern.test(folded)) return Number(folded);
      const v = folded.replace(SPACES, '');
      if (pattern.test(v)) return Number(v);
      const unit = UNIT_SUFFIX.exec(v);
      if (unit && !/^[eE]/.test(unit[2]!)) {
        return capacityColumn
          ? new CellFailure('number-with-unit', { number: unit[1], unit: unit[2], unitColumn: 'capacity_unit', unitZh: '产能单位' })
          : new CellFailure('number-with-unit', { number: unit[1], unit: meta.unit ?? unit[2] });
      }
      if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) {
        return new CellFailure('bad-number', { integer: isInt ? 1 : undefined, about: `不要用千位分隔符，请写成 ${v.replace(/,/g, '')}。` });
      }
      return new CellFailure('bad-number', { integer: isInt ? 1 : undefined });
    }
    case 'yes-no': {
      const b = YES_NO[folded.toLowerCase()];
      return b === undefined ? new CellFailure('bad-yes-no') : b;
    }
    case 'enum': {
      const index = enumIndex(meta);
      const hit = index.get(folded) ?? index.get(folded.toLowerCase());
      if (hit) return hit;
      return new CellFailure('bad-enum', { allowed: Object.entries(meta.labels ?? {}).map(([k, l]) => `${l}（${k}）`).join('、') });
    }
    case 'stock-code': {
      if (SIX_DIGITS.test(folded)) return folded;
      const v = folded.replace(SPACES, '');
      return SIX_DIGITS.test(v) ? v : new CellFailure('bad-stock-code');
    }
  }
}

/** A tab or line break that, after spaces only, starts a cell as written (a formula to spreadsheets). */
export function formulaLead(raw: string): string | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) continue;
    return c === 9 ? '\t' : c === 10 || c === 13 ? '\n' : undefined;
  }
  return undefined;
}

/** The problem a CellFailure or CellWarned stands for, placed at `where` in column `name`. */
export function cellProblem(out: CellFailure | CellWarned, raw: string, name: string, meta: ColumnMeta, where: Where, english?: 1 | undefined): Problem {
  const at = { ...where, column: name };
  if (out instanceof CellWarned) return problemOf(out.code, at, { value: raw });
  return problemOf(out.code, at, { zh: meta.zh, value: raw, english, ...out.params });
}

/** Reads the raw text of a non-blank cell as its column's type (one cell; tables use readTable). */
export function readCell(raw: string, name: string, meta: ColumnMeta, ctx: CellContext): CellResult {
  const out = readCellValue(raw.trim(), raw, meta, ctx, name === 'capacity');
  if (out instanceof CellFailure) return { problem: cellProblem(out, raw, name, meta, ctx.where) };
  if (out instanceof CellWarned) return { value: out.value, warning: cellProblem(out, raw, name, meta, ctx.where) };
  return { value: out };
}

/** Every spelling an enum cell accepts — value, Chinese label, alias — mapped to its value, once per column. */
const enumIndexes = new WeakMap<ColumnMeta, Map<string, string>>();
function enumIndex(meta: ColumnMeta): Map<string, string> {
  let index = enumIndexes.get(meta);
  if (!index) {
    index = new Map();
    for (const [k, label] of Object.entries(meta.labels ?? {})) {
      index.set(k, k);
      index.set(label, k);
    }
    for (const [alias, k] of Object.entries(meta.aliases ?? {})) if (!index.has(alias)) index.set(alias, k);
    enumIndexes.set(meta, index);
  }
  return index;
}

const pad = (n: string | number) => String(n).padStart(2, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists, as isRealDate (schema/column.ts) judges it: years 0–99 are read as 1900–1999, as Date.UTC reads them. */
function validDay(year: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const y = year < 100 ? year + 1900 : year;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/** The value of the `n` ASCII digits of `s` from `at`, or -1. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Reads YYYY-MM-DD (or YYYY-MM), and names the fix for the ways spreadsheets rewrite dates. */
function readDate(v: string, monthAllowed: boolean): unknown {
  const format = monthAllowed ? 'YYYY-MM-DD 或 YYYY-MM' : 'YYYY-MM-DD';
  if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45) {
    const y = digitsAt(v, 0, 4);
    const mo = digitsAt(v, 5, 2);
    const d = digitsAt(v, 8, 2);
    if (y >= 0 && mo >= 0 && d >= 0) return validDay(y, mo, d) ? v : new CellFailure('bad-date', { format, suggest: undefined });
  }
  if (monthAllowed && v.length === 7 && v.charCodeAt(4) === 45) {
    const y = digitsAt(v, 0, 4);
    const mo = digitsAt(v, 5, 2);
    if (y >= 0 && mo >= 1 && mo <= 12) return v;
  }
  let suggest: string | undefined;
  // 2025/4/28, 2025.4.28, 2025-4-28, 2025年4月28日
  let m = /^(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (m && validDay(+m[1]!, +m[2]!, +m[3]!)) suggest = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  // 2025年10月, 2025/10, 2025.10
  m = /^(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*月?$/.exec(v);
  if (!suggest && m && +m[2]! >= 1 && +m[2]! <= 12) suggest = monthAllowed ? `${m[1]}-${pad(m[2]!)}` : undefined;
  // 4/28/2025 or 28/4/2025: only when the day can't be a month
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (!suggest && m) {
    const [a, b, y] = [+m[1]!, +m[2]!, m[3]!];
    if (a > 12 && validDay(+y, b, a)) suggest = `${y}-${pad(b)}-${pad(a)}`;
    else if (b > 12 && validDay(+y, a, b)) suggest = `${y}-${pad(a)}-${pad(b)}`;
  }
  // Excel's serial day number (days since 1899-12-30), e.g. 45775 for 2025-04-28.
  if (!suggest && /^\d{5}$/.test(v) && +v > 20000 && +v < 80000) {
    const d = new Date(Date.UTC(1899, 11, 30) + +v * 86400000);
    suggest = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return new CellFailure('bad-date', { format, suggest, about: 'Excel 把日期存成了序号' });
  }
  return new CellFailure('bad-date', { format, suggest });
}
