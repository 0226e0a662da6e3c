import type { Problem } from '../schema/problem.ts';
import { YES_NO, type ColumnMeta } from '../schema/column.ts';
import { problem, type Where } from './catalogue.ts';
import { checkCreditCode } from './credit-code.ts';
import { normaliseUnit, type Taxonomy } from './industries.ts';
import { toHalfWidth } from './normalize.ts';
import type { RegionTable } from './regions.ts';

/** What reading one cell gave: a value (maybe with a warning), or a problem that replaces it. */
export type CellResult = { value: unknown; warning?: Problem } | { problem: Problem };

export interface CellContext {
  where: Where;
  taxonomy: Taxonomy;
  regions: RegionTable;
}

/** Longest cell accepted in any column, whatever its own limit. */
export const MAX_CELL_CHARS = 2000;
const FORMULA_START = /^[=+\-@\t\r\n]/;
const UNIT_SUFFIX = /^(-?\d+(?:\.\d+)?)\s*([^\d\s.,]+.*)$/;

/** What a failing cell needs to say where it is; passed along rather than closed over (hot path). */
interface Failing {
  raw: string;
  name: string;
  meta: ColumnMeta;
  ctx: CellContext;
}

function fail(c: Failing, code: Parameters<typeof problem>[0], p: Record<string, string | number | undefined> = {}): { problem: Problem } {
  return { problem: problem(code, { ...c.ctx.where, column: c.name }, { zh: c.meta.zh, value: c.raw, ...p }) };
}

/** A leading tab or line break, after spaces, makes spreadsheets run a cell as a formula. */
const FORMULA_LEAD = /^ *[\t\r\n]/;

/** Reads the raw text of a non-blank cell as its column's type. */
export function readCell(raw: string, name: string, meta: ColumnMeta, ctx: CellContext): CellResult {
  const c: Failing = { raw, name, meta, ctx };
  const value = raw.trim();
  if (value.length > MAX_CELL_CHARS) return fail(c, 'too-long', { length: value.length, max: MAX_CELL_CHARS, value: `${value.slice(0, 40)}…` });
  const excel = /^="(.*)"$/.exec(value);
  if (excel) return fail(c, 'excel-text-formula', { inner: excel[1] });
  if (meta.type !== 'integer' && meta.type !== 'decimal') {
    // A tab or line break before the text, or = + - @ as the first character of the trimmed text
    // (the value kept and offered for download), makes spreadsheets run the cell. The CSV reader
    // turns CR into LF, so a leading LF stands for the contract's carriage return.
    const first = FORMULA_LEAD.test(raw) ? raw.replace(/^ +/, '')[0]! : FORMULA_START.test(value) ? value[0]! : undefined;
    if (first !== undefined) return fail(c, 'formula-cell', { first: first === '\t' ? '制表符' : first === '\r' || first === '\n' ? '换行符' : first });
  }
  const folded = toHalfWidth(value);
  switch (meta.type) {
    case 'text': {
      // Code units ≥ code points: count characters only when the quick count is over the limit.
      if (meta.max !== undefined && value.length > meta.max && [...value].length > meta.max) return fail(c, 'too-long', { length: [...value].length, max: meta.max });
      return { value };
    }
    case 'code': {
      const v = folded.replace(/\s+/g, '');
      return /^[A-Za-z0-9_-]{1,40}$/.test(v) ? { value: v } : fail(c, 'bad-code');
    }
    case 'credit-code': {
      if (/^\d(\.\d+)?e\+?\d+$/i.test(folded)) return fail(c, 'credit-code-scientific');
      const r = checkCreditCode(folded);
      if (!r.ok) return fail(c, 'bad-credit-code', { detail: r.reason });
      return r.orgDigitOk ? { value: r.code } : { value: r.code, warning: problem('credit-code-org-digit', { ...ctx.where, column: name }, { value: raw }) };
    }
    case 'region': {
      const v = folded.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(v) || !ctx.regions.get(v)) return fail(c, 'unknown-region');
      return { value: v };
    }
    case 'industry': {
      const industry = ctx.taxonomy.lookup(folded);
      if (!industry) {
        const examples = ctx.taxonomy.industries.slice(0, 6).map((i) => i.name).join('、');
        return fail(c, 'unknown-industry', { examples });
      }
      return { value: industry.id };
    }
    case 'unit':
      return { value: normaliseUnit(value) };
    case 'date':
      return readDate(folded, false, c);
    case 'date-or-month':
      return readDate(folded, true, c);
    case 'integer':
    case 'decimal': {
      const v = folded.replace(/\s+/g, '');
      const isInt = meta.type === 'integer';
      if (isInt ? /^\d+$/.test(v) : /^-?\d+(\.\d+)?$/.test(v)) return { value: Number(v) };
      const unit = UNIT_SUFFIX.exec(v);
      if (unit && !/^[eE]/.test(unit[2]!)) {
        return name === 'capacity'
          ? fail(c, 'number-with-unit', { number: unit[1], unit: unit[2], unitColumn: 'capacity_unit' })
          : fail(c, 'number-with-unit', { number: unit[1], unit: meta.unit ?? unit[2] });
      }
      if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) {
        return fail(c, 'bad-number', { integer: isInt ? 1 : undefined, about: `不要用千位分隔符，请写成 ${v.replace(/,/g, '')}。` });
      }
      return fail(c, 'bad-number', { integer: isInt ? 1 : undefined });
    }
    case 'yes-no': {
      const b = YES_NO[folded.toLowerCase()];
      return b === undefined ? fail(c, 'bad-yes-no') : { value: b };
    }
    case 'enum': {
      const hit = enumIndex(meta).get(folded) ?? enumIndex(meta).get(folded.toLowerCase());
      if (hit) return { value: hit };
      const allowed = Object.entries(meta.labels ?? {}).map(([k, l]) => `${l}（${k}）`).join('、');
      return fail(c, 'bad-enum', { allowed });
    }
    case 'stock-code': {
      const v = folded.replace(/\s+/g, '');
      return /^\d{6}$/.test(v) ? { value: v } : fail(c, 'bad-stock-code');
    }
  }
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

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Reads YYYY-MM-DD (or YYYY-MM), and names the fix for the ways spreadsheets rewrite dates. */
function readDate(v: string, monthAllowed: boolean, c: Failing): CellResult {
  const format = monthAllowed ? 'YYYY-MM-DD 或 YYYY-MM' : 'YYYY-MM-DD';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    if (validDay(+m[1]!, +m[2]!, +m[3]!)) return { value: v };
    return fail(c, 'bad-date', { format, suggest: undefined });
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m && monthAllowed && +m[2]! >= 1 && +m[2]! <= 12) return { value: v };
  let suggest: string | undefined;
  // 2025/4/28, 2025.4.28, 2025-4-28, 2025年4月28日
  m = /^(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(v);
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
    return fail(c, 'bad-date', { format, suggest, about: 'Excel 把日期存成了序号' });
  }
  return fail(c, 'bad-date', { format, suggest });
}
