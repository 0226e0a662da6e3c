/** The home page: as-of date, totals, charts, the national year × industry table, provinces, latest announcements. */
import type { Model } from '../../derive/model.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { KIND_LABELS } from '../../schema/announcement.ts';
import { homeCharts, type ChartSpec } from '../charts.ts';
import type { TableData } from '../table.ts';
import { withExampleMark } from '../labels.ts';
import { capacityTableData, progressStats, progressTable, regionName, type Stat } from './tables.ts';
import { GLOSSARY } from '../glossary.ts';

/** How many of the newest announcements the home page lists. */
export const HOME_LATEST = 10;

export interface HomePage {
  example: boolean;
  asOf: { date: string; datetime: string };
  totals: Stat[];
  charts: ChartSpec[];
  national?: TableData | undefined;
  provinces?: TableData | undefined;
  latest: { href: string; title: string; details: string; date: string; datetime: string }[];
}

export function homePage(model: Model): HomePage {
  const national = model.capacityByRegion.get('000000') ?? [];
  const provinces = model.childrenOf.get('000000') ?? [];
  const progress = model.progressByRegion.get('000000')!;
  const latest = model.announcements.slice(0, HOME_LATEST);
  return {
    example: latest.some((a) => a.meta.example === true),
    asOf: { date: formatDate(model.asOf), datetime: model.asOf },
    totals: [
      { label: t.home.announcementsCount, value: formatNumber(model.announcements.length) },
      { label: t.home.enterprisesCount, value: formatNumber(model.enterprises.length) },
      ...progressStats(progress).filter((s) => s.href !== GLOSSARY.status),
    ],
    charts: homeCharts(model),
    national: national.length > 0 ? capacityTableData(model, national, t.home.byYearIndustryCaption, { targetLabel: t.home.nationalTarget }) : undefined,
    provinces: provinces.length > 0 ? progressTable(model, provinces.map((code) => ({ code })), t.home.provinces) : undefined,
    latest: latest.map((a) => ({
      href: `/announcements/${a.id}/`, title: withExampleMark(a.meta.title, a.meta.example === true),
      details: `${regionName(model, a.meta.region)} · ${KIND_LABELS[a.kind]}`, date: formatDate(a.meta.published), datetime: a.meta.published,
    })),
  };
}
