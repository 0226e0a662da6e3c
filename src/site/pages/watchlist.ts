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
import { cell, date, link, num, statusClass, type Cell, type TableData } from '../table.ts';
import type { Crumb } from './region.ts';
import { GLOSSARY } from '../glossary.ts';

/** Largest number of items a watchlist page lists itself; the CSV has them all. */
export const WATCHLIST_PAGE_ROWS = 200;

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
  breadcrumbs: Crumb[];
  /** Provinces (and the nation's own items) with their counts, most first. */
  regions: { code: string; name: string; href: string; count: number }[];
  /** The same counts as a table, with the total. */
  regionTable: TableData;
  table: TableData;
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

const enterpriseCell = (kind: WatchlistKind, item: ItemOf[WatchlistKind], name: string): Cell => cell(link(name, watchItemHref(kind, item)));
const announcementCell = (model: Model, id: string, prefix?: string): Cell => cell(prefix, link(model.byId.get(id)?.meta.title ?? id, `/announcements/${id}/`));
const equipmentOf = (l: ItemOf['overdue']['line']) => `${l.row.equipment ?? t.line.equipmentUnknown}${(l.row.equipment_count ?? 1) > 1 ? ` ×${l.row.equipment_count}` : ''}`;
const statusCell = (status: string) => cell({ text: statusLabel(status), className: statusClass(status) });

function tableOf(model: Model, kind: WatchlistKind, shown: number): TableData {
  const c = t.watchlists.col;
  const caption = `${t.watchlists.kinds[kind].title}（${shown}/${model.watchlists[kind].items.length}）`;
  switch (kind) {
    case 'not-dismantled':
      return {
        caption,
        columns: [{ label: c.enterprise, phone: true }, { label: c.equipment }, { label: c.region }, { label: c.status, phone: true, href: GLOSSARY.status }, { label: c.since }, { label: c.days, numeric: true, phone: true }, { label: c.basis, prose: true }],
        rows: model.watchlists['not-dismantled'].items.slice(0, shown).map((i) => ({
          cells: [
            enterpriseCell(kind, i, i.line.row.enterprise_name), cell(equipmentOf(i.line)), cell(regionName(model, i.regionCode)), statusCell(i.line.status),
            cell(date(formatDate(i.since), i.since), i.dated ? undefined : t.watchlists.publishedDate), num(formatNumber(i.days)), announcementCell(model, i.announcementId),
          ],
        })),
      };
    case 'overdue':
      return {
        caption,
        columns: [{ label: c.enterprise, phone: true }, { label: c.equipment }, { label: c.region }, { label: c.status, href: GLOSSARY.status }, { label: c.deadline, phone: true }, { label: c.overdueDays, numeric: true, phone: true, href: GLOSSARY.overdue }],
        rows: model.watchlists.overdue.items.slice(0, shown).map((i) => ({
          cells: [
            enterpriseCell(kind, i, i.line.row.enterprise_name), cell(equipmentOf(i.line)), cell(regionName(model, i.regionCode)), statusCell(i.line.status),
            cell(date(formatDate(i.deadline), i.deadline)), num(formatNumber(i.days)),
          ],
        })),
      };
    case 'capacity-changed':
      return {
        caption,
        columns: [{ label: c.enterprise, phone: true }, { label: c.equipment }, { label: c.region }, { label: c.changes, phone: true, prose: true }, { label: c.latestChange, prose: true }],
        rows: model.watchlists['capacity-changed'].items.slice(0, shown).map((i) => {
          const steps = [i.changes[0]!.from, ...i.changes.map((ch) => ch.to)].map((s) => formatQuantity(s.capacity, s.unit)).join(' → ');
          const last = i.changes.at(-1)!.to;
          return {
            cells: [
              enterpriseCell(kind, i, i.line.row.enterprise_name), cell(equipmentOf(i.line)), cell(regionName(model, i.regionCode)), cell(steps),
              announcementCell(model, last.announcementId, `${formatDate(last.published)} `),
            ],
          };
        }),
      };
    case 'relisted':
      return {
        caption,
        columns: [{ label: c.enterprise, phone: true }, { label: c.region }, { label: c.years, phone: true }, { label: c.lines, numeric: true }, { label: c.newAfterCompletion }, { label: c.latest }],
        rows: model.watchlists.relisted.items.slice(0, shown).map((i) => ({
          cells: [
            enterpriseCell(kind, i, i.enterprise.name), cell(regionName(model, i.regionCode)), cell(i.years.map((y) => t.yearOf(y)).join('、')),
            num(formatNumber(i.enterprise.lines.length)), cell(i.newAfterCompletion ? { text: t.yes, alert: true } : t.no), cell(date(formatDate(i.latest), i.latest)),
          ],
        })),
      };
  }
}

/** /watchlists/<kind>/: the rule, its policy source, counts per province and the first items. */
export function watchlistPage(model: Model, kind: WatchlistKind): WatchlistPage {
  const text = t.watchlists.kinds[kind];
  const items = model.watchlists[kind].items as ItemOf[WatchlistKind][];
  const shown = Math.min(items.length, WATCHLIST_PAGE_ROWS);
  const example = items.some((i) => ('line' in i ? i.line.example : i.enterprise.example));
  const regions = regionCounts(model, kind);
  return {
    ...summaryOf(model, kind),
    rule: text.rule,
    quote: text.quote,
    source: text.source,
    policyHref: `/policies/${text.policy}/`,
    breadcrumbs: [{ name: t.watchlists.title, href: '/watchlists/' }, { name: text.title }],
    regions,
    regionTable: {
      caption: t.watchlists.byRegionCaption(text.title),
      columns: [{ label: t.watchlists.region }, { label: t.watchlists.count, numeric: true }],
      rows: [...regions.map((r) => ({ cells: [cell(link(r.name, r.href)), num(formatNumber(r.count))] })), { cells: [cell(t.watchlists.total), num(formatNumber(items.length))] }],
    },
    table: tableOf(model, kind, shown),
    truncated: shown < items.length ? t.watchlists.truncated(shown, items.length) : undefined,
    asOfNote: t.watchlists.asOfNote(formatDate(model.asOf)),
    example,
  };
}
