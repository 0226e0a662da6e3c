/**
 * The record's history: what each announcement did to the public record, in publication order.
 * Plain data for the /changes/ page and the feeds.
 */
import type { Kind } from '../schema/announcement.ts';
import { LINE_STATUSES, type LineRow, type LineStatus } from '../schema/line.ts';
import { cellText, diffAnnouncements, unexplainedRemovals, type DiffRow, type TableDiff } from './diff.ts';
import { isLineAnnouncement, type Announcement } from '../validate/record.ts';
import { t } from '../i18n/zh-CN.ts';
import { lineKey } from '../validate/rules/lines.ts';

/** A line (plan/completion row) as a change names it. */
export interface LineRef {
  /** Identity across announcements (`lineKey`: province + line_id). */
  key: string;
  line_id: string;
  enterprise_name: string;
  region_code: string;
}

export interface StatusChange extends LineRef {
  /** The line's status in force just before this announcement. */
  from: LineStatus;
  /** The announcement that status came from. */
  fromId: string;
  to: LineStatus;
}

export interface AnnouncementEffect {
  id: string;
  kind: Kind;
  title: string;
  region: string;
  year: number;
  published: string;
  /** Rows in its table. */
  rows: number;
  /** plan/completion: lines whose key no earlier announcement (in force or not) listed. */
  linesAdded: LineRef[];
  /** plan/completion: lines whose status differs from their status in force just before it. */
  statusChanges: StatusChange[];
  /** A valid correction: its diff against what it supersedes, and the removals its note leaves out. */
  correction?: { supersedes: string; diff: TableDiff; unexplained: DiffRow[] };
  /** The correction that later replaced this announcement, if any. */
  supersededBy?: string;
  /** The same numbers, for feeds and lists. */
  counts: { linesAdded: number; statusChanges: number; rowsAdded: number; rowsRemoved: number; rowsChanged: number };
}

const ref = (row: LineRow): LineRef => ({
  key: lineKey(row),
  line_id: row.line_id,
  enterprise_name: row.enterprise_name,
  region_code: row.region_code,
});

/**
 * Each announcement's effect on the record, in publication order (published, then id).
 *
 * A line's status "in force" is the latest one given by an announcement not yet superseded; when
 * a correction is published, the announcement it corrects stops counting from then on. Only a
 * valid `supersedes` (see rules/supersedes.ts) makes an announcement a correction: `valid` holds
 * the corrections the validator accepted, `chronological` the announcements in publication order.
 */
export function announcementEffects(chronological: readonly Announcement[], byId: ReadonlyMap<string, Announcement>, valid: ReadonlySet<string>): AnnouncementEffect[] {
  const supersededBy = new Map<string, string>();
  for (const id of valid) supersededBy.set(byId.get(id)!.meta.supersedes!, id);

  const seen = new Set<string>();
  /** Per line, the statuses given so far, oldest first, with the announcement that gave each. */
  const history = new Map<string, { id: string; status: LineStatus }[]>();
  const retired = new Set<string>();
  const inForce = (key: string) => history.get(key)?.findLast((h) => !retired.has(h.id));

  const out: AnnouncementEffect[] = [];
  for (const a of chronological) {
    const effect: AnnouncementEffect = {
      id: a.id, kind: a.kind, title: a.meta.title, region: a.meta.region, year: a.meta.year, published: a.meta.published,
      rows: a.rows.length, linesAdded: [], statusChanges: [],
      counts: { linesAdded: 0, statusChanges: 0, rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0 },
    };
    const by = supersededBy.get(a.id);
    if (by !== undefined) effect.supersededBy = by;
    if (valid.has(a.id)) {
      const old = byId.get(a.meta.supersedes!)!;
      const diff = diffAnnouncements(old, a);
      effect.correction = { supersedes: old.id, diff, unexplained: unexplainedRemovals(diff, a.meta.correction_note) };
      Object.assign(effect.counts, { rowsAdded: diff.added.length, rowsRemoved: diff.removed.length, rowsChanged: diff.changed.length });
    }
    if (isLineAnnouncement(a)) {
      const fresh = new Set<string>();
      for (const row of a.rows) {
        const r = ref(row.data);
        if (!seen.has(r.key) && !fresh.has(r.key)) {
          fresh.add(r.key);
          effect.linesAdded.push(r);
        }
        const prev = inForce(r.key);
        if (prev && prev.status !== row.data.status) effect.statusChanges.push({ ...r, from: prev.status, fromId: prev.id, to: row.data.status });
      }
      for (const k of fresh) seen.add(k);
    }
    // The corrected announcement stops counting once its correction is out; then this one counts.
    if (effect.correction) retired.add(effect.correction.supersedes);
    if (isLineAnnouncement(a)) {
      for (const row of a.rows) {
        const key = lineKey(row.data);
        const h = history.get(key);
        if (h) h.push({ id: a.id, status: row.data.status });
        else history.set(key, [{ id: a.id, status: row.data.status }]);
      }
    }
    effect.counts.linesAdded = effect.linesAdded.length;
    effect.counts.statusChanges = effect.statusChanges.length;
    out.push(effect);
  }
  return out;
}

/** One Chinese sentence for a feed entry or a list: what the announcement changed. */
export function describeEffect(e: AnnouncementEffect): string {
  const say = t.history.effects;
  const parts: string[] = [];
  if (e.correction) {
    const c = e.counts;
    const rows = [c.rowsAdded && say.rowsAdded(c.rowsAdded), c.rowsRemoved && say.rowsRemoved(c.rowsRemoved), c.rowsChanged && say.rowsChanged(c.rowsChanged)].filter(Boolean);
    parts.push(say.corrects(e.correction.supersedes, rows.length ? rows.join('，') : say.tableUnchanged));
  }
  if (e.kind === 'plan' || e.kind === 'completion') {
    if (e.counts.linesAdded) parts.push(say.linesAdded(e.counts.linesAdded));
    if (e.counts.statusChanges) {
      const detail = LINE_STATUSES.map((s) => [s, e.statusChanges.filter((c) => c.to === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${cellText('plan', 'status', s)} ${n}`)
        .join('、');
      parts.push(say.statusChanges(e.counts.statusChanges, detail));
    }
  } else if (!e.correction) {
    parts.push(say.rows(e.rows));
  }
  if (parts.length) return parts.join('；');
  return e.rows === 0 ? say.noRows : say.nothingNew;
}
