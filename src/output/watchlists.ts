/**
 * The watchlists' machine outputs: the whole of each list as CSV (`/data/watchlists/<kind>.csv`)
 * and an Atom feed of its newest entries (`/watchlists/<kind>/feed.xml`). The lists themselves
 * are derived once, in src/derive/watchlists.ts (model.watchlists).
 */
import type { Model } from '../derive/model.ts';
import { WATCHLIST_KINDS, type ItemOf, type WatchlistKind } from '../derive/watchlists.ts';
import { formatQuantity } from '../i18n/format.ts';
import { t } from '../i18n/zh-CN.ts';
import { statusLabel } from '../schema/line.ts';
import { escapeXml } from '../text/escape.ts';
import { toCsv } from './csv.ts';
import { atomDocument, FEED_ENTRIES } from './feed.ts';
import type { SiteFile } from './site-files.ts';

export const watchlistCsvPath = (kind: WatchlistKind) => `/data/watchlists/${kind}.csv`;
export const watchlistFeedPath = (kind: WatchlistKind) => `/watchlists/${kind}/feed.xml`;
export const watchlistPagePath = (kind: WatchlistKind) => `/watchlists/${kind}/`;

const LINE_HEAD = ['line_key', 'line_id', 'enterprise_key', 'enterprise_name', 'credit_code', 'region_code', 'region_name', 'industry', 'equipment', 'capacity', 'capacity_unit', 'status', 'deadline'] as const;

type Line = ItemOf['overdue']['line'];
const lineCells = (model: Model, l: Line): unknown[] => [
  l.key, l.row.line_id, l.enterpriseKey, l.row.enterprise_name, l.row.credit_code, l.row.region_code, model.regions.get(l.row.region_code)?.name,
  l.row.industry, l.row.equipment, l.row.capacity, l.row.capacity_unit, l.status, l.row.deadline,
];
const bool = (b: boolean) => (b ? 'true' : 'false');
const capacityText = (c: { capacity: number; unit: string | undefined }) => formatQuantity(c.capacity, c.unit);

/** The CSV of a whole list: header and rows, in the list's order. */
export function watchlistTable<K extends WatchlistKind>(model: Model, kind: K): { header: string[]; rows: unknown[][] } {
  switch (kind) {
    case 'not-dismantled':
      return {
        header: [...LINE_HEAD, 'stopped', 'since', 'since_is_event_date', 'days', 'announcement'],
        rows: model.watchlists['not-dismantled'].items.map((i) => [...lineCells(model, i.line), i.stopped, i.since, bool(i.dated), i.days, i.announcementId]),
      };
    case 'overdue':
      return {
        header: [...LINE_HEAD, 'days_overdue'],
        rows: model.watchlists.overdue.items.map((i) => [...lineCells(model, i.line), i.days]),
      };
    case 'capacity-changed':
      return {
        header: [...LINE_HEAD, 'changes', 'first_capacity', 'first_unit', 'first_announcement', 'latest_capacity', 'latest_unit', 'latest_announcement', 'latest_change_date'],
        rows: model.watchlists['capacity-changed'].items.map((i) => {
          const first = i.changes[0]!.from;
          const last = i.changes.at(-1)!.to;
          const steps = [first, ...i.changes.map((c) => c.to)].map((s) => `${s.capacity}${s.unit ?? ''}@${s.announcementId}`).join(' > ');
          return [...lineCells(model, i.line), steps, first.capacity, first.unit, first.announcementId, last.capacity, last.unit, last.announcementId, last.published];
        }),
      };
    case 'relisted':
      return {
        header: ['enterprise_key', 'enterprise_name', 'credit_code', 'region_code', 'region_name', 'years', 'year_count', 'lines', 'new_after_completion', 'relisted_on', 'latest'],
        rows: model.watchlists.relisted.items.map((i) => [
          i.key, i.enterprise.name, i.enterprise.creditCode, i.regionCode, model.regions.get(i.regionCode)?.name, i.years.join(';'), i.years.length,
          i.enterprise.lines.length, bool(i.newAfterCompletion), i.date, i.latest,
        ]),
      };
  }
}

/** One sentence for a feed entry or a list: what puts the item on the list. */
export function watchItemSummary<K extends WatchlistKind>(model: Model, kind: K, item: ItemOf[K]): string {
  const region = model.regions.get(item.regionCode)?.name ?? item.regionCode;
  switch (kind) {
    case 'not-dismantled': {
      const i = item as ItemOf['not-dismantled'];
      return `${region} · ${t.watchlists.stoppedFor(statusLabel(i.stopped), i.days)}`;
    }
    case 'overdue': {
      const i = item as ItemOf['overdue'];
      return `${region} · ${statusLabel(i.line.status)} · ${t.watchlists.col.deadline} ${i.deadline} · ${t.watchlists.overdueFor(i.days)}`;
    }
    case 'capacity-changed': {
      const i = item as ItemOf['capacity-changed'];
      return `${region} · ${i.changes.map((c) => t.watchlists.capacityFrom(capacityText(c.from), capacityText(c.to))).join('；')}`;
    }
    case 'relisted': {
      const i = item as ItemOf['relisted'];
      return `${region} · ${t.watchlists.relistedIn(i.years.join('、'))}${i.newAfterCompletion ? ` · ${t.watchlists.col.newAfterCompletion}` : ''}`;
    }
  }
}

/** Title of an item: the enterprise, and the equipment for a line. */
export function watchItemTitle<K extends WatchlistKind>(kind: K, item: ItemOf[K]): string {
  if (kind === 'relisted') return (item as ItemOf['relisted']).enterprise.name;
  const l = (item as ItemOf['overdue']).line;
  return l.row.equipment ? `${l.row.enterprise_name} ${l.row.equipment}` : l.row.enterprise_name;
}

/** Where an item's page is: its enterprise. */
export function watchItemHref<K extends WatchlistKind>(kind: K, item: ItemOf[K]): string {
  return `/enterprises/${kind === 'relisted' ? (item as ItemOf['relisted']).enterprise.key : (item as ItemOf['overdue']).line.enterpriseKey}/`;
}

/** An Atom feed of a list's newest entries (by the date each came onto it); `updated` is data, never the clock. */
export function watchlistFeed<K extends WatchlistKind>(model: Model, kind: K, site: URL): string {
  const abs = (p: string) => new URL(p, site).href;
  const self = watchlistFeedPath(kind);
  const items = [...(model.watchlists[kind].items as ItemOf[K][])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, FEED_ENTRIES);
  const title = t.watchlists.feedTitle(t.watchlists.kinds[kind].title);
  const updated = `${items[0]?.date ?? model.asOf}T00:00:00+08:00`;
  const entries = items.map((i) => {
    const href = abs(watchItemHref(kind, i));
    return [
      '  <entry>',
      `    <id>${escapeXml(`${abs(watchlistPagePath(kind))}#${encodeURIComponent(i.key)}`)}</id>`,
      `    <title>${escapeXml(watchItemTitle(kind, i))}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
      `    <updated>${i.date}T00:00:00+08:00</updated>`,
      `    <summary>${escapeXml(watchItemSummary(model, kind, i))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return atomDocument({ self: abs(self), title, subtitle: t.watchlists.kinds[kind].summary, alternate: abs(watchlistPagePath(kind)), updated, entries });
}

export function* watchlistFiles(model: Model, site: URL): Generator<SiteFile> {
  for (const kind of WATCHLIST_KINDS) {
    const { header, rows } = watchlistTable(model, kind);
    yield { path: watchlistCsvPath(kind), mediaType: 'text/csv; charset=utf-8', content: toCsv(header, rows) };
    yield { path: watchlistFeedPath(kind), mediaType: 'application/atom+xml; charset=utf-8', content: watchlistFeed(model, kind, site) };
  }
}
