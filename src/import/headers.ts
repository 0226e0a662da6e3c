/**
 * Headers mapped by meaning: each header cell (already cleaned) is looked up among the kind's
 * columns — canonical name, the schema's Chinese header, then the synonyms (synonyms.ts) — first
 * as written, then without a unit in brackets at its end, then by the synonym it ends with or
 * contains. A header spread over several rows (淘汰内容 above 设备名称 and 产能（万吨）) is read
 * from its lowest row up.
 */
import { TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import { keyOf as rawKey } from './clean.ts';
import { toHalfWidth } from '../text/normalize.ts';
import { ANCHORS, REGION_NAME, SEQ, SYNONYMS } from './synonyms.ts';
import { headerUnit, parseUnit } from './units.ts';

export type Confidence = '高' | '中' | '低';

export interface HeaderMatch {
  column: string;
  /** Unit read from the header, as written (万吨, 元). */
  unit?: string | undefined;
  confidence: Confidence;
  /** How, in Chinese, for the report. */
  how: string;
}

interface KindIndex {
  exact: Map<string, string>;
  /** Synonym keys, longest first, for ends-with and contains matching. */
  keys: { key: string; column: string }[];
}

const indexes = new Map<Kind, KindIndex>();

/** Headers are compared as cleaned cells are: full-width folded, without spaces, lower case. */
const keyOf = (s: string) => rawKey(toHalfWidth(s));

/** The kind's header index: schema names and Chinese headers first, then synonyms of its columns and of seq and region_name. */
export function headerIndexOf(kind: Kind): KindIndex {
  let idx = indexes.get(kind);
  if (idx) return idx;
  const exact = new Map<string, string>();
  const cols = columnsOf(TABLE_SCHEMAS[kind]);
  for (const c of cols) {
    exact.set(keyOf(c.name), c.name);
    exact.set(keyOf(c.meta.zh), c.name);
  }
  const names = [...cols.map((c) => c.name), SEQ, REGION_NAME];
  for (const name of names) {
    for (const s of SYNONYMS[name] ?? []) if (!exact.has(keyOf(s))) exact.set(keyOf(s), name);
  }
  const keys = [...exact.entries()].filter(([k]) => k.length >= 2 && !/^[a-z_]+$/.test(k)).map(([key, column]) => ({ key, column }));
  keys.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));
  indexes.set(kind, (idx = { exact, keys }));
  return idx;
}

/** An exact match of one header text, as written or without its unit. */
export function exactHeader(text: string, kind: Kind): HeaderMatch | undefined {
  const idx = headerIndexOf(kind);
  const key = keyOf(text);
  if (key === '') return undefined;
  const whole = idx.exact.get(key);
  if (whole) return { column: whole, confidence: '高', how: '表头与同义词表一致' };
  const split = headerUnit(text);
  if (split) {
    const base = idx.exact.get(keyOf(split.base));
    if (base) return { column: base, unit: split.unit, confidence: '高', how: `表头与同义词表一致，单位“${split.unit}”在表头中` };
  }
  return undefined;
}

/** A header's ends-with or contains match (the head noun of a Chinese phrase is at its end). */
function looseHeader(text: string, kind: Kind): HeaderMatch | undefined {
  const idx = headerIndexOf(kind);
  const split = headerUnit(text);
  const key = keyOf(split?.base ?? text);
  const unit = split?.unit;
  const end = idx.keys.find((k) => key.endsWith(k.key));
  if (end) return { column: end.column, unit, confidence: '中', how: `表头以“${end.key}”结尾` };
  const inside = idx.keys.find((k) => key.includes(k.key));
  if (inside) return { column: inside.column, unit, confidence: '中', how: `表头中含有“${inside.key}”` };
  return undefined;
}

/** A cell that is only a unit in brackets, the lower row of 产能 / （万吨）. */
const unitOnly = (text: string) => {
  const m = /^[(（]([^()（）]+)[)）]$/.exec(text.trim());
  return m && parseUnit(m[1]!) ? m[1]!.trim() : undefined;
};

/** How many distinct columns a row's cells name exactly: two or more make it a header row. */
export function headerScore(cells: readonly string[], kind: Kind): number {
  const seen = new Set<string>();
  for (const c of cells) {
    const m = exactHeader(c, kind);
    if (m) seen.add(m.column);
  }
  return seen.size;
}

/**
 * Whether `row` continues the header rows above it (a header spread over rows): no cell holds a
 * digit unless it repeats the cell above (a merged header cell), at least one cell differs from
 * the one above, and every cell that differs is a known header, a unit, or sits under a header
 * cell that spans several columns.
 */
export function continuesHeader(row: readonly string[], above: readonly string[], kind: Kind): boolean {
  let differs = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '' || c === above[i]) continue;
    if (/\d/.test(c) && !unitOnly(c)) return false;
    const underGroup = above[i] !== '' && (above[i - 1] === above[i] || above[i + 1] === above[i]);
    if (!exactHeader(c, kind) && !unitOnly(c) && !underGroup) return false;
    differs++;
  }
  return differs > 0;
}

export interface ColumnPlan {
  /** Source column index. */
  at: number;
  /** The header as written (several rows joined by “/”). */
  header: string;
  match?: HeaderMatch | undefined;
  /** Rank for choosing among source columns naming the same column: lower is better. */
  rank: number;
}

/** Maps each source column of a header (one or more rows) to a column of the kind, or none. */
export function planColumns(headerRows: readonly (readonly string[])[], kind: Kind): ColumnPlan[] {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const plans: ColumnPlan[] = [];
  for (let i = 0; i < width; i++) {
    const parts: string[] = [];
    for (const r of headerRows) {
      const c = r[i] ?? '';
      if (c !== '' && parts[parts.length - 1] !== c) parts.push(c);
    }
    const header = parts.join('/');
    if (parts.length === 0) {
      plans.push({ at: i, header: '', rank: 9 });
      continue;
    }
    const last = parts[parts.length - 1]!;
    const lastUnit = unitOnly(last);
    const lower = lastUnit ? parts.slice(0, -1) : parts;
    const withUnit = (m: HeaderMatch | undefined, how?: string): HeaderMatch | undefined =>
      m && { ...m, unit: m.unit ?? lastUnit, how: how ?? (lastUnit ? `${m.how}，单位“${lastUnit}”在下一行表头中` : m.how) };
    let match: HeaderMatch | undefined;
    let rank = 0;
    if (lower.length > 0) {
      match = withUnit(exactHeader(lower[lower.length - 1]!, kind));
      if (!match && lower.length > 1) {
        rank = 1;
        match = withUnit(exactHeader(lower.join(''), kind));
        if (match) match = { ...match, how: `多行表头“${lower.join('/')}”合起来与同义词表一致` };
      }
      for (let j = lower.length - 2; !match && j >= 0; j--) {
        rank = 2;
        const m = exactHeader(lower[j]!, kind);
        if (m) match = withUnit({ ...m, confidence: '中', how: `按上一行表头“${lower[j]}”推断` });
      }
      if (!match) {
        rank = 3;
        match = withUnit(looseHeader(lower.join(''), kind));
      }
    }
    plans.push({ at: i, header, match, rank });
  }
  return plans;
}

/** Whether the planned columns hold what makes a table a list of this kind. */
export function hasAnchor(plans: readonly ColumnPlan[], kind: Kind): boolean {
  return ANCHORS[kind]!.some((a) => plans.some((p) => p.match?.column === a));
}
