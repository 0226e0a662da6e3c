import { createHash } from 'node:crypto';
import type { LineRow, LineStatus } from '../schema/line.ts';
import type { Taxonomy } from '../reference/industries.ts';
import { matchKey } from '../text/normalize.ts';
import { byPublication, isLineAnnouncement, type Announcement } from '../validate/record.ts';
import type { RegionTable } from '../reference/regions.ts';
import { lineKey } from '../validate/rules/lines.ts';
import type { ValidatedRecord } from '../validate/validate.ts';
import { announcementEffects, type AnnouncementEffect } from './changes.ts';

/**
 * The one derived model every page renders: current status of each line, enterprises, and the
 * announcements in publication order. Pure: the same record gives the same model, and "now" is
 * the latest publication date in the data (`asOf`), never the clock.
 */
export interface LineMention {
  announcementId: string;
  kind: 'plan' | 'completion';
  year: number;
  published: string;
  /** Whether a correction has replaced the announcement. */
  superseded: boolean;
  row: LineRow;
}

export interface TimelineStep {
  status: LineStatus;
  /** Date of the event as the row gives it (blank where the list gives none). */
  date?: string | undefined;
  /** The announcement that first reported this step. */
  announcementId: string;
  published: string;
}

export interface LineState {
  key: string;
  enterpriseKey: string;
  /** The latest in-force row for the line. */
  row: LineRow;
  status: LineStatus;
  mentions: LineMention[];
  timeline: TimelineStep[];
  firstPublished: string;
  lastChanged: string;
  /** The earliest plan year that lists the line. */
  planYear?: number | undefined;
  /** Deadline passed before the as-of date without completion (sealed, dismantled or accepted). */
  overdue: boolean;
  /** Sealed, dismantled or accepted. */
  complete: boolean;
  /** Year of the announcement that first reported the line complete. */
  completedYear?: number | undefined;
  /** Days past the deadline: until completion (dated by the event, else the announcement), or until the as-of date. */
  daysOverdue?: number | undefined;
  example: boolean;
}

export interface EnterpriseState {
  key: string;
  name: string;
  creditCode?: string | undefined;
  stockCode?: string | undefined;
  regionCode: string;
  lines: LineState[];
  example: boolean;
}

export interface Model {
  asOf: string;
  /** Newest first. */
  announcements: Announcement[];
  byId: Map<string, Announcement>;
  superseded: Set<string>;
  /** id → id of the correction that supersedes it. */
  supersededBy: Map<string, string>;
  lines: LineState[];
  enterprises: EnterpriseState[];
  regions: RegionTable;
  taxonomy: Taxonomy;
  /** Region code → lines located in it or in any region below it. */
  linesByRegion: Map<string, LineState[]>;
  /** Every region the data touches, with all its ancestors. */
  regionCodes: Set<string>;
  /** Region code → announcements issued by exactly that region, newest first. */
  announcementsIssuedBy: Map<string, Announcement[]>;
  /** Region code → announcements issued by it or any region below it, newest first. */
  announcementsWithin: Map<string, Announcement[]>;
  /** What each announcement did to the record, in publication order. */
  effects: AnnouncementEffect[];
  effectById: Map<string, AnnouncementEffect>;
}

const COMPLETE: ReadonlySet<LineStatus> = new Set(['sealed', 'dismantled', 'accepted']);
const STEP_DATE: Record<LineStatus, keyof LineRow | undefined> = {
  planned: undefined, incomplete: undefined, shutdown: 'shutdown_date', sealed: 'sealed_date', dismantled: 'dismantled_date', accepted: 'accepted_date',
};
const PATH: readonly LineStatus[] = ['planned', 'shutdown', 'sealed', 'dismantled', 'accepted'];

/** Stable key of an enterprise: its credit code, else region code + a hash of its normalised name. */
export function enterpriseKey(row: Pick<LineRow, 'credit_code' | 'region_code' | 'enterprise_name'>): string {
  if (row.credit_code) return row.credit_code;
  return `${row.region_code}-${createHash('sha256').update(matchKey(row.enterprise_name)).digest('hex').slice(0, 10)}`;
}

/** Last day a deadline allows: YYYY-MM means the end of that month. */
export function deadlineEnd(deadline: string): string {
  if (deadline.length === 10) return deadline;
  const [y, m] = deadline.split('-').map(Number) as [number, number];
  return `${deadline}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function buildModel(record: ValidatedRecord): Model {
  const { announcements, superseded, regions, taxonomy } = record;
  const asOf = announcements.reduce((max, a) => (a.meta.published > max ? a.meta.published : max), '0000-01-01');
  const sorted = [...announcements].sort(byPublication);
  const supersededBy = new Map<string, string>();
  for (const a of announcements) if (a.meta.supersedes && superseded.has(a.meta.supersedes)) supersededBy.set(a.meta.supersedes, a.id);

  const mentions = new Map<string, LineMention[]>();
  const exampleOf = new Map<string, boolean>();
  for (const a of sorted) {
    if (!isLineAnnouncement(a)) continue;
    for (const r of a.rows) {
      const k = lineKey(r.data);
      const list = mentions.get(k) ?? [];
      list.push({ announcementId: a.id, kind: a.kind, year: a.meta.year, published: a.meta.published, superseded: superseded.has(a.id), row: r.data });
      mentions.set(k, list);
      if (a.meta.example) exampleOf.set(k, true);
    }
  }
  const lines: LineState[] = [];
  for (const [key, ms] of mentions) {
    const inForce = ms.filter((m) => !m.superseded);
    const basis = inForce.length > 0 ? inForce : ms;
    const latest = basis[basis.length - 1]!;
    const timeline: TimelineStep[] = [];
    for (const status of PATH) {
      const dateKey = STEP_DATE[status];
      const reached = (m: LineMention) =>
        m.row.status === status || (status === 'planned' ? m.kind === 'plan' : dateKey !== undefined && m.row[dateKey] !== undefined);
      const first = basis.find(reached);
      if (!first) continue;
      const dated = dateKey ? basis.find((m) => m.row[dateKey] !== undefined) : undefined;
      // Being listed in a plan is dated by the plan's publication.
      const date = status === 'planned' ? first.published : dated && dateKey ? (dated.row[dateKey] as string) : undefined;
      timeline.push({ status, date, announcementId: first.announcementId, published: first.published });
    }
    if (latest.row.status === 'incomplete') timeline.push({ status: 'incomplete', announcementId: latest.announcementId, published: latest.published });
    const plans = basis.filter((m) => m.kind === 'plan');
    const deadline = [...basis].reverse().find((m) => m.row.deadline !== undefined)?.row.deadline;
    lines.push({
      key,
      enterpriseKey: enterpriseKey(latest.row),
      row: deadline && !latest.row.deadline ? { ...latest.row, deadline } : latest.row,
      status: latest.row.status,
      mentions: ms,
      timeline,
      firstPublished: ms[0]!.published,
      lastChanged: latest.published,
      planYear: plans.length > 0 ? Math.min(...plans.map((m) => m.year)) : undefined,
      overdue: deadline !== undefined && deadlineEnd(deadline) < asOf && !COMPLETE.has(latest.row.status),
      complete: COMPLETE.has(latest.row.status),
      daysOverdue: daysPast(deadline, COMPLETE.has(latest.row.status) ? completionDate(timeline) : asOf),
      completedYear: COMPLETE.has(latest.row.status) ? basis.find((m) => COMPLETE.has(m.row.status))?.year : undefined,
      example: exampleOf.get(key) ?? false,
    });
  }
  lines.sort((a, b) => (a.row.region_code < b.row.region_code ? -1 : a.row.region_code > b.row.region_code ? 1 : a.key < b.key ? -1 : 1));

  const enterprises = new Map<string, EnterpriseState>();
  for (const l of lines) {
    const e = enterprises.get(l.enterpriseKey) ?? { key: l.enterpriseKey, name: l.row.enterprise_name, creditCode: l.row.credit_code, stockCode: l.row.stock_code, regionCode: l.row.region_code, lines: [], example: false };
    e.lines.push(l);
    e.example ||= l.example;
    e.stockCode ??= l.row.stock_code;
    enterprises.set(l.enterpriseKey, e);
  }
  const linesByRegion = new Map<string, LineState[]>();
  const regionCodes = new Set<string>(['000000']);
  for (const l of lines) {
    for (const r of regions.chain(l.row.region_code)) {
      const list = linesByRegion.get(r.code) ?? [];
      list.push(l);
      linesByRegion.set(r.code, list);
      regionCodes.add(r.code);
    }
  }
  for (const a of announcements) {
    for (const r of regions.chain(a.meta.region)) regionCodes.add(r.code);
    for (const row of a.rows) for (const r of regions.chain((row.data as { region_code: string }).region_code)) regionCodes.add(r.code);
  }
  const effects = announcementEffects(announcements);
  const announcementsIssuedBy = new Map<string, Announcement[]>();
  const announcementsWithin = new Map<string, Announcement[]>();
  const push = (m: Map<string, Announcement[]>, k: string, a: Announcement) => {
    const list = m.get(k);
    if (list) list.push(a);
    else m.set(k, [a]);
  };
  for (const a of [...sorted].reverse()) {
    push(announcementsIssuedBy, a.meta.region, a);
    for (const r of regions.chain(a.meta.region)) push(announcementsWithin, r.code, a);
  }
  return {
    asOf,
    announcements: [...sorted].reverse(),
    byId: new Map(announcements.map((a) => [a.id, a])),
    superseded,
    supersededBy,
    lines,
    enterprises: [...enterprises.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    regions,
    taxonomy,
    linesByRegion,
    regionCodes,
    announcementsIssuedBy,
    announcementsWithin,
    effects,
    effectById: new Map(effects.map((e) => [e.id, e])),
  };
}

/** The date a line was complete: its sealing or dismantling date, else when that was announced. */
function completionDate(timeline: readonly TimelineStep[]): string | undefined {
  const step = timeline.find((s) => COMPLETE.has(s.status));
  return step?.date ?? step?.published;
}

const DAY = 86_400_000;
function daysPast(deadline: string | undefined, until: string | undefined): number | undefined {
  if (!deadline || !until) return undefined;
  const days = Math.round((Date.parse(until) - Date.parse(deadlineEnd(deadline))) / DAY);
  return days > 0 ? days : undefined;
}
