import {
  capacityByProvince, capacityByProvinceTable, capacityByYear, capacityByYearTable, childRegionsRanked, childRegionsRankedTable,
  linesByStatus, linesByStatusTable, nationalTrend, nationalTrendTable, provinceTileMap, provinceTileMapTable,
  targetsVsEliminated, targetsVsEliminatedTable, columnHeader, formatTableCell, TALL, type ChartTable,
} from '../charts/index.ts';
import { capacityTable, childRegions, progressOf } from '../derive/aggregate.ts';
import type { LineState, Model } from '../derive/model.ts';
import { t } from '../i18n/zh-CN.ts';
import { levelOf } from '../reference/regions.ts';
import { cell, num, type TableData } from './table.ts';

/** A chart as pages use it: its SVG, the same numbers as a table, and where it lives. */
export interface ChartSpec {
  /** Stable id: the embed page is /embed/<id>/. */
  id: string;
  title: string;
  svg: string;
  table: ChartTable;
  /** The page the chart belongs to. */
  page: string;
  example: boolean;
  /**
   * It has an embed page and a CSV (/embed/<id>/, /embed/<id>/data.csv): the national, industry,
   * province and city charts. A county's charts have neither (a national site has 2,800 counties,
   * two charts each); their numbers are the county page's tables and its data.json.
   */
  embed: boolean;
}

/** A chart's numbers as the site's one table (src/site/table.ts): first column naming each row. */
export function chartTableData(tbl: ChartTable): TableData {
  return {
    caption: tbl.caption,
    columns: tbl.columns.map((c) => ({ label: columnHeader(c), numeric: c.numeric })),
    rows: tbl.rows.map((row) => ({ cells: tbl.columns.map((c, i) => (c.numeric && i > 0 ? num(formatTableCell(c, row[c.key])) : cell(formatTableCell(c, row[c.key])))) })),
  };
}

/**
 * Industries by their number of lines, most first (then by id): tall charts draw panels in this
 * order while they fit, so the industries with the most lines are the ones drawn.
 */
function byLines(lines: readonly LineState[]): (a: { industry: string }, b: { industry: string }) => number {
  const count = new Map<string, number>();
  for (const l of lines) count.set(l.row.industry, (count.get(l.row.industry) ?? 0) + 1);
  return (a, b) => (count.get(b.industry) ?? 0) - (count.get(a.industry) ?? 0) || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0);
}

const regionHref = (model: Model) => (code: string) => (model.regions.get(code) && model.regionCodes.has(code) ? `/regions/${code}/` : undefined);
const industryName = (model: Model, id: string) => model.taxonomy.get(id)?.name ?? id;

export function regionCharts(model: Model, code: string): ChartSpec[] {
  const lines = model.linesByRegion.get(code) ?? [];
  const name = model.regions.get(code)?.name ?? code;
  const example = lines.some((l) => l.example);
  const page = `/regions/${code}/`;
  const county = levelOf(code) === 'county';
  const embed = !county;
  // A county's chart of targets draws its largest industries over three years, in half the height
  // (its table just below has every year and industry): a national site has 2,800 of them.
  const drawn = county ? { years: 3, maxHeight: TALL / 2 } : {};
  const out: ChartSpec[] = [];
  const cap = capacityTable(model, lines, code).filter((c) => c.target !== undefined || c.eliminated > 0).sort(byLines(lines));
  if (cap.length > 0) {
    const rows = cap.map((c) => ({ industry: industryName(model, c.industry), unit: c.unit, year: c.year, target: c.target, eliminated: c.eliminated }));
    const title = t.charts2.regionTargets(name);
    out.push({ id: `region-${code}-targets`, title, embed, svg: targetsVsEliminated(rows, { id: `region-${code}-targets`, title, ...drawn }), table: targetsVsEliminatedTable(rows, { title }), page, example });
  }
  if (lines.length > 0) {
    const counts = progressOf(lines).byStatus;
    const title = t.charts2.regionStatus(name);
    out.push({ id: `region-${code}-status`, title, embed, svg: linesByStatus(counts, { id: `region-${code}-status`, title }), table: linesByStatusTable(counts, { title }), page, example });
  }
  const kids = childRegions(model, code).map((c) => {
    const p = progressOf(model.linesByRegion.get(c) ?? []);
    return { code: c, name: model.regions.get(c)?.name ?? c, done: p.complete, total: p.lines };
  }).filter((k) => k.total > 0);
  if (kids.length > 1) {
    const title = t.charts2.regionRanked(name);
    out.push({ id: `region-${code}-children`, title, embed, svg: childRegionsRanked(kids, { id: `region-${code}-children`, title, href: regionHref(model) }), table: childRegionsRankedTable(kids, { title }), page, example });
  }
  return out;
}

export function homeCharts(model: Model): ChartSpec[] {
  const example = model.lines.some((l) => l.example);
  const values: Record<string, number | undefined> = {};
  for (const code of childRegions(model, '000000')) {
    const share = progressOf(model.linesByRegion.get(code) ?? []).share;
    values[code] = share === undefined ? undefined : share * 100;
  }
  const tilesTitle = t.charts2.provincesShare;
  const out: ChartSpec[] = [{
    id: 'home-provinces', title: tilesTitle, page: '/', example, embed: true,
    svg: provinceTileMap(values, { id: 'home-provinces', title: tilesTitle, measure: t.charts2.share, unit: '%', href: regionHref(model) }),
    table: provinceTileMapTable(values, { title: tilesTitle, measure: t.charts2.share, unit: '%' }),
  }];
  const trend = capacityTable(model, model.lines, undefined).filter((c) => c.eliminated > 0).sort(byLines(model.lines)).map((c) => ({ industry: industryName(model, c.industry), unit: c.unit, year: c.year, eliminated: c.eliminated }));
  if (trend.length > 0) {
    const title = t.charts2.nationTrend;
    out.push({ id: 'home-trend', title, page: '/', example, embed: true, svg: nationalTrend(trend, { id: 'home-trend', title }), table: nationalTrendTable(trend, { title }) });
  }
  return out;
}

export function industryCharts(model: Model, id: string): ChartSpec[] {
  const lines = model.lines.filter((l) => l.row.industry === id);
  const name = industryName(model, id);
  const example = lines.some((l) => l.example);
  const page = `/industries/${id}/`;
  const byYear = capacityTable(model, lines, undefined).filter((c) => c.eliminated > 0).map((c) => ({ unit: c.unit, year: c.year, eliminated: c.eliminated }));
  const byProvince = new Map<string, { unit: string; code: string; name: string; eliminated: number }>();
  for (const l of lines) {
    if (!l.complete || l.row.capacity === undefined || !l.row.capacity_unit) continue;
    const p = model.regions.chain(l.row.region_code)[1];
    if (!p) continue;
    const k = `${p.code}|${l.row.capacity_unit}`;
    const e = byProvince.get(k) ?? { unit: l.row.capacity_unit, code: p.code, name: p.name, eliminated: 0 };
    e.eliminated += l.row.capacity;
    byProvince.set(k, e);
  }
  const out: ChartSpec[] = [];
  if (byYear.length > 0) {
    const title = t.charts2.industryTrend(name);
    out.push({ id: `industry-${id}-year`, title, page, example, embed: true, svg: capacityByYear(byYear, { id: `industry-${id}-year`, title, industry: name }), table: capacityByYearTable(byYear, { title, industry: name }) });
  }
  if (byProvince.size > 0) {
    const rows = [...byProvince.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
    const title = t.charts2.industryProvinces(name);
    out.push({ id: `industry-${id}-province`, title, page, example, embed: true, svg: capacityByProvince(rows, { id: `industry-${id}-province`, title, industry: name, href: regionHref(model) }), table: capacityByProvinceTable(rows, { title, industry: name }) });
  }
  return out;
}


let cache: { model: Model; charts: ChartSpec[]; byId: Map<string, ChartSpec> } | undefined;
function cached(model: Model) {
  if (cache?.model !== model) {
    const charts = [
      ...homeCharts(model),
      ...[...model.regionCodes].sort().flatMap((c) => regionCharts(model, c)),
      ...model.taxonomy.industries.flatMap((i) => industryCharts(model, i.id)),
    ];
    cache = { model, charts, byId: new Map(charts.map((c) => [c.id, c])) };
  }
  return cache;
}
/** Every chart of the site (each has its CSV; those with `embed` an embed page), in a fixed order. */
export const allCharts = (model: Model): ChartSpec[] => cached(model).charts;
/** One chart by id (a map, not a scan: endpoints look charts up one by one). */
export const chartById = (model: Model, id: string): ChartSpec | undefined => cached(model).byId.get(id);
