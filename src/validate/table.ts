import type { z } from 'zod';
import { columnsOf, type ColumnMeta } from '../schema/column.ts';
import type { Kind } from '../schema/announcement.ts';
import type { Problem } from '../schema/problem.ts';
import { problem, problemOf, type ProblemCode } from '../problems/catalogue.ts';
import { CellFailure, CellWarned, cellProblem, readCellValue, type CellContext } from './cells.ts';
import { columnCheck, type ColumnCheck } from './column-checks.ts';
import { foreignDelimiter, parseCsv, type CsvRecord } from '../read/csv.ts';
import { toHalfWidth, trimCell } from '../text/normalize.ts';
import { findInvisible, invisibleName, INVISIBLE } from '../text/invisible.ts';

/** A validated table row with the physical line it starts on and its `x_` extra columns. */
export interface Row<T> {
  line: number;
  data: T;
  extra: Record<string, string>;
}

export interface TableResult<T> {
  rows: Row<T>[];
  /** Canonical names of the columns the table has, in file order. */
  columns: string[];
  /** Extra `x_` columns as written, in file order. */
  extraColumns: string[];
  problems: Problem[];
  /** The header names some column by its canonical (English) name (see Layout). */
  english?: boolean;
}

/**
 * A file that holds any invisible character (INVISIBLE but the carriage return, which the CSV
 * reader turns into a line feed): only then are its cells searched one by one.
 */
const ANY_INVISIBLE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Appends `list` to `out` one by one: `out.push(...list)` overflows the stack past about 125,000 items. */
export function append<T>(out: T[], list: readonly T[]): void {
  for (let i = 0; i < list.length; i++) out.push(list[i]!);
}

/** invisible-character for a value (trimmed, as the table keeps it) that holds one, else undefined. */
export function invisibleFailure(value: string): CellFailure | undefined {
  const hit = findInvisible(value);
  return hit && new CellFailure('invisible-character', { position: hit.position, name: invisibleName(hit.char) });
}

/** Rows one table may have, and characters one row may have: past these a file is refused. */
export const MAX_ROWS = 200_000;
export const MAX_ROW_CHARS = 20_000;

const headerKey = (s: string) => toHalfWidth(trimCell(s)).replace(/\s+/g, '').toLowerCase();

interface Col {
  name: string;
  meta: ColumnMeta;
  schema: z.ZodType;
}

/** Maps header cells to columns: canonical names and Chinese aliases, full-width folded. */
export function headerIndex(table: z.ZodObject): Map<string, Col> {
  let index = headerCache.get(table);
  if (!index) {
    index = new Map<string, Col>();
    for (const c of columnsOf(table)) {
      index.set(headerKey(c.name), c);
      index.set(headerKey(c.meta.zh), c);
    }
    headerCache.set(table, index);
  }
  return index;
}
const headerCache = new WeakMap<z.ZodObject, Map<string, Col>>();

/** Whether the schema lets a row leave the column out. */
const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;

const isRequired = (meta: ColumnMeta, kind: string) =>
  meta.required === true || (Array.isArray(meta.required) && meta.required.includes(kind));

/**
 * Reads and checks a table of one kind: header, every cell of every row, and the schema's
 * ranges. Rules that relate cells of a row to each other live in rules/rows.ts.
 */
export function readTable<T>(
  text: string,
  table: z.ZodObject,
  kind: Kind | 'reference',
  ctx: Omit<CellContext, 'where'> & { file: string },
): TableResult<T> {
  const { file } = ctx;
  const problems: Problem[] = [];
  const parsed = parseCsv(text, MAX_ROWS + 1);
  if (parsed.truncated) {
    problems.push(problem('too-many-rows', { file }, { rows: MAX_ROWS, limit: MAX_ROWS }));
    return { rows: [], columns: [], extraColumns: [], problems };
  }
  for (const e of parsed.errors) problems.push(problem('csv-syntax', { file, line: e.line }, { detail: e.detail }));
  // The header is the first record with any text: a file of blank lines or blank cells is empty.
  const start = parsed.records.findIndex((r) => r.cells.some((c) => trimCell(c) !== ''));
  const header = start < 0 ? undefined : parsed.records[start];
  const records = start < 0 ? [] : parsed.records.slice(start + 1);
  if (!header) {
    problems.push(problem('empty-file', { file }));
    return { rows: [], columns: [], extraColumns: [], problems };
  }
  const delimiter = header.cells.length === 1 ? foreignDelimiter(header.cells[0]!) : undefined;
  if (delimiter) {
    problems.push(problem('bad-delimiter', { file, line: header.line }, { detail: delimiter }));
    return { rows: [], columns: [], extraColumns: [], problems };
  }

  const layout = layoutOf(table, kind, header.cells);
  // A column without a header only matters when some row uses it: which are used, in one pass.
  let used: Uint8Array | undefined;
  if (layout.issues.some((i) => i.ifUsed !== undefined)) {
    used = new Uint8Array(header.cells.length);
    for (const r of records) {
      const n = Math.min(r.cells.length, used.length);
      for (let i = 0; i < n; i++) if (used[i] === 0 && r.cells[i]!.length > 0 && trimCell(r.cells[i]!) !== '') used[i] = 1;
    }
  }
  for (const issue of layout.issues) {
    if (issue.ifUsed !== undefined && used![issue.ifUsed] === 0) continue;
    problems.push(problemOf(issue.code, { file, line: header.line, column: issue.column }, issue.params));
  }
  const rows = readRows<T>(records, layout.slots, { ...ctx, english: layout.english }, ANY_INVISIBLE.test(text));
  append(problems, rows.problems);
  // Without a column the schema cannot do without (reported as missing-column), the cells are
  // still checked, but no row is usable.
  return { rows: layout.incomplete ? [] : rows.rows, columns: [...layout.columns], extraColumns: [...layout.extraColumns], problems, english: layout.english };
}

/** A header cell as the reader uses it: a schema column with its compiled reading, an `x_` column, or nothing. */
type Slot =
  | { kind: 'col'; name: string; meta: ColumnMeta; at: number; mustHave: boolean; check: ColumnCheck; capacity: boolean }
  | { kind: 'extra'; name: string; meta: ColumnMeta }
  | { kind: 'skip' };

/** What a header says, once per distinct header: the slots and the header's problems, unplaced. */
interface Layout {
  slots: Slot[];
  /** A column the schema requires of every row is not in the header. */
  incomplete: boolean;
  columns: string[];
  extraColumns: string[];
  issues: { code: ProblemCode; column: string; params: Record<string, string | number | undefined>; ifUsed?: number }[];
  /**
   * Some column is written by its canonical (English) name: messages then name columns by both
   * names, as the office's file does; a header of Chinese names gets Chinese names only.
   */
  english: boolean;
}

/** Layouts by table and header; offices reuse a handful of headers across thousands of files. */
const layouts = new WeakMap<z.ZodObject, Map<string, Layout>>();
const MAX_LAYOUTS = 1000;
const MAX_LAYOUT_KEY = 4000;

function layoutOf(table: z.ZodObject, kind: Kind | 'reference', cells: readonly string[]): Layout {
  let byHeader = layouts.get(table);
  if (!byHeader) layouts.set(table, (byHeader = new Map()));
  const key = `${kind}:${JSON.stringify(cells)}`;
  let layout = byHeader.get(key);
  if (!layout) {
    layout = readHeader(table, kind, cells);
    if (key.length > MAX_LAYOUT_KEY) return layout; // a header no office reuses: not worth keeping
    if (byHeader.size >= MAX_LAYOUTS) byHeader.clear();
    byHeader.set(key, layout);
  }
  return layout;
}

function readHeader(table: z.ZodObject, kind: Kind | 'reference', cells: readonly string[]): Layout {
  const index = headerIndex(table);
  const schemaColumns = columnsOf(table);
  const issues: Layout['issues'] = [];
  const slots: Slot[] = [];
  const seen = new Map<string, number>();
  let english = false;
  cells.forEach((cell, i) => {
    let written = trimCell(cell.replace(/^\ufeff/, ''));
    const hidden = findInvisible(written);
    if (hidden) {
      // Reported once, then read without the invisible characters (so the column is still known).
      issues.push({ code: 'invisible-character', column: written, params: { zh: `表头“${written}”`, value: written, position: hidden.position, name: invisibleName(hidden.char) } });
      written = trimCell(written.replace(new RegExp(INVISIBLE.source, 'g'), ''));
    }
    const col = index.get(headerKey(written));
    if (written === '') {
      issues.push({ code: 'unknown-column', column: '', params: { value: '' }, ifUsed: i });
      slots.push({ kind: 'skip' });
    } else if (col) {
      if (seen.has(col.name)) {
        issues.push({ code: 'duplicate-column', column: col.name, params: { value: written, other: seen.get(col.name)! + 1 } });
        slots.push({ kind: 'skip' });
      } else {
        seen.set(col.name, i);
        if (headerKey(written) === headerKey(col.name)) english = true;
        slots.push({
          kind: 'col', name: col.name, meta: col.meta,
          at: schemaColumns.findIndex((c) => c.name === col.name),
          // Required in every table, or not optional in the schema: a blank cell is a missing value.
          mustHave: col.meta.required === true || !optional(col.schema),
          check: columnCheck(col.schema),
          capacity: col.name === 'capacity',
        });
      }
    } else if (/^x_/i.test(written)) {
      if (seen.has(written)) {
        issues.push({ code: 'duplicate-column', column: written, params: { value: written, other: seen.get(written)! + 1 } });
        slots.push({ kind: 'skip' });
      } else {
        seen.set(written, i);
        slots.push({ kind: 'extra', name: written, meta: { zh: written, type: 'text', max: 500, doc: '' } });
      }
    } else {
      const key = headerKey(written);
      let suggest: Col | undefined;
      for (const [k, c] of index) if (k.length > 1 && key !== '' && (k.includes(key) || key.includes(k))) { suggest = c; break; }
      issues.push({ code: 'unknown-column', column: written, params: { value: written, suggest: suggest ? `${suggest.name}（${suggest.meta.zh}）` : undefined } });
      slots.push({ kind: 'skip' });
    }
  });
  const present = new Set(slots.flatMap((s) => (s.kind === 'col' ? [s.name] : [])));
  for (const c of schemaColumns) {
    if (isRequired(c.meta, kind) && !present.has(c.name)) issues.push({ code: 'missing-column', column: c.name, params: { zh: c.meta.zh, english: english ? 1 : undefined } });
  }
  return {
    english,
    slots,
    incomplete: schemaColumns.some((c) => !present.has(c.name) && !optional(c.schema)),
    columns: slots.flatMap((s) => (s.kind === 'col' ? [s.name] : [])),
    extraColumns: slots.flatMap((s) => (s.kind === 'extra' ? [s.name] : [])),
    issues,
  };
}

/**
 * The typed values of one row. Made by a constructor rather than `{}` so that V8 learns how many
 * fields rows get and keeps them inside the object: no separate property store to grow and copy.
 */
class RowData {}

/** Shared by the rows of tables without extra columns; never written to. */
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Reads the records under the header column by column: each column's cells in one loop over
 * the rows, with its type's reader and its schema's compiled check (column-checks.ts). A row
 * with any problem (not a warning) is left out. Problems come back in the order of the file,
 * and within a line: the row's own, each cell's (in file order), blank required cells and
 * values out of range (in schema order).
 */
function readRows<T>(records: readonly CsvRecord[], slots: readonly Slot[], ctx: Omit<CellContext, 'where'> & { file: string; english: boolean }, invisible: boolean): { rows: Row<T>[]; problems: Problem[] } {
  const { file } = ctx;
  const english = ctx.english ? 1 : undefined;
  const rowProblems: Problem[] = [];
  const live: CsvRecord[] = [];
  for (const record of records) {
    const cells = record.cells;
    let blank = true;
    let length = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      length += c.length;
      if (blank && c.length > 0 && c.trim() !== '') blank = false;
    }
    if (blank) continue; // a row of empty cells, as spreadsheets leave
    if (length > MAX_ROW_CHARS) {
      rowProblems.push(problem('row-too-long', { file, line: record.line }, { length, max: MAX_ROW_CHARS }));
      continue;
    }
    if (cells.length !== slots.length) rowProblems.push(problem('row-length', { file, line: record.line }, { cells: cells.length, header: slots.length }));
    live.push(record);
  }

  const n = live.length;
  const data: Record<string, unknown>[] = new Array<Record<string, unknown>>(n);
  for (let r = 0; r < n; r++) data[r] = new RowData() as Record<string, unknown>;
  const hasExtra = slots.some((s) => s.kind === 'extra');
  const extras: Record<string, string>[] = new Array<Record<string, string>>(n);
  for (let r = 0; r < n; r++) extras[r] = hasExtra ? {} : NO_EXTRA;
  const ok = new Uint8Array(n).fill(1);
  const cellProblems: Problem[] = [];
  // Per schema column, filled only when a table has such problems.
  const missing: Problem[][] = [];
  const range: Problem[][] = [];

  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (slot.kind === 'skip') continue;
    if (slot.kind === 'extra') {
      const { meta } = slot;
      for (let r = 0; r < n; r++) {
        const raw = live[r]!.cells[i];
        if (raw === undefined) continue;
        const v = raw.trim();
        if (v === '') continue;
        const out = (invisible && invisibleFailure(v)) || readCellValue(v, raw, meta, ctx, false);
        if (out instanceof CellFailure) {
          cellProblems.push(cellProblem(out, raw, slot.name, meta, { file, line: live[r]!.line }, english));
          ok[r] = 0;
        } else {
          extras[r]![slot.name] = out as string;
        }
      }
      continue;
    }
    const { name, meta, at, mustHave, check, capacity } = slot;
    for (let r = 0; r < n; r++) {
      const raw = live[r]!.cells[i];
      const v = raw === undefined ? '' : raw.trim();
      if (v === '') {
        if (mustHave) {
          (missing[at] ??= []).push(problem('missing-value', { file, line: live[r]!.line, column: name }, { zh: meta.zh, about: meta.doc, english }));
          ok[r] = 0;
        }
        continue;
      }
      let out = (invisible && invisibleFailure(v)) || readCellValue(v, raw!, meta, ctx, capacity);
      if (out instanceof CellFailure) {
        cellProblems.push(cellProblem(out, raw!, name, meta, { file, line: live[r]!.line }, english));
        ok[r] = 0;
        continue;
      }
      if (out instanceof CellWarned) {
        cellProblems.push(cellProblem(out, raw!, name, meta, { file, line: live[r]!.line }, english));
        out = out.value;
      }
      const detail = check(out);
      if (detail !== undefined) {
        (range[at] ??= []).push(problem('out-of-range', { file, line: live[r]!.line, column: name }, { zh: meta.zh, value: String(out), detail }));
        ok[r] = 0;
        continue;
      }
      data[r]![name] = out;
    }
  }

  const rows: Row<T>[] = [];
  for (let r = 0; r < n; r++) if (ok[r]) rows.push({ line: live[r]!.line, data: data[r] as T, extra: extras[r]! });
  if (rowProblems.length + cellProblems.length + missing.length + range.length === 0) return { rows, problems: rowProblems };
  const found = [...rowProblems, ...cellProblems];
  for (const list of missing) if (list) append(found, list);
  for (const list of range) if (list) append(found, list);
  // Stable: within a line, the order above.
  found.sort((a, b) => a.line! - b.line!);
  return { rows, problems: found };
}

