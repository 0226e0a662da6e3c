/**
 * The fields of every table the site publishes, for every format at once: the CSV header (the
 * canonical name), the Chinese header of the Chinese CSV and the workbooks, the Frictionless Table
 * Schema field (type, constraints, description), and whether a spreadsheet must keep the value as
 * text. A column of an announcement table takes all of it from its zod schema and the column's
 * metadata (src/schema/column.ts): one source for the validator, the office guide and the data.
 */
import { z } from 'zod';
import { columnsOf, type CellType, type ColumnMeta } from '../schema/column.ts';
import { publishedColumnList } from '../schema/published-line.ts';

/** Table Schema field types the site uses. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'object';

export interface ExportField {
  /** Canonical name: the CSV header and the JSON key. */
  name: string;
  /** Chinese header (中文表头). */
  title: string;
  type: FieldType;
  /** What the field holds, in Chinese. */
  description: string;
  /** Table Schema constraints (required, enum, minimum, maximum, minLength, maxLength, pattern). */
  constraints?: Readonly<Record<string, unknown>>;
  /**
   * An identifier or a date whose every character counts (credit codes, region codes, line ids,
   * stock codes, dates): a workbook stores it as text, never as a number or a date serial.
   */
  text?: boolean;
  /** For enums: the Chinese label of each value, which workbooks show. */
  labels?: Readonly<Record<string, string>>;
  /** Column width in a workbook, in characters. */
  width?: number;
  /** For programs only (a key or code another column names): left out of the copies for people. */
  machine?: boolean;
}

const TEXT_TYPES: ReadonlySet<CellType> = new Set(['code', 'credit-code', 'region', 'stock-code', 'date', 'date-or-month']);

function fieldType(t: CellType): FieldType {
  switch (t) {
    case 'integer': return 'integer';
    case 'decimal': return 'number';
    case 'yes-no': return 'boolean';
    case 'date': return 'date';
    default: return 'string';
  }
}

/** Width of a workbook column for values of this kind, in characters. */
function widthOf(meta: Pick<ColumnMeta, 'type' | 'max' | 'zh'>): number {
  const header = [...meta.zh].length * 2 + 2;
  const byType: Partial<Record<CellType, number>> = {
    'credit-code': 22, region: 10, 'stock-code': 10, date: 12, 'date-or-month': 12, integer: 10, decimal: 12, 'yes-no': 8, enum: 10, unit: 10, industry: 12, code: 18,
  };
  const text = meta.max === undefined ? 16 : Math.min(60, Math.max(16, Math.round(meta.max / 4)));
  return Math.max(header, byType[meta.type] ?? text);
}

interface JsonSchema {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
}

/**
 * A zod pattern as a Table Schema pattern, which is anchored implicitly (XML Schema style):
 * `^\d{6}$` → `\d{6}`, `^A$|^B$` → `A|B`.
 */
export function tablePattern(source: string): string {
  return source.split('|').map((alt) => alt.replace(/^\^/, '').replace(/(?<!\\)\$$/, '')).join('|');
}

/** The Table Schema constraints the zod schema of a column states. */
function constraintsOf(schema: z.ZodType, meta: ColumnMeta, type: FieldType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  const c: Record<string, unknown> = {};
  if (meta.required === true) c.required = true;
  if (json.enum) c.enum = json.enum;
  if (json.minimum !== undefined) c.minimum = json.minimum;
  if (json.maximum !== undefined && json.maximum < Number.MAX_SAFE_INTEGER) c.maximum = json.maximum;
  if (type === 'string') {
    if (json.minLength !== undefined && json.minLength > 0) c.minLength = json.minLength;
    if (json.maxLength !== undefined) c.maxLength = json.maxLength;
    if (json.pattern) c.pattern = tablePattern(json.pattern);
  }
  return c;
}

const fieldCache = new WeakMap<z.ZodType, Map<string, ExportField>>();

/** The export field of one column of an announcement table, from its schema and metadata (computed once per column). */
export function columnField(name: string, meta: ColumnMeta, schema: z.ZodType): ExportField {
  let byName = fieldCache.get(schema);
  if (!byName) fieldCache.set(schema, (byName = new Map()));
  let f = byName.get(name);
  if (!f) byName.set(name, (f = makeColumnField(name, meta, schema)));
  return f;
}

function makeColumnField(name: string, meta: ColumnMeta, schema: z.ZodType): ExportField {
  const type = fieldType(meta.type);
  const constraints = constraintsOf(schema, meta, type);
  const doc = meta.unit && !meta.zh.includes(meta.unit) ? `${meta.doc}（单位：${meta.unit}）` : meta.doc;
  return {
    name, title: meta.zh, type, description: doc,
    ...(Object.keys(constraints).length > 0 && { constraints }),
    ...(TEXT_TYPES.has(meta.type) && { text: true }),
    ...(meta.labels && { labels: meta.labels }),
    width: widthOf(meta),
  };
}

/** The fields of a table schema's columns, in declaration order. */
export function tableFields(table: z.ZodObject): ExportField[] {
  return columnsOf(table).map((c) => columnField(c.name, c.meta, c.schema));
}

/** One column of a table schema as an export field, by name (throws on a name the schema lacks). */
export function fieldOf(table: z.ZodObject, name: string, overrides: Partial<ExportField> = {}): ExportField {
  const c = columnsOf(table).find((x) => x.name === name);
  if (!c) throw new Error(`the table schema has no column ${name}`);
  return { ...columnField(c.name, c.meta, c.schema), ...overrides };
}

/**
 * The fields of the published line (src/schema/published-line.ts): a column offices write keeps
 * its own field (type, constraints, text) under the published name and description; a derived
 * one takes its type from its zod schema.
 */
export function publishedFields(): ExportField[] {
  return publishedColumnList().map((c) => {
    if (c.office) return { ...columnField(c.name, c.office, c.schema), title: c.zh, description: c.doc, ...(c.meta.machine && { machine: true }) };
    const json = z.toJSONSchema(c.schema, { unrepresentable: 'any' }) as { type?: string; pattern?: string };
    const type: FieldType = json.type === 'integer' ? 'integer' : json.type === 'number' ? 'number' : json.type === 'boolean' ? 'boolean' : json.pattern === '^\\d{4}-\\d{2}-\\d{2}$' ? 'date' : 'string';
    return derivedField(c.name, c.zh, type, c.doc, { ...(c.meta.text && { text: true }), ...(c.meta.key && { constraints: { required: true, unique: true } }), ...(c.meta.machine && { machine: true }) });
  });
}

/** A field the site derives (not a column offices write). */
export function derivedField(name: string, title: string, type: FieldType, description: string, more: Partial<ExportField> = {}): ExportField {
  const width = more.width ?? Math.max([...title].length * 2 + 2, type === 'string' ? 16 : 10);
  return { name, title, type, description, width, ...more };
}

/** The Frictionless Table Schema field of an export field. */
export function tableSchemaField(f: ExportField): Record<string, unknown> {
  const out: Record<string, unknown> = { name: f.name, title: f.title, type: f.type, description: f.description };
  if (f.type === 'boolean') Object.assign(out, { trueValues: ['true'], falseValues: ['false'] });
  if (f.constraints) out.constraints = f.constraints;
  return out;
}
