/** An industry's page, and the index of industries. */
import { capacityTable, orderLines } from '../../derive/aggregate.ts';
import { progressOf, type LineState, type Model } from '../../derive/model.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import type { Industry } from '../../schema/industry.ts';
import { industryCharts, type ChartSpec } from '../charts.ts';
import { linesTable } from '../lines.ts';
import { cell, link, num, type TableData } from '../table.ts';
import { capacityTableData, regionName } from './tables.ts';

/** An industry page lists its lines itself only up to this many (a national industry has thousands). */
export const MAX_INDUSTRY_LINES = 200;

export interface IndustryPage {
  title: string;
  example: boolean;
  facts: { label: string; value: string }[];
  criterion: string;
  charts: ChartSpec[];
  byYear?: TableData | undefined;
  provinces?: TableData | undefined;
  lines?: TableData | undefined;
}

export function industryPage(model: Model, ind: Industry): IndustryPage {
  const lines = model.linesByIndustry.get(ind.id) ?? [];
  const byYear = capacityTable(model, lines, '000000').filter((c) => c.industry === ind.id);
  const byProvince = new Map<string, LineState[]>();
  for (const l of lines) {
    const p = model.regions.chain(l.row.region_code)[1]?.code ?? '000000';
    const list = byProvince.get(p);
    if (list) list.push(l);
    else byProvince.set(p, [l]);
  }
  const provinces = [...byProvince.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    title: ind.name,
    example: lines.some((l) => l.example),
    facts: [
      { label: t.industry.group, value: ind.group },
      { label: t.industry.units, value: ind.units.join('、') },
      ...(ind.aliases.length > 0 ? [{ label: t.industry.aliases, value: ind.aliases.join('、') }] : []),
    ],
    criterion: ind.criterion || t.unknown,
    charts: industryCharts(model, ind.id),
    byYear: byYear.length > 0 ? capacityTableData(model, byYear, `${ind.name}${t.industry.byYear}`, { targetLabel: t.home.nationalTarget, industry: false }) : undefined,
    provinces: provinces.length === 0 ? undefined : {
      caption: `${ind.name}${t.industry.regions}`,
      columns: [{ label: t.announcement.region }, { label: t.progress.lines, numeric: true }, { label: t.progress.complete, numeric: true }, { label: t.capacity.eliminated, numeric: true }],
      rows: provinces.map(([code, ls]) => {
        const p = progressOf(ls);
        const units = new Map<string, number>();
        for (const c of capacityTable(model, ls, undefined)) units.set(c.unit, (units.get(c.unit) ?? 0) + c.eliminated);
        return { cells: [cell(link(regionName(model, code), `/regions/${code}/`)), num(String(p.lines)), num(String(p.complete)), num([...units].map(([u, v]) => `${formatNumber(v)}${u}`).join('；') || '—')] };
      }),
    },
    lines: lines.length > 0 && lines.length <= MAX_INDUSTRY_LINES ? linesTable(model, orderLines(lines), { caption: `${ind.name}${t.region.lines}（${lines.length}）` }) : undefined,
  };
}

export function industriesTable(model: Model): TableData {
  return {
    caption: t.industry.index,
    columns: [{ label: t.capacity.industry, phone: true }, { label: t.industry.group }, { label: t.industry.units, prose: true }, { label: t.progress.lines, numeric: true, phone: true }, { label: t.progress.complete, numeric: true, phone: true }],
    rows: model.taxonomy.industries.map((i) => {
      const p = progressOf(model.linesByIndustry.get(i.id) ?? []);
      return { cells: [cell(link(i.name, `/industries/${i.id}/`)), cell(i.group), cell(i.units.join('、')), num(String(p.lines)), num(String(p.complete))] };
    }),
  };
}
