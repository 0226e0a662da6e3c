import { createHash } from 'node:crypto';
import { LINE_STATUSES, type LineRow, type LineStatus } from '../schema/line.ts';
import type { TargetRow } from '../schema/target.ts';
import type { Taxonomy } from '../reference/industries.ts';
import { matchKey } from '../text/normalize.ts';
import { isLineAnnouncement, type Announcement } from '../validate/record.ts';
import type { RegionTable } from '../reference/regions.ts';
import { lineKey } from '../validate/rules/lines.ts';
import type { ValidatedRecord } from '../validate/validate.ts';
import { announcementEffects, type AnnouncementEffect } from './changes.ts';
import { releaseOf, type Release } from './release.ts';
import { deriveWatchlists, type Watchlists } from './watchlists.ts';
import { completionYearCovering, completionYears, deadlineEnd, deadlineVerdict } from './deadline.ts';

export { deadlineEnd } from './deadline.ts';

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
  /**
   * 逾期: deadline passed before the as-of date without completion (sealed, dismantled or
   * accepted), where a completion announcement covers the line's region for the deadline's year
   * or later (src/derive/deadline.ts).
   */
  overdue: boolean;
  /** 未见完成公告: deadline passed without completion, and no completion announcement to expect it in. */
  unreported: boolean;
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

/** Progress of a set of lines: how many, how many complete, overdue, by status. */
export interface Progress {
  lines: number;
  complete: number;
  overdue: number;
  /** Past their deadline with no completion announcement covering them (未见完成公告). */
  unreported: number;
  byStatus: Record<LineStatus, number>;
  /** complete / lines, 0–1; undefined with no lines. */
  share: number | undefined;
}

/** A target in force for one region, year and industry: the latest announcement's row wins. */
export interface TargetInForce {
  year: number;
  row: TargetRow;
  announcementId: string;
}

/** One cell of "targets against eliminated capacity": a year, an industry and one unit. */
export interface CapacityCell {
  year: number;
  industry: string;
  unit: string;
  /** The region's own target in force, if any. */
  target?: number | undefined;
  /** Capacity of lines planned that year (by plan year). */
  planned: number;
  /** Capacity of lines completed, counted in the year first reported complete. */
  eliminated: number;
}

export interface Model {
  /** The latest publication date among announcements in force: the record's "now", never the clock. */
  asOf: string;
  /** The release this record is: its id, as-of date and last change (src/derive/release.ts). */
  release: Release;
  /** Newest first. */
  announcements: Announcement[];
  /** Oldest first: publication order (published, then id). */
  chronological: Announcement[];
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
  /** The same codes, sorted. */
  regionList: string[];
  /** Region code → its direct children that the data touches, sorted by code. */
  childrenOf: Map<string, string[]>;
  /** Region code → progress of the lines in it and below it (every code of regionCodes). */
  progressByRegion: Map<string, Progress>;
  /** Region code → the targets in force set for exactly that region. */
  targetsByRegion: Map<string, TargetInForce[]>;
  /** Region code → targets and capacity by year, industry and unit for the region and below it. */
  capacityByRegion: Map<string, CapacityCell[]>;
  /** Industry id → its lines, in the order of `lines`. */
  linesByIndustry: Map<string, LineState[]>;
  /** Enterprise key → enterprise. */
  enterpriseByKey: Map<string, EnterpriseState>;
  /** Line key (province:line_id) → the line, for a table row to link its enterprise. */
  lineByKey: Map<string, LineState>;
  /** Programme years, newest first, each with its announcements newest first. */
  years: { year: number; announcements: Announcement[] }[];
  /** Region code → announcements issued by exactly that region, newest first. */
  announcementsIssuedBy: Map<string, Announcement[]>;
  /** Region code → announcements issued by it or any region below it, newest first. */
  announcementsWithin: Map<string, Announcement[]>;
  /** What each announcement did to the record, in publication order. */
  effects: AnnouncementEffect[];
  effectById: Map<string, AnnouncementEffect>;
  /** Lines and enterprises to watch (src/derive/watchlists.ts): shared by the watchlist pages, CSVs and feeds. */
  watchlists: Watchlists;
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

export function buildModel(record: ValidatedRecord): Model {
  const { announcements, chronological, corrections, superseded, regions, taxonomy } = record;
  let asOf = '0000-01-01';
  for (const a of chronological) if (!superseded.has(a.id) && a.meta.published > asOf) asOf = a.meta.published;
  const byId = new Map(announcements.map((a) => [a.id, a]));
  const supersededBy = new Map<string, string>();
  for (const id of corrections) supersededBy.set(byId.get(id)!.meta.supersedes!, id);

  const mentions = new Map<string, LineMention[]>();
  const exampleOf = new Map<string, boolean>();
  for (const a of chronological) {
    if (!isLineAnnouncement(a)) continue;
    for (const r of a.rows) {
      const k = lineKey(r.data);
      const list = mentions.get(k);
      const m = { announcementId: a.id, kind: a.kind, year: a.meta.year, published: a.meta.published, superseded: superseded.has(a.id), row: r.data };
      if (list) list.push(m);
      else mentions.set(k, [m]);
      if (a.meta.example) exampleOf.set(k, true);
    }
  }
  const covered = completionYears(chronological, superseded);
  const lines: LineState[] = [];
  for (const [key, ms] of mentions) lines.push(lineState(key, ms, asOf, exampleOf.get(key) ?? false, (code) => completionYearCovering(code, covered, regions)));
  lines.sort((a, b) => (a.row.region_code < b.row.region_code ? -1 : a.row.region_code > b.row.region_code ? 1 : a.key < b.key ? -1 : 1));

  const enterpriseByKey = new Map<string, EnterpriseState>();
  const lineByKey = new Map(lines.map((l) => [l.key, l]));
  for (const l of lines) {
    let e = enterpriseByKey.get(l.enterpriseKey);
    if (!e) enterpriseByKey.set(l.enterpriseKey, (e = { key: l.enterpriseKey, name: l.row.enterprise_name, creditCode: l.row.credit_code, stockCode: l.row.stock_code, regionCode: l.row.region_code, lines: [], example: false }));
    e.lines.push(l);
    e.example ||= l.example;
    e.stockCode ??= l.row.stock_code;
  }

  // Regions: every code the data touches and its ancestors, each line filed under its whole chain.
  const linesByRegion = new Map<string, LineState[]>();
  const regionCodes = new Set<string>(['000000']);
  const linesByIndustry = new Map<string, LineState[]>();
  for (const l of lines) {
    for (const r of regions.chain(l.row.region_code)) {
      push(linesByRegion, r.code, l);
      regionCodes.add(r.code);
    }
    push(linesByIndustry, l.row.industry, l);
  }
  for (const a of announcements) {
    for (const r of regions.chain(a.meta.region)) regionCodes.add(r.code);
    for (const row of a.rows) for (const r of regions.chain((row.data as { region_code: string }).region_code)) regionCodes.add(r.code);
  }
  const regionList = [...regionCodes].sort();
  const childrenOf = new Map<string, string[]>();
  for (const code of regionList) {
    const parent = regions.get(code)?.parent;
    if (parent !== undefined && parent !== code && regionCodes.has(parent)) push(childrenOf, parent, code);
  }
  const progressByRegion = new Map<string, Progress>();
  for (const code of regionList) progressByRegion.set(code, progressOf(linesByRegion.get(code) ?? []));

  // Targets in force, latest announcement winning per region, year and industry.
  const latestTarget = new Map<string, Map<string, TargetInForce>>();
  for (const a of chronological) {
    if (a.kind !== 'target' || superseded.has(a.id)) continue;
    for (const r of a.rows) {
      let m = latestTarget.get(r.data.region_code);
      if (!m) latestTarget.set(r.data.region_code, (m = new Map()));
      m.set(`${a.meta.year}|${r.data.industry}`, { year: a.meta.year, row: r.data, announcementId: a.id });
    }
  }
  const targetsByRegion = new Map([...latestTarget].map(([code, m]) => [code, [...m.values()]]));
  const capacityByRegion = new Map<string, CapacityCell[]>();
  for (const code of regionList) capacityByRegion.set(code, capacityCells(linesByRegion.get(code) ?? [], targetsByRegion.get(code) ?? []));

  const effects = announcementEffects(chronological, byId, corrections);
  const newestFirst = chronological.toReversed();
  const announcementsIssuedBy = new Map<string, Announcement[]>();
  const announcementsWithin = new Map<string, Announcement[]>();
  const byYear = new Map<number, Announcement[]>();
  for (const a of newestFirst) {
    push(announcementsIssuedBy, a.meta.region, a);
    for (const r of regions.chain(a.meta.region)) push(announcementsWithin, r.code, a);
    push(byYear, a.meta.year, a);
  }
  const enterprises = [...enterpriseByKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    asOf,
    release: releaseOf(asOf, record.lock, chronological),
    announcements: newestFirst,
    chronological,
    byId,
    superseded,
    supersededBy,
    lines,
    enterprises,
    enterpriseByKey,
    lineByKey,
    regions,
    taxonomy,
    linesByRegion,
    regionCodes,
    regionList,
    childrenOf,
    progressByRegion,
    targetsByRegion,
    capacityByRegion,
    linesByIndustry,
    announcementsIssuedBy,
    announcementsWithin,
    years: [...byYear].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, announcements: list })),
    effects,
    effectById: new Map(effects.map((e) => [e.id, e])),
    watchlists: deriveWatchlists({ lines, enterprises, asOf, regions }),
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** One line's state from its mentions in publication order. */
function lineState(key: string, ms: LineMention[], asOf: string, example: boolean, coveredUntil: (regionCode: string) => number | undefined): LineState {
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
  let planYear: number | undefined;
  for (const m of basis) if (m.kind === 'plan' && (planYear === undefined || m.year < planYear)) planYear = m.year;
  const deadline = basis.findLast((m) => m.row.deadline !== undefined)?.row.deadline;
  const complete = COMPLETE.has(latest.row.status);
  const verdict = deadlineVerdict({ deadline, complete, coveredUntil: coveredUntil(latest.row.region_code) }, asOf);
  return {
    key,
    enterpriseKey: enterpriseKey(latest.row),
    row: deadline && !latest.row.deadline ? { ...latest.row, deadline } : latest.row,
    status: latest.row.status,
    mentions: ms,
    timeline,
    firstPublished: ms[0]!.published,
    lastChanged: latest.published,
    planYear,
    overdue: verdict === 'overdue',
    unreported: verdict === 'unreported',
    complete,
    daysOverdue: daysPast(deadline, complete ? completionDate(timeline) : asOf),
    completedYear: complete ? basis.find((m) => COMPLETE.has(m.row.status))?.year : undefined,
    example,
  };
}

/** Progress of a set of lines: how many, how many complete, overdue, by status. */
export function progressOf(lines: readonly LineState[]): Progress {
  const byStatus = Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])) as Record<LineStatus, number>;
  let complete = 0;
  let overdue = 0;
  let unreported = 0;
  for (const l of lines) {
    byStatus[l.status]++;
    if (l.complete) complete++;
    if (l.overdue) overdue++;
    if (l.unreported) unreported++;
  }
  return { lines: lines.length, complete, overdue, unreported, byStatus, share: lines.length ? complete / lines.length : undefined };
}

/**
 * Targets and capacity by year, industry and unit for a set of lines and a region's own targets,
 * never adding different units together. Sorted by year, industry, unit.
 */
export function capacityCells(lines: readonly LineState[], targets: readonly TargetInForce[]): CapacityCell[] {
  const cells = new Map<string, CapacityCell>();
  const cell = (year: number, industry: string, unit: string) => {
    const k = `${year}|${industry}|${unit}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { year, industry, unit, planned: 0, eliminated: 0 }));
    return c;
  };
  for (const l of lines) {
    const { capacity, capacity_unit: unit, industry } = l.row;
    if (capacity === undefined || unit === undefined) continue;
    if (l.planYear !== undefined) cell(l.planYear, industry, unit).planned += capacity;
    if (l.completedYear !== undefined) cell(l.completedYear, industry, unit).eliminated += capacity;
  }
  for (const t of targets) {
    if (t.row.capacity !== undefined && t.row.capacity_unit !== undefined) cell(t.year, t.row.industry, t.row.capacity_unit).target = t.row.capacity;
  }
  return [...cells.values()].sort((a, b) => a.year - b.year || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : a.unit < b.unit ? -1 : 1));
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
