/** A region's page: its progress, charts, children, targets, lines, announcements and contact. */
import { orderLines } from '../../derive/aggregate.ts';
import type { Model } from '../../derive/model.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { escapeHtml, htmlAttr } from '../../text/escape.ts';
import { KIND_LABELS, type AnnouncementMeta } from '../../schema/announcement.ts';
import { regionCharts, type ChartSpec } from '../charts.ts';
import { linesTable } from '../lines.ts';
import { withExampleMark } from '../labels.ts';
import { partHtml, type TableData } from '../table.ts';
import { capacityTableData, progressStats, progressTable, regionName, type Stat } from './tables.ts';
import { pageLineLimit, regionDataPath } from '../../output/region-data.ts';
import { regionWorkbookPath, workbookAnnouncements, workbookName, workbookOwner } from '../../output/workbooks.ts';

/** Anchors of the region page's sections whose tables also give a chart's numbers. */
export const REGION_TABLE_IDS = { children: 'children', targets: 'targets' } as const;

export interface Crumb {
  name: string;
  /** Absent for the page itself. */
  href?: string | undefined;
}

export interface AnnouncementLink {
  href: string;
  title: string;
  /** Kind, date and whether corrected, as one line. */
  kind: string;
  date: string;
  datetime: string;
  corrected: boolean;
}

export interface RegionPage {
  code: string;
  title: string;
  example: boolean;
  breadcrumbs: Crumb[];
  /** The progress summary as tiles. */
  progress: Stat[];
  charts: ChartSpec[];
  /** Charts whose numbers a table of this page gives (by chart id): they link the table rather than repeat it. */
  chartTables: Record<string, { href: string; label: string }>;
  children?: TableData | undefined;
  capacity?: TableData | undefined;
  lines?: { table: TableData; truncated?: string | undefined } | undefined;
  announcements: AnnouncementLink[];
  contact?: NonNullable<AnnouncementMeta['contact']> | undefined;
  feed: string;
  /** The page's figures as JSON. */
  data: string;
  /** The workbook of the announcements the region issued, if it issued any (a county's is its parent's), and its link text. */
  workbook?: { href: string; label: string } | undefined;
}

/** The trail as HTML: the optional end tags of li left out, attributes bare where they can be; names escaped. */
export function breadcrumbsHtml(crumbs: readonly Crumb[]): string {
  const items = crumbs.map((c) => `<li>${c.href ? partHtml({ text: c.name, href: c.href }) : `<span aria-current=page>${escapeHtml(c.name)}</span>`}`).join('');
  return `<nav${htmlAttr('aria-label', t.region.breadcrumb)}><ol class=breadcrumbs>${items}</ol></nav>`;
}

export function breadcrumbs(model: Model, code: string, self: boolean): Crumb[] {
  const chain = model.regions.chain(code);
  return chain.map((r, i) => (self && i === chain.length - 1 ? { name: r.name } : { name: r.name, href: `/regions/${r.code}/` }));
}

function workbookLink(model: Model, code: string): { href: string; label: string } {
  const owner = workbookOwner(model, code);
  return { href: regionWorkbookPath(owner), label: owner === code ? t.region.workbook : t.region.workbookIn(workbookName(model, owner)) };
}

export function regionPage(model: Model, code: string): RegionPage {
  const name = regionName(model, code);
  const lines = model.linesByRegion.get(code) ?? [];
  const progress = model.progressByRegion.get(code)!;
  const kids = [...(model.childrenOf.get(code) ?? [])].sort((a, b) => (model.progressByRegion.get(b)!.share ?? -1) - (model.progressByRegion.get(a)!.share ?? -1) || (a < b ? -1 : 1));
  const capacity = model.capacityByRegion.get(code) ?? [];
  const issued = model.announcementsIssuedBy.get(code) ?? [];
  const shown = lines.length > 0 ? orderLines(lines).slice(0, pageLineLimit(model, code)) : [];
  return {
    code,
    title: name,
    example: lines.some((l) => l.example) || issued.some((a) => a.meta.example === true),
    breadcrumbs: breadcrumbs(model, code, true),
    progress: progressStats(progress),
    charts: regionCharts(model, code),
    chartTables: {
      ...(kids.length > 0 ? { [`region-${code}-children`]: { href: `#${REGION_TABLE_IDS.children}`, label: t.region.children } } : {}),
      ...(capacity.length > 0 ? { [`region-${code}-targets`]: { href: `#${REGION_TABLE_IDS.targets}`, label: t.region.targets } } : {}),
    },
    children: kids.length > 0 ? progressTable(model, kids.map((c) => ({ code: c })), t.region.childrenCaption) : undefined,
    capacity: capacity.length > 0 ? capacityTableData(model, capacity, t.region.targetsCaption(name)) : undefined,
    lines: lines.length > 0
      ? {
          table: linesTable(model, shown, { caption: `${name}${t.region.lines}（${lines.length}）`, id: 'lines' }),
          truncated: shown.length < lines.length ? t.region.linesTruncated(shown.length, lines.length) : undefined,
        }
      : undefined,
    announcements: issued.map((a) => ({
      href: `/announcements/${a.id}/`, title: withExampleMark(a.meta.title, a.meta.example === true), kind: KIND_LABELS[a.kind], date: formatDate(a.meta.published), datetime: a.meta.published, corrected: model.superseded.has(a.id),
    })),
    contact: issued.find((a) => a.meta.contact)?.meta.contact,
    feed: `/regions/${code}/feed.xml`,
    data: regionDataPath(code),
    // Its own announcements' workbook, or the one it holds for its counties'.
    workbook: issued.length > 0 || workbookAnnouncements(model).has(code) ? workbookLink(model, code) : undefined,
  };
}
