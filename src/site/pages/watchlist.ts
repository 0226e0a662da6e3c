/**
 * Page data of the watchlist pages (/watchlists/ and /watchlists/<kind>/): pure functions of the
 * model, so the .astro files only render and these are tested without a build. A page lists at
 * most WATCHLIST_PAGE_ROWS items and points to the CSV for the rest, as region pages do.
 */
import type { Model } from '../../derive/model.ts';
import { WATCHLIST_KINDS, type ItemOf, type WatchlistKind } from '../../derive/watchlists.ts';
import { formatDate, formatNumber, formatQuantity } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { statusLabel } from '../../schema/line.ts';
import { watchItemHref, watchlistCsvPath, watchlistFeedPath, watchlistPagePath } from '../../output/watchlists.ts';

/** Largest number of items a watchlist page lists itself; the CSV has them all. */
export const WATCHLIST_PAGE_ROWS = 200;

export interface Cell {
  text: string;
  href?: string | undefined;
  /** Machine-readable date for a <time> element. */
  datetime?: string | undefined;
}

export interface Table {
  caption: string;
  headers: { label: string; num?: boolean }[];
  /** The first cell of each row is its header (<th scope="row">). */
  rows: Cell[][];
}

export interface WatchlistSummary {
  kind: WatchlistKind;
  title: string;
  summary: string;
  count: number;
  href: string;
  csv: string;
  feed: string;
}

export interface WatchlistPage extends WatchlistSummary {
  rule: string;
  quote: string;
  source: string;
  policyHref: string;
  /** Provinces (and the nation's own items) with their counts, most first. */
  regions: { code: string; name: string; href: string; count: number }[];
  table: Table;
  /** Set when the page shows fewer items than the list has. */
  truncated?: string | undefined;
  asOfNote: string;
  example: boolean;
}

const summaryOf = (model: Model, kind: WatchlistKind): WatchlistSummary => ({
  kind,
  title: t.watchlists.kinds[kind].title,
  summary: t.watchlists.kinds[kind].summary,
  count: model.watchlists[kind].items.length,
  href: watchlistPagePath(kind),
  csv: watchlistCsvPath(kind),
  feed: watchlistFeedPath(kind),
});

/** /watchlists/: the four lists with their counts. */
export function watchlistsIndexPage(model: Model): { lists: WatchlistSummary[] } {
  return { lists: WATCHLIST_KINDS.map((k) => summaryOf(model, k)) };
}

const regionName = (model: Model, code: string) => model.regions.get(code)?.name ?? code;

/** The counts per province: the nation's direct children that have items, most first. */
function regionCounts(model: Model, kind: WatchlistKind): WatchlistPage['regions'] {
  const byRegion = model.watchlists[kind].byRegion;
  const out: WatchlistPage['regions'] = [];
  for (const code of model.childrenOf.get('000000') ?? []) {
    const count = byRegion.get(code) ?? 0;
    if (count > 0) out.push({ code, name: regionName(model, code), href: `/regions/${code}/`, count });
  }
  // Items filed under the nation itself (national lists that name no province).
  const own = (byRegion.get('000000') ?? 0) - out.reduce((n, r) => n + r.count, 0);
  if (own > 0) out.push({ code: '000000', name: t.watchlists.national, href: '/regions/000000/', count: own });
  return out.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

const enterpriseCell = (kind: WatchlistKind, item: ItemOf[WatchlistKind], name: string): Cell => ({ text: name, href: watchItemHref(kind, item) });
const announcementCell = (model: Model, id: string): Cell => ({ text: model.byId.get(id)?.meta.title ?? id, href: `/announcements/${id}/` });
const equipmentOf = (l: ItemOf['overdue']['line']) => `${l.row.equipment ?? t.line.equipmentUnknown}${(l.row.equipment_count ?? 1) > 1 ? ` ×${l.row.equipment_count}` : ''}`;

function tableOf(model: Model, kind: WatchlistKind, shown: number): Table {
  const c = t.watchlists.col;
  const caption = `${t.watchlists.kinds[kind].title}（${shown}/${model.watchlists[kind].items.length}）`;
  switch (kind) {
    case 'not-dismantled':
      return {
        caption,
        headers: [{ label: c.enterprise }, { label: c.equipment }, { label: c.region }, { label: c.status }, { label: c.since }, { label: c.days, num: true }, { label: c.basis }],
        rows: model.watchlists['not-dismantled'].items.slice(0, shown).map((i) => [
          enterpriseCell(kind, i, i.line.row.enterprise_name), { text: equipmentOf(i.line) }, { text: regionName(model, i.regionCode) },
          { text: statusLabel(i.line.status) }, { text: `${formatDate(i.since)}${i.dated ? '' : t.watchlists.publishedDate}`, datetime: i.since },
          { text: formatNumber(i.days) }, announcementCell(model, i.announcementId),
        ]),
      };
    case 'overdue':
      return {
        caption,
        headers: [{ label: c.enterprise }, { label: c.equipment }, { label: c.region }, { label: c.status }, { label: c.deadline }, { label: c.overdueDays, num: true }],
        rows: model.watchlists.overdue.items.slice(0, shown).map((i) => [
          enterpriseCell(kind, i, i.line.row.enterprise_name), { text: equipmentOf(i.line) }, { text: regionName(model, i.regionCode) },
          { text: statusLabel(i.line.status) }, { text: formatDate(i.deadline), datetime: i.deadline }, { text: formatNumber(i.days) },
        ]),
      };
    case 'capacity-changed':
      return {
        caption,
        headers: [{ label: c.enterprise }, { label: c.equipment }, { label: c.region }, { label: c.changes }, { label: c.latestChange }],
        rows: model.watchlists['capacity-changed'].items.slice(0, shown).map((i) => {
          const steps = [i.changes[0]!.from, ...i.changes.map((ch) => ch.to)].map((s) => formatQuantity(s.capacity, s.unit)).join(' → ');
          const last = i.changes.at(-1)!.to;
          return [
            enterpriseCell(kind, i, i.line.row.enterprise_name), { text: equipmentOf(i.line) }, { text: regionName(model, i.regionCode) },
            { text: steps }, { ...announcementCell(model, last.announcementId), text: `${formatDate(last.published)} ${model.byId.get(last.announcementId)?.meta.title ?? last.announcementId}` },
          ];
        }),
      };
    case 'relisted':
      return {
        caption,
        headers: [{ label: c.enterprise }, { label: c.region }, { label: c.years }, { label: c.lines, num: true }, { label: c.newAfterCompletion }, { label: c.latest }],
        rows: model.watchlists.relisted.items.slice(0, shown).map((i) => [
          enterpriseCell(kind, i, i.enterprise.name), { text: regionName(model, i.regionCode) }, { text: i.years.map((y) => `${y}年`).join('、') },
          { text: formatNumber(i.enterprise.lines.length) }, { text: i.newAfterCompletion ? t.yes : t.no }, { text: formatDate(i.latest), datetime: i.latest },
        ]),
      };
  }
}

/** /watchlists/<kind>/: the rule, its policy source, counts per province and the first items. */
export function watchlistPage(model: Model, kind: WatchlistKind): WatchlistPage {
  const text = t.watchlists.kinds[kind];
  const items = model.watchlists[kind].items as ItemOf[WatchlistKind][];
  const shown = Math.min(items.length, WATCHLIST_PAGE_ROWS);
  const example = items.some((i) => ('line' in i ? i.line.example : i.enterprise.example));
  return {
    ...summaryOf(model, kind),
    rule: text.rule,
    quote: text.quote,
    source: text.source,
    policyHref: `/policies/${text.policy}/`,
    regions: regionCounts(model, kind),
    table: tableOf(model, kind, shown),
    truncated: shown < items.length ? t.watchlists.truncated(shown, items.length) : undefined,
    asOfNote: t.watchlists.asOfNote(formatDate(model.asOf)),
    example,
  };
}
