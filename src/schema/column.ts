import { z } from 'zod';

/**
 * How a CSV cell is read before its schema checks it. The validator (src/validate/cells.ts) turns the
 * trimmed text of a cell into a value of this type, reporting a precise problem when it can't.
 */
export type CellType =
  | 'text' // free text, trimmed; must not start like a spreadsheet formula
  | 'code' // an identifier: full-width characters folded, no spaces
  | 'credit-code' // 统一社会信用代码, 18 characters, GB 32100-2015 check character
  | 'region' // 6-digit administrative division code, known to the region table
  | 'industry' // id, name or alias of the industry taxonomy → industry id
  | 'unit' // capacity unit, one of the row's industry's units
  | 'date' // YYYY-MM-DD
  | 'date-or-month' // YYYY-MM-DD or YYYY-MM
  | 'integer'
  | 'decimal'
  | 'yes-no' // 是/否, yes/no, true/false → boolean
  | 'enum' // one of the schema's values, or its Chinese label / alias
  | 'stock-code'; // 6 digits

export interface ColumnMeta {
  /** The Chinese header offices write (中文表头); the canonical name is the schema key. */
  zh: string;
  type: CellType;
  /** Required in every table of the kind (`true`) or only in some kinds (their names). */
  required?: boolean | readonly string[];
  /** Maximum length of a text cell, in characters. */
  max?: number;
  /** For `enum`: Chinese label of each value (shown on pages and accepted in cells). */
  labels?: Readonly<Record<string, string>>;
  /** For `enum`: further spellings accepted in cells, mapped to the value. */
  aliases?: Readonly<Record<string, string>>;
  /** Unit of the value, e.g. 万元, 吨标煤. */
  unit?: string;
  /** One line for offices: what goes in the column (Chinese). */
  doc: string;
  /**
   * Kept in view when a page shows the table on a phone; the other columns fold away there until
   * the reader asks for every column (src/site/table.ts). The first such column names each row.
   */
  phone?: boolean;
  /** Long free text (notes): wraps at a reading width on pages, the only cell a row may grow tall for. */
  prose?: boolean;
}

/** Column metadata of every table schema, keyed by the field's schema. */
export const columns = z.registry<ColumnMeta>();

/** Registers `schema` as a table column with its metadata and returns it unchanged. */
export function column<T extends z.ZodType>(schema: T, meta: ColumnMeta): T {
  columns.add(schema, meta);
  return schema;
}

/** The columns of a table schema in declaration order, with their metadata. */
export function columnsOf(table: z.ZodObject): readonly { name: string; meta: ColumnMeta; schema: z.ZodType }[] {
  let list = columnCache.get(table);
  if (!list) {
    list = Object.entries(table.shape).map(([name, schema]) => {
      const meta = columns.get(schema as z.ZodType);
      if (!meta) throw new Error(`column ${name} has no metadata: wrap it in column()`);
      return { name, meta, schema: schema as z.ZodType };
    });
    columnCache.set(table, list);
  }
  return list;
}
/**
 * The Chinese label of an enum column's value, read from the column's metadata: the one source of
 * labels for pages, downloads, charts and the validator's messages. A value without a label is
 * returned as it is.
 */
export function labelOf(schema: z.ZodType, value: string): string {
  return columns.get(schema)?.labels?.[value] ?? value;
}

const columnCache = new WeakMap<z.ZodObject, readonly { name: string; meta: ColumnMeta; schema: z.ZodType }[]>();

export const REGION_CODE = /^\d{6}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_MONTH = /^\d{4}-\d{2}$/;

/** Whether a YYYY-MM-DD string names a day that exists (2025-02-30 does not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Spellings a `yes-no` cell accepts (compared case-insensitively). */
export const YES_NO: Readonly<Record<string, boolean>> = {
  是: true, 否: false, yes: true, no: false, true: true, false: false, y: true, n: false, 有: true, 无: false,
};
