/**
 * The record's deltas: for each announcement, in publication order, the rows it added, the rows
 * it changed (field by field, against the record in force just before it) and, for a
 * correction, the rows it dropped from the announcement it corrects. This is /data/changes.json.
 *
 * "In force" follows src/derive/changes.ts: an announcement counts until a valid correction of it
 * is published; the correction is compared against the record that still includes the
 * announcement it corrects, so its changes are exactly what it corrected.
 *
 * A row's identity across announcements (its key) is the line key for plan and completion rows
 * (province + line_id), year/region/industry for targets, year/region for assessments and
 * issuing region/card_id for cards. A field "before" is the value of the latest announcement in
 * force that lists the row and has that column: a completion list without a `deadline` column
 * says nothing about the deadline, so only the columns an announcement's table has are compared.
 *
 * One pass over the record: each row looks back only over its own key's history.
 */
import { TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import type { AnnouncementDelta, ChangedFields, EarlierFields } from '../schema/data-files.ts';
import type { LineRow } from '../schema/line.ts';
import type { Announcement } from '../validate/record.ts';
import { lineKey } from '../validate/rules/lines.ts';
import type { Row } from '../validate/table.ts';

type Cell = string | number | boolean;
type AnyRow = Row<Record<string, unknown>>;

/** Key of a row across announcements (see the module comment). */
export function deltaKey(a: Announcement, data: Record<string, unknown>): string {
  switch (a.kind) {
    case 'plan':
    case 'completion':
      return lineKey(data as LineRow);
    case 'target':
      return `target:${a.meta.year}/${String(data.region_code)}/${String(data.industry)}`;
    case 'assessment':
      return `assessment:${a.meta.year}/${String(data.region_code)}`;
    case 'cards':
      return `cards:${a.meta.region}/${String(data.card_id)}`;
  }
}

const CANONICAL = new Map<Kind, readonly string[]>((Object.keys(TABLE_SCHEMAS) as Kind[]).map((k) => [k, columnsOf(TABLE_SCHEMAS[k]).map((c) => c.name)]));

interface Columns {
  /** Canonical columns in schema order, then extras by name. */
  names: string[];
  extra: Set<string>;
  has: Set<string>;
}

/** The columns an announcement's table has; one object per distinct layout (offices reuse a few). */
const layouts = new Map<string, Columns>();
function tableColumns(a: Announcement): Columns {
  const signature = `${a.kind}|${a.columns.join(',')}|${a.extraColumns.join(',')}`;
  let c = layouts.get(signature);
  if (!c) {
    const present = new Set(a.columns);
    const names = CANONICAL.get(a.kind)!.filter((n) => present.has(n));
    const extra = new Set(a.extraColumns);
    names.push(...[...extra].sort());
    layouts.set(signature, (c = { names, extra, has: new Set(names) }));
  }
  return c;
}

const valueOf = (row: AnyRow, column: string, extra: boolean): Cell | null => {
  const v = extra ? row.extra[column] : row.data[column];
  return v === undefined || v === null || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
};


interface Listing {
  id: string;
  row: AnyRow;
  cols: Columns;
}

/** Counts the steps of the look-backs over a row's history, for tests of growth. */
export interface DeltaProbe {
  steps: number;
}

/**
 * The deltas of a record: `chronological` in publication order, `byId` every announcement,
 * `corrections` the ids of the valid corrections (the validated record's `corrections`).
 */
export function announcementDeltas(chronological: readonly Announcement[], byId: ReadonlyMap<string, Announcement>, corrections: ReadonlySet<string>, probe?: DeltaProbe): AnnouncementDelta[] {
  const history = new Map<string, Listing[]>();
  const retired = new Set<string>();
  const latestInForce = (list: readonly Listing[] | undefined): Listing | undefined => {
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      if (probe) probe.steps++;
      if (!retired.has(list[i]!.id)) return list[i];
    }
    return undefined;
  };

  const out: AnnouncementDelta[] = [];
  for (const a of chronological) {
    const cols = tableColumns(a);
    const delta: AnnouncementDelta = {
      id: a.id, kind: a.kind, region: a.meta.region, year: a.meta.year, published: a.meta.published, title: a.meta.title,
      ...(corrections.has(a.id) ? { supersedes: a.meta.supersedes! } : {}),
      added: [], changed: [], removed: [],
    };
    const keys: string[] = [];
    for (const row of a.rows as AnyRow[]) {
      const key = deltaKey(a, row.data);
      keys.push(key);
      const list = history.get(key);
      const since = latestInForce(list);
      if (!since) {
        delta.added.push({ key, line: row.line });
        continue;
      }
      const change = changedFields(row, cols, list!, retired, probe);
      if (change) delta.changed.push({ key, since: since.id, ...change });
    }
    if (corrections.has(a.id)) {
      const old = byId.get(a.meta.supersedes!)!;
      retired.add(old.id);
      const listed = new Set(keys);
      for (const row of old.rows as AnyRow[]) {
        const key = deltaKey(old, row.data);
        if (listed.has(key)) continue;
        delta.removed.push({ key, line: row.line, in_force_after: latestInForce(history.get(key))?.id ?? null });
      }
    }
    for (const [i, row] of (a.rows as AnyRow[]).entries()) {
      const key = keys[i]!;
      const entry = { id: a.id, row, cols };
      const list = history.get(key);
      if (list) list.push(entry);
      else history.set(key, [entry]);
    }
    out.push(delta);
  }
  return out;
}

/**
 * The columns of the new row's table whose values differ from the latest in-force listing that
 * has the column: their values before and after, or undefined when none differs.
 */
function changedFields(row: AnyRow, cols: Columns, list: readonly Listing[], retired: ReadonlySet<string>, probe: DeltaProbe | undefined): { before: EarlierFields; after: ChangedFields } | undefined {
  const n = cols.names.length;
  const was = new Array<Cell | null | undefined>(n);
  let resolved = 0;
  for (let i = list.length - 1; i >= 0 && resolved < n; i--) {
    const l = list[i]!;
    if (probe) probe.steps++;
    if (retired.has(l.id)) continue;
    for (let j = 0; j < n; j++) {
      const c = cols.names[j]!;
      if (was[j] === undefined && l.cols.has.has(c)) {
        was[j] = valueOf(l.row, c, l.cols.extra.has(c));
        resolved++;
      }
    }
  }
  let out: { before: EarlierFields; after: ChangedFields } | undefined;
  for (let j = 0; j < n; j++) {
    const c = cols.names[j]!;
    const after = valueOf(row, c, cols.extra.has(c));
    const before = was[j] ?? null;
    if (before === after) continue;
    out ??= { before: {}, after: {} };
    // A blank before is left out (EarlierFieldsSchema): the column's presence in `after` says it changed.
    if (before !== null) out.before[c] = before;
    out.after[c] = after;
  }
  return out;
}

/** How many rows the deltas name, for the bench and tests. */
export function deltaCounts(deltas: readonly AnnouncementDelta[]): { added: number; changed: number; fields: number; removed: number } {
  let added = 0;
  let changed = 0;
  let fields = 0;
  let removed = 0;
  for (const d of deltas) {
    added += d.added.length;
    changed += d.changed.length;
    removed += d.removed.length;
    for (const c of d.changed) fields += Object.keys(c.after).length;
  }
  return { added, changed, fields, removed };
}
