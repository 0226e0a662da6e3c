import type { AnnouncementMeta, Kind } from '../schema/announcement.ts';
import type { AssessmentRow } from '../schema/assessment.ts';
import type { CardRow } from '../schema/cards.ts';
import type { LineRow } from '../schema/line.ts';
import type { TargetRow } from '../schema/target.ts';
import type { Row } from './table.ts';

interface Base<K extends Kind, T> {
  id: string;
  kind: K;
  meta: AnnouncementMeta & { kind: K };
  /** Files relative to the data root. */
  mdFile: string;
  csvFile: string;
  /** Markdown text of the announcement, and the .md line it starts on. */
  body: string;
  bodyLine: number;
  /** Line in the .md of each front-matter key. */
  keyLines: Record<string, number>;
  rows: Row<T>[];
  columns: string[];
  extraColumns: string[];
}

/** One validated announcement: front matter, text and typed table. */
export type Announcement =
  | Base<'plan', LineRow>
  | Base<'completion', LineRow>
  | Base<'target', TargetRow>
  | Base<'assessment', AssessmentRow>
  | Base<'cards', CardRow>;

export type LineAnnouncement = Extract<Announcement, { kind: 'plan' | 'completion' }>;
export const isLineAnnouncement = (a: Announcement): a is LineAnnouncement => a.kind === 'plan' || a.kind === 'completion';

/** Publication order: date, then id, so every derived sequence is deterministic. */
export function byPublication(a: Announcement, b: Announcement): number {
  return a.meta.published < b.meta.published ? -1 : a.meta.published > b.meta.published ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
