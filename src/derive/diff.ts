/**
 * Row diffs between two tables of one kind, and the comparison of two states of a data root
 * (what an office's commit adds, removes or edits). Pure: the I/O is in scripts/diff.ts.
 */
import { KIND_LABELS, META_LABELS, metaLabel, TABLE_SCHEMAS, type AnnouncementMeta, type Kind } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import { LINE_STATUSES, type LineStatus } from '../schema/line.ts';
import type { Taxonomy } from '../reference/industries.ts';
import type { RawAnnouncement, RawDataRoot } from '../read/load.ts';
import { parseLock } from '../validate/lock.ts';
import type { Announcement } from '../validate/record.ts';
import { rowIdentity, unnamedInNote } from '../validate/rules/corrections.ts';
import type { Row } from '../validate/table.ts';
import type { ValidatedRecord } from '../validate/validate.ts';

/** A cell as the diff sees it: the validated value, `null` for a blank cell. */
export type CellValue = string | number | boolean | null;

/** A row of one side of a diff. */
export interface DiffRow {
  /** Identity within its kind of table (see `rowIdentity`): line_id, region/industry, region, card_id. */
  key: string;
  /** Names people know the row by: line_id and enterprise name, or region code, or card_id and enterprise. */
  names: string[];
  /** Physical line in its CSV file. */
  line: number;
  /** Non-blank cells: canonical columns in schema order, then `x_` extras in name order. */
  values: Record<string, CellValue>;
}

/** One cell that differs between the two versions of a row. */
export interface FieldChange {
  /** Canonical column name, `x_` extra column name, or front-matter key. */
  column: string;
  before: CellValue;
  after: CellValue;
}

export interface RowChange {
  key: string;
  names: string[];
  beforeLine: number;
  afterLine: number;
  /** Columns in schema order, then extras in name order. */
  fields: FieldChange[];
}

export interface TableDiff {
  kind: Kind;
  /** Rows only in the new table, in its order. */
  added: DiffRow[];
  /** Rows only in the old table, in its order. */
  removed: DiffRow[];
  /** Rows in both whose cells differ, in the new table's order. */
  changed: RowChange[];
  /** Rows in both with the same cells (where they stand in the table does not matter). */
  unchanged: number;
}

type AnyRow = Row<Announcement['rows'][number]['data']>;

const cell = (v: unknown): CellValue => (v === undefined || v === null || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean));

function diffRow(kind: Kind, row: AnyRow): DiffRow {
  const { key, names } = rowIdentity({ kind }, row.data);
  const values: Record<string, CellValue> = {};
  const data = row.data as Record<string, unknown>;
  for (const c of columnsOf(TABLE_SCHEMAS[kind])) {
    const v = cell(data[c.name]);
    if (v !== null) values[c.name] = v;
  }
  for (const name of Object.keys(row.extra).sort()) {
    const v = cell(row.extra[name]);
    if (v !== null) values[name] = v;
  }
  return { key, names, line: row.line, values };
}

function fieldChanges(kind: Kind, before: DiffRow, after: DiffRow): FieldChange[] {
  const extras = [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])].filter((c) => c.startsWith('x_') || c.startsWith('X_')).sort();
  const out: FieldChange[] = [];
  for (const column of [...columnsOf(TABLE_SCHEMAS[kind]).map((c) => c.name), ...extras]) {
    const b = before.values[column] ?? null;
    const a = after.values[column] ?? null;
    if (b !== a) out.push({ column, before: b, after: a });
  }
  return out;
}

/**
 * Diffs two tables of the same kind, rows matched by their identity. Moving a row is no change.
 * Should a table repeat a key (an error the validator reports), its rows are matched in order.
 */
export function diffTables(kind: Kind, before: readonly AnyRow[], after: readonly AnyRow[]): TableDiff {
  const old = new Map<string, DiffRow[]>();
  for (const r of before) {
    const d = diffRow(kind, r);
    old.set(d.key, [...(old.get(d.key) ?? []), d]);
  }
  const out: TableDiff = { kind, added: [], removed: [], changed: [], unchanged: 0 };
  for (const r of after) {
    const a = diffRow(kind, r);
    const b = old.get(a.key)?.shift();
    if (!b) {
      out.added.push(a);
      continue;
    }
    const fields = fieldChanges(kind, b, a);
    if (fields.length === 0) out.unchanged++;
    else out.changed.push({ key: a.key, names: a.names, beforeLine: b.line, afterLine: a.line, fields });
  }
  out.removed = [...old.values()].flat().sort((x, y) => x.line - y.line);
  return out;
}

/** Diffs the tables of two announcements of the same kind (e.g. a correction and what it supersedes). */
export function diffAnnouncements(before: Announcement, after: Announcement): TableDiff {
  if (before.kind !== after.kind) throw new Error(`不能比较不同类别的公告：${before.id}（${before.kind}）与 ${after.id}（${after.kind}）`);
  return diffTables(after.kind, before.rows as AnyRow[], after.rows as AnyRow[]);
}

/** Removed rows that the correction note names neither by line_id/card_id nor by enterprise name. */
export function unexplainedRemovals(diff: TableDiff, correctionNote: string | undefined): DiffRow[] {
  return unnamedInNote(diff.removed, correctionNote ?? '');
}

/** True when the diff finds no difference at all. */
export const isEmptyDiff = (d: TableDiff) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;

// ── labels, for pages and the command line ──────────────────────────────────────────────────


/** Chinese header of a column of `kind` (the `x_` name itself for extras), or of a front-matter key. */
export function columnLabel(kind: Kind | 'meta', column: string): string {
  if (kind === 'meta') return metaLabel(column);
  return columnsOf(TABLE_SCHEMAS[kind]).find((c) => c.name === column)?.meta.zh ?? column;
}

/** A cell as people read it: enum labels, 是/否, industry names, （空） for blank. */
export function cellText(kind: Kind | 'meta', column: string, value: CellValue, taxonomy?: Taxonomy): string {
  if (value === null) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (kind === 'meta') return column === 'kind' && typeof value === 'string' ? (KIND_LABELS[value as Kind] ?? value) : String(value);
  const meta = columnsOf(TABLE_SCHEMAS[kind]).find((c) => c.name === column)?.meta;
  if (meta?.type === 'industry' && taxonomy) return taxonomy.get(String(value))?.name ?? String(value);
  if (meta?.labels) return meta.labels[String(value)] ?? String(value);
  return String(value);
}

// ── two states of a data root ──────────────────────────────────────────────────────────────

/** One state of a data root: its files and what the validator made of them. */
export interface RecordState {
  raw: RawDataRoot;
  record: ValidatedRecord;
}

/** Rows of a table counted by status (lines), card colour (cards), or in total (others). */
export type RowCounts = { total: number } & Partial<Record<LineStatus | 'yellow' | 'red', number>>;

export interface AddedAnnouncement {
  id: string;
  files: string[];
  /** Absent when the front matter cannot be read (see `errors`). */
  kind?: Kind;
  title?: string;
  published?: string;
  rows?: RowCounts;
  /** Errors the validator reports in its two files (lock-mismatch aside). */
  errors: number;
  /** For a correction: its diff against the announcement it supersedes, and removals its note leaves out. */
  correction?: { supersedes: string; diff?: TableDiff; unexplained: DiffRow[] };
}

export interface RemovedAnnouncement {
  id: string;
  files: string[];
  kind?: Kind;
  title?: string;
  /** In published.lock at the old revision: the lock rejects the removal. */
  published: boolean;
}

export interface EditedAnnouncement {
  id: string;
  /** Files whose bytes differ (or that appeared, vanished or moved), relative to the data root. */
  files: string[];
  /** In published.lock at the old revision: the lock rejects the edit. */
  published: boolean;
  /** Front-matter keys whose values differ. */
  meta: FieldChange[];
  bodyChanged: boolean;
  /** The row diff; absent when either version cannot be read or the kind changed. */
  rows?: TableDiff;
  /** Which side the validator could not read, if any. */
  unreadable?: 'before' | 'after' | 'both';
  /** Errors the validator reports in its files now (lock-mismatch aside). */
  errors: number;
}

export interface LockChanges {
  /** Ids newly recorded in published.lock. */
  added: string[];
  /** Ids whose recorded hashes were rewritten: only ever done to hide an edit. */
  changed: string[];
  /** Ids dropped from published.lock. */
  removed: string[];
}

export interface RecordComparison {
  added: AddedAnnouncement[];
  removed: RemovedAnnouncement[];
  edited: EditedAnnouncement[];
  lock: LockChanges;
  /** industries.csv / regions.csv: added, removed or modified. */
  otherFiles: { path: string; change: 'added' | 'removed' | 'modified' }[];
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) => {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
const filesOf = (a: RawAnnouncement) => [a.md?.path, a.csv?.path].filter((p): p is string => p !== undefined);
const byIdOrder = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Counts rows by status (plan, completion), card colour (cards), or in total. */
export function countRows(a: Announcement): RowCounts {
  const counts: RowCounts = { total: a.rows.length };
  if (a.kind === 'plan' || a.kind === 'completion') {
    for (const s of LINE_STATUSES) {
      const n = a.rows.filter((r) => r.data.status === s).length;
      if (n > 0) counts[s] = n;
    }
  } else if (a.kind === 'cards') {
    for (const c of ['yellow', 'red'] as const) {
      const n = a.rows.filter((r) => r.data.card === c).length;
      if (n > 0) counts[c] = n;
    }
  }
  return counts;
}

function metaChanges(before: AnnouncementMeta, after: AnnouncementMeta): FieldChange[] {
  const keys = [...new Set([...Object.keys(META_LABELS).filter((k) => !k.includes('.')), ...Object.keys(before), ...Object.keys(after)])];
  const out: FieldChange[] = [];
  for (const k of keys) {
    const b = cell((before as Record<string, unknown>)[k]);
    const a = cell((after as Record<string, unknown>)[k]);
    if (b !== a) out.push({ column: k, before: b, after: a });
  }
  return out;
}

/**
 * Compares two states of a data root announcement by announcement: which were added, which
 * removed, which edited (any byte of either file), and whether the old state's published.lock
 * held them. Everything is sorted by id, so the same states give the same comparison.
 */
export function compareRecords(before: RecordState, after: RecordState): RecordComparison {
  const oldRaw = new Map(before.raw.announcements.map((a) => [a.id, a]));
  const newRaw = new Map(after.raw.announcements.map((a) => [a.id, a]));
  const oldAnn = new Map(before.record.announcements.map((a) => [a.id, a]));
  const newAnn = new Map(after.record.announcements.map((a) => [a.id, a]));
  const decode = (f: RawDataRoot['lock']) => (f ? new TextDecoder().decode(f.bytes) : undefined);
  const oldLock = parseLock(decode(before.raw.lock)).lock;
  const newLock = parseLock(decode(after.raw.lock)).lock;
  // lock-mismatch is left out: the comparison says so itself (`published`).
  const errorsIn = (files: string[]) => after.record.report.problems.filter((p) => p.severity === 'error' && p.code !== 'lock-mismatch' && files.includes(p.file)).length;

  const out: RecordComparison = { added: [], removed: [], edited: [], lock: { added: [], changed: [], removed: [] }, otherFiles: [] };
  for (const [id, raw] of newRaw) {
    if (oldRaw.has(id)) continue;
    const a = newAnn.get(id);
    const files = filesOf(raw);
    const entry: AddedAnnouncement = { id, files, errors: errorsIn(files) };
    if (a) {
      Object.assign(entry, { kind: a.kind, title: a.meta.title, published: a.meta.published, rows: countRows(a) });
      if (a.meta.supersedes !== undefined) {
        const target = newAnn.get(a.meta.supersedes);
        const diff = target && target.kind === a.kind ? diffAnnouncements(target, a) : undefined;
        entry.correction = { supersedes: a.meta.supersedes, ...(diff ? { diff } : {}), unexplained: diff ? unexplainedRemovals(diff, a.meta.correction_note) : [] };
      }
    }
    out.added.push(entry);
  }
  for (const [id, raw] of oldRaw) {
    if (newRaw.has(id)) continue;
    const a = oldAnn.get(id);
    out.removed.push({ id, files: filesOf(raw), ...(a ? { kind: a.kind, title: a.meta.title } : {}), published: id in oldLock });
  }
  for (const [id, o] of oldRaw) {
    const n = newRaw.get(id);
    if (!n) continue;
    const files = [...new Set([
      ...(o.md?.path !== n.md?.path || !sameBytes(o.md?.bytes, n.md?.bytes) ? [o.md?.path, n.md?.path] : []),
      ...(o.csv?.path !== n.csv?.path || !sameBytes(o.csv?.bytes, n.csv?.bytes) ? [o.csv?.path, n.csv?.path] : []),
    ].filter((p): p is string => p !== undefined))].sort();
    if (files.length === 0) continue;
    const b = oldAnn.get(id);
    const a = newAnn.get(id);
    const entry: EditedAnnouncement = { id, files, published: id in oldLock, meta: [], bodyChanged: false, errors: errorsIn(filesOf(n)) };
    if (b && a) {
      entry.meta = metaChanges(b.meta, a.meta);
      entry.bodyChanged = b.body !== a.body;
      if (b.kind === a.kind) entry.rows = diffAnnouncements(b, a);
    } else {
      entry.unreadable = !b && !a ? 'both' : !b ? 'before' : 'after';
    }
    out.edited.push(entry);
  }
  byIdOrder(out.added);
  byIdOrder(out.removed);
  byIdOrder(out.edited);

  for (const id of Object.keys(newLock).sort()) {
    const o = oldLock[id];
    if (!o) out.lock.added.push(id);
    else if (o.md !== newLock[id]!.md || o.csv !== newLock[id]!.csv) out.lock.changed.push(id);
  }
  for (const id of Object.keys(oldLock).sort()) if (!(id in newLock)) out.lock.removed.push(id);

  for (const which of ['industries', 'regions'] as const) {
    const o = before.raw[which];
    const n = after.raw[which];
    const path = `${which}.csv`;
    if (o && !n) out.otherFiles.push({ path, change: 'removed' });
    else if (!o && n) out.otherFiles.push({ path, change: 'added' });
    else if (o && n && !sameBytes(o.bytes, n.bytes)) out.otherFiles.push({ path, change: 'modified' });
  }
  return out;
}
