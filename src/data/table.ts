import type { z } from 'zod';
import { columnsOf, type ColumnMeta } from '../schema/column.ts';
import type { Kind } from '../schema/announcement.ts';
import type { Problem } from '../schema/problem.ts';
import { problem } from './catalogue.ts';
import { readCell, type CellContext } from './cells.ts';
import { foreignDelimiter, parseCsv, type CsvRecord } from './csv.ts';
import { toHalfWidth, trimCell } from './normalize.ts';

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

  const index = headerIndex(table);
  const slots: ({ kind: 'col'; col: Col } | { kind: 'extra'; name: string } | { kind: 'skip' })[] = [];
  const seen = new Map<string, number>();
  header.cells.forEach((cell, i) => {
    const written = trimCell(cell.replace(/^\ufeff/, ''));
    const col = index.get(headerKey(written));
    if (written === '') {
      const used = records.some((r) => trimCell(r.cells[i] ?? '') !== '');
      if (used) problems.push(problem('unknown-column', { file, line: header.line, column: '' }, { value: '' }));
      slots.push({ kind: 'skip' });
    } else if (col) {
      if (seen.has(col.name)) {
        problems.push(problem('duplicate-column', { file, line: header.line, column: col.name }, { value: written, other: seen.get(col.name)! + 1 }));
        slots.push({ kind: 'skip' });
      } else {
        seen.set(col.name, i);
        slots.push({ kind: 'col', col });
      }
    } else if (/^x_/i.test(written)) {
      if (seen.has(written)) {
        problems.push(problem('duplicate-column', { file, line: header.line, column: written }, { value: written, other: seen.get(written)! + 1 }));
        slots.push({ kind: 'skip' });
      } else {
        seen.set(written, i);
        slots.push({ kind: 'extra', name: written });
      }
    } else {
      const suggest = [...index.entries()].find(([k]) => k.length > 1 && (k.includes(headerKey(written)) || headerKey(written).includes(k)))?.[1];
      problems.push(problem('unknown-column', { file, line: header.line, column: written }, { value: written, suggest: suggest ? `${suggest.name}（${suggest.meta.zh}）` : undefined }));
      slots.push({ kind: 'skip' });
    }
  });
  const present = new Set(slots.flatMap((s) => (s.kind === 'col' ? [s.col.name] : [])));
  for (const c of columnsOf(table)) {
    if (isRequired(c.meta, kind) && !present.has(c.name)) {
      problems.push(problem('missing-column', { file, line: header.line, column: c.name }, { zh: c.meta.zh }));
    }
  }

  const rows: Row<T>[] = [];
  for (const record of records) {
    const row = readRow<T>(record, slots, table, ctx, present, problems);
    if (row) rows.push(row);
  }
  return {
    rows,
    columns: slots.flatMap((s) => (s.kind === 'col' ? [s.col.name] : [])),
    extraColumns: slots.flatMap((s) => (s.kind === 'extra' ? [s.name] : [])),
    problems,
  };
}

function readRow<T>(
  record: CsvRecord,
  slots: readonly ({ kind: 'col'; col: Col } | { kind: 'extra'; name: string } | { kind: 'skip' })[],
  table: z.ZodObject,
  ctx: Omit<CellContext, 'where'> & { file: string },
  present: ReadonlySet<string>,
  problems: Problem[],
): Row<T> | undefined {
  const { file } = ctx;
  const line = record.line;
  if (record.cells.every((c) => trimCell(c) === '')) return undefined; // a row of empty cells, as spreadsheets leave
  const length = record.cells.reduce((n, c) => n + c.length, 0);
  if (length > MAX_ROW_CHARS) {
    problems.push(problem('row-too-long', { file, line }, { length, max: MAX_ROW_CHARS }));
    return undefined;
  }
  if (record.cells.length !== slots.length) {
    problems.push(problem('row-length', { file, line }, { cells: record.cells.length, header: slots.length }));
  }
  const data: Record<string, unknown> = {};
  const extra: Record<string, string> = {};
  const failed = new Set<string>();
  let ok = true;
  const cellCtx = { ...ctx, where: { file, line } };
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const raw = record.cells[i] ?? '';
    if (slot.kind === 'skip' || trimCell(raw) === '') continue;
    if (slot.kind === 'extra') {
      const r = readCell(raw, slot.name, { zh: slot.name, type: 'text', max: 500, doc: '' }, cellCtx);
      if ('problem' in r) { problems.push(r.problem); ok = false; } else extra[slot.name] = r.value as string;
      continue;
    }
    const { name, meta } = slot.col;
    const r = readCell(raw, name, meta, cellCtx);
    if ('problem' in r) {
      problems.push(r.problem);
      failed.add(name);
      ok = false;
      continue;
    }
    if (r.warning) problems.push(r.warning);
    data[name] = r.value;
  }
  // Blank cells of columns required in every table; a requirement of some kinds only (the
  // `deadline` of a plan) is checked by that kind's row rule, with its own code.
  for (const c of columnsOf(table)) {
    if (present.has(c.name) && c.meta.required === true && data[c.name] === undefined && !failed.has(c.name)) {
      problems.push(problem('missing-value', { file, line, column: c.name }, { zh: c.meta.zh, about: c.meta.doc }));
      failed.add(c.name);
      ok = false;
    }
  }
  const parsed = table.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (failed.has(name) || !present.has(name)) continue;
      const meta = columnsOf(table).find((c) => c.name === name)?.meta;
      problems.push(problem('out-of-range', { file, line, column: name }, { zh: meta?.zh ?? name, value: String(data[name]), detail: rangeDetail(issue) }));
      ok = false;
    }
  }
  return ok && parsed.success ? { line, data: parsed.data as T, extra } : undefined;
}

function rangeDetail(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return `不能小于 ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `不能大于 ${String(issue.maximum)}`;
  if (issue.code === 'invalid_format') return '格式不对';
  return issue.message;
}
