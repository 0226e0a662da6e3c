/**
 * Watchlists: lines and enterprises the policy texts say deserve a second look, derived once from
 * the model in one pass over its lines and enterprises (then one sort per list).
 *
 * - `not-dismantled` 已关停但未彻底拆除: the category of the national completion notices. Main
 *   equipment must be dismantled; only where that is not yet possible may it be sealed, with
 *   water and power cut (随经信发〔2024〕2号 （五）; 豫淘汰落后办〔2021〕10号 5). A line whose
 *   latest status is shut down or sealed, or judged incomplete after it was shut down, with the
 *   days since it stopped.
 * - `overdue` 逾期: past the deadline the plan set, not complete at the as-of date (国发〔2025〕7号
 *   三（三）: enterprises that miss the deadline lose their discharge permit).
 * - `capacity-changed`: the capacity (or its unit) of a line differs between two announcements
 *   that list it, corrections included (inflating quantities is 瞒报、谎报: the assessment schemes).
 * - `relisted`: enterprises listed in announcements of two or more programme years (the same
 *   schemes: capacity already eliminated reported again; 随经信发〔2024〕2号: review lines closed
 *   before, 回头看).
 */
import type { EnterpriseState, LineState, Model } from './model.ts';
import { deadlineEnd } from './model.ts';

export const WATCHLIST_KINDS = ['not-dismantled', 'overdue', 'capacity-changed', 'relisted'] as const;
export type WatchlistKind = (typeof WATCHLIST_KINDS)[number];

interface Item {
  /** Stable id of the item: the line key, or the enterprise key. */
  key: string;
  /** Where it is: the line's or the enterprise's region. */
  regionCode: string;
  /** The date it came onto the list (for feeds): the event, else the announcement that reported it. */
  date: string;
}

export interface NotDismantledItem extends Item {
  line: LineState;
  /** The step it stopped at: shut down (also for a line judged incomplete after it) or sealed. */
  stopped: 'shutdown' | 'sealed';
  /** When it stopped: the shutdown (else sealing) date, else the publication that first reported it. */
  since: string;
  /** `since` is the event's own date, not a publication date. */
  dated: boolean;
  /** Days from `since` to the as-of date. */
  days: number;
  /** The announcement that first reported the step. */
  announcementId: string;
}

export interface OverdueItem extends Item {
  line: LineState;
  deadline: string;
  /** Days past the deadline's last day at the as-of date. */
  days: number;
}

export interface CapacityChange {
  from: { capacity: number; unit: string | undefined; announcementId: string; published: string };
  to: { capacity: number; unit: string | undefined; announcementId: string; published: string };
}

export interface CapacityChangedItem extends Item {
  line: LineState;
  /** Every change in publication order, superseded announcements included. */
  changes: CapacityChange[];
}

export interface RelistedItem extends Item {
  enterprise: EnterpriseState;
  /** Programme years of the announcements that list it, ascending. */
  years: number[];
  /** A line of it was first listed in a year after another of its lines was reported complete. */
  newAfterCompletion: boolean;
  /** Its latest listing's publication date. */
  latest: string;
}

export interface ItemOf {
  'not-dismantled': NotDismantledItem;
  overdue: OverdueItem;
  'capacity-changed': CapacityChangedItem;
  relisted: RelistedItem;
}

export interface Watchlist<K extends WatchlistKind> {
  kind: K;
  /** In reading order (see each rule). */
  items: ItemOf[K][];
  /** Region code → items in it or below it (every ancestor of an item's region counts it). */
  byRegion: Map<string, number>;
}

export type Watchlists = { [K in WatchlistKind]: Watchlist<K> };

export type WatchlistInput = Pick<Model, 'lines' | 'enterprises' | 'asOf' | 'regions'>;

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** 已关停但未彻底拆除: shut down or sealed at the as-of date, or judged incomplete after a shutdown. */
export function notDismantled(line: LineState, asOf: string): NotDismantledItem | undefined {
  if (line.status !== 'shutdown' && line.status !== 'sealed' && line.status !== 'incomplete') return undefined;
  const step = line.timeline.find((s) => s.status === 'shutdown' || (line.status === 'sealed' && s.status === 'sealed'));
  if (!step) return undefined;
  const since = step.date ?? step.published;
  return {
    key: line.key, regionCode: line.row.region_code, date: since, line,
    stopped: line.status === 'sealed' ? 'sealed' : 'shutdown', since, dated: step.date !== undefined,
    days: Math.max(0, daysBetween(since, asOf)), announcementId: step.announcementId,
  };
}

/**
 * 逾期: the one rule for "past its deadline" (`deadlineVerdict`, src/derive/deadline.ts), which
 * the model computes per line: the deadline's last day is before the as-of date, the line is not
 * sealed, dismantled or accepted, and a completion announcement covers its region for the
 * deadline's year or later. Lines past their deadline with no such announcement are 未见完成公告
 * (`unreported`) and are not on this list.
 */
export function pastDeadline(line: LineState): OverdueItem | undefined {
  const deadline = line.row.deadline;
  if (!line.overdue || deadline === undefined) return undefined;
  const end = deadlineEnd(deadline);
  return { key: line.key, regionCode: line.row.region_code, date: end, line, deadline, days: line.daysOverdue ?? 0 };
}

/** Each change of a line's capacity or unit between the announcements that give one, in publication order. */
export function capacityChanges(line: LineState): CapacityChangedItem | undefined {
  let last: CapacityChange['from'] | undefined;
  const changes: CapacityChange[] = [];
  for (const m of line.mentions) {
    const { capacity, capacity_unit: unit } = m.row;
    if (capacity === undefined) continue;
    const here = { capacity, unit, announcementId: m.announcementId, published: m.published };
    if (last && (last.capacity !== capacity || last.unit !== unit)) changes.push({ from: last, to: here });
    last = here;
  }
  if (changes.length === 0) return undefined;
  return { key: line.key, regionCode: line.row.region_code, date: changes.at(-1)!.to.published, line, changes };
}

/** An enterprise listed in announcements of two or more programme years. */
export function relisted(e: EnterpriseState): RelistedItem | undefined {
  const years = new Set<number>();
  let firstYear = Infinity;
  let minCompleted = Infinity;
  let maxFirstListed = -Infinity;
  let latest = '';
  for (const l of e.lines) {
    for (const m of l.mentions) {
      years.add(m.year);
      if (m.year < firstYear) firstYear = m.year;
      if (m.published > latest) latest = m.published;
    }
    if (l.completedYear !== undefined && l.completedYear < minCompleted) minCompleted = l.completedYear;
    const first = l.mentions[0]!.year;
    if (first > maxFirstListed) maxFirstListed = first;
  }
  if (years.size < 2) return undefined;
  // The day it was listed again: the first publication for a year after its first year.
  let date = '';
  for (const l of e.lines) for (const m of l.mentions) if (m.year > firstYear && (date === '' || m.published < date)) date = m.published;
  return {
    key: e.key, regionCode: e.regionCode, date, enterprise: e, years: [...years].sort((a, b) => a - b),
    newAfterCompletion: maxFirstListed > minCompleted, latest,
  };
}

const byKey = (a: Item, b: Item) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Counts what a derivation visits (mentions, timeline steps, regions, comparisons), for tests of growth. */
export interface WatchlistProbe {
  steps: number;
}

function list<K extends WatchlistKind>(kind: K, items: ItemOf[K][], input: WatchlistInput, order: (a: ItemOf[K], b: ItemOf[K]) => number, probe: WatchlistProbe | undefined): Watchlist<K> {
  items.sort((a, b) => {
    if (probe) probe.steps++;
    return order(a, b) || byKey(a, b);
  });
  const byRegion = new Map<string, number>();
  for (const it of items) {
    for (const r of input.regions.chain(it.regionCode)) byRegion.set(r.code, (byRegion.get(r.code) ?? 0) + 1);
    if (probe) probe.steps += input.regions.chain(it.regionCode).length;
  }
  if (!byRegion.has('000000')) byRegion.set('000000', items.length);
  return { kind, items, byRegion };
}

/** Every watchlist of a record: one pass over the lines, one over the enterprises. */
export function deriveWatchlists(input: WatchlistInput, probe?: WatchlistProbe): Watchlists {
  const nd: NotDismantledItem[] = [];
  const od: OverdueItem[] = [];
  const cc: CapacityChangedItem[] = [];
  const rl: RelistedItem[] = [];
  for (const l of input.lines) {
    // Each rule reads the line's own mentions and timeline, nothing else.
    if (probe) probe.steps += l.mentions.length + l.timeline.length;
    const a = notDismantled(l, input.asOf);
    if (a) nd.push(a);
    const b = pastDeadline(l);
    if (b) od.push(b);
    const c = capacityChanges(l);
    if (c) cc.push(c);
  }
  for (const e of input.enterprises) {
    if (probe) for (const l of e.lines) probe.steps += 2 * l.mentions.length;
    const r = relisted(e);
    if (r) rl.push(r);
  }
  const newer = (a: Item, b: Item) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
  return {
    // Longest standing first.
    'not-dismantled': list('not-dismantled', nd, input, (a, b) => b.days - a.days, probe),
    overdue: list('overdue', od, input, (a, b) => b.days - a.days, probe),
    // Latest change first.
    'capacity-changed': list('capacity-changed', cc, input, newer, probe),
    // New lines after a completion first, then the most years, then the latest.
    relisted: list('relisted', rl, input, (a, b) => Number(b.newAfterCompletion) - Number(a.newAfterCompletion) || b.years.length - a.years.length || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0), probe),
  };
}
