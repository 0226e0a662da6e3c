/**
 * For an industry's page: eliminated capacity by year (vertical bars) and by province
 * (horizontal bars), one panel per capacity unit.
 */
import { scaleBand, scaleLinear } from 'd3';
import { LABEL_GAP, yGrid, yGridWidth, yearLabels } from './axes.ts';
import { hbarRows, labelsAbove, summarise } from './hbars.ts';
import { CAPACITY_DIGITS, formatCapacity, formatNumber, roundTo } from './number.ts';
import { BAR_COLOUR } from './palette.ts';
import { DEFAULT_WIDTH, FONT, attrs, emptyNotice, capacityPanel, checkId, frame, note, r, text, textWidth, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

export interface CapacityByYearRow {
  unit: string;
  year: number;
  /** Capacity eliminated in the year, in `unit`. */
  eliminated: number;
}

export interface CapacityByProvinceRow {
  unit: string;
  /** Province code, 110000 …; the label links to /regions/<code>/. */
  code: string;
  name: string;
  eliminated: number;
}

export interface IndustryChartOptions extends BaseOptions {
  /** The industry, for titles: 水泥. */
  industry: string;
  /** Link of a province label (by-province chart); default `/regions/<code>/`. */
  href?: (code: string) => string | undefined;
  /** Height of each by-year plot. Default 150. */
  plotHeight?: number;
  /** The by-province chart draws the `top` largest provinces and says how many more there are (all stay in the table). Default 10. */
  top?: number;
}

/** Widest a year's bar gets, however few years there are. */
const MAX_BAR = 40;
const BAR_PADDING = 0.25;

type Keyed = { unit: string; eliminated: number };

/** Groups rows by unit (first-appearance order), summing rows with the same key. */
function byUnit<T extends Keyed>(rows: readonly T[], key: (row: T) => string | number): { unit: string; items: T[] }[] {
  const out = new Map<string, Map<string | number, T>>();
  for (const row of rows) {
    let m = out.get(row.unit);
    if (!m) out.set(row.unit, (m = new Map()));
    const k = key(row);
    const prev = m.get(k);
    m.set(k, { ...row, eliminated: (prev?.eliminated ?? 0) + row.eliminated });
  }
  return [...out].map(([unit, m]) => ({ unit, items: [...m.values()].map((x) => ({ ...x, eliminated: roundTo(x.eliminated, CAPACITY_DIGITS) })) }));
}

const yearTitle = (o: Pick<IndustryChartOptions, 'title' | 'industry'>) => o.title ?? C.industry.yearTitle(o.industry);
const provinceTitle = (o: Pick<IndustryChartOptions, 'title' | 'industry'>) => o.title ?? C.industry.provinceTitle(o.industry);

function yearPanels(rows: readonly CapacityByYearRow[]) {
  return byUnit(rows, (x) => x.year).map((p) => ({ ...p, items: p.items.sort((a, b) => a.year - b.year) }));
}

function provincePanels(rows: readonly CapacityByProvinceRow[]) {
  return byUnit(rows, (x) => x.code).map((p) => ({
    ...p,
    items: p.items.sort((a, b) => b.eliminated - a.eliminated || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  }));
}

/** Vertical bars of eliminated capacity per year, one panel per unit, values over the bars. */
export function capacityByYear(rows: readonly CapacityByYearRow[], opts: IndustryChartOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const plotH = opts.plotHeight ?? 150;
  const pad = 8;
  const panels = yearPanels(rows);
  let body = '';
  let y = pad;
  if (panels.length === 0) {
    body += emptyNotice(pad, y);
    y += FONT.label + 4;
  }
  for (const p of panels) {
    const ph = capacityPanel(pad, y, p.unit, width - 2 * pad);
    body += ph.markup;
    if (p.items.length === 1) {
      // One year: a sentence, not a lone bar as wide as the chart.
      y += ph.height + 8;
      const x = p.items[0]!;
      const one = hbarRows([{ label: C.year(x.year), bars: [{ value: x.eliminated, valueText: formatCapacity(x.eliminated, p.unit), sentence: C.eliminated(formatCapacity(x.eliminated, p.unit)), fill: BAR_COLOUR, tip: '' }] }], { x: pad, y, width: width - 2 * pad });
      body += one.markup + '</g>\n';
      y += one.height + 22;
      continue;
    }
    y += ph.height + 28;
    const lo = p.items[0]!.year;
    const years = Array.from({ length: p.items[p.items.length - 1]!.year - lo + 1 }, (_, i) => lo + i);
    const max = Math.max(0, ...p.items.map((x) => x.eliminated));
    const ys = scaleLinear().domain([0, max > 0 ? max : 1]).nice(4).range([y + plotH, y]);
    const x0 = pad + yGridWidth(ys, p.unit);
    const step = Math.min((width - pad - x0) / years.length, MAX_BAR / (1 - BAR_PADDING));
    const xs = scaleBand<number>().domain(years).range([x0, x0 + step * years.length]).padding(BAR_PADDING);
    body += yGrid(ys, x0, width - pad, p.unit);
    body += yearLabels(years, (yr) => xs(yr)! + xs.bandwidth() / 2, xs.step(), y + plotH + 22, pad, width - pad);
    const labelsFit = p.items.every((x) => textWidth(formatNumber(x.eliminated), FONT.small) <= xs.step() - LABEL_GAP);
    for (const x of p.items) {
      const bx = xs(x.year)!;
      const top = ys(x.eliminated);
      body += `<rect class="mark" x="${r(bx)}" y="${r(top)}" width="${r(xs.bandwidth())}" height="${r(y + plotH - top)}" fill="${BAR_COLOUR}"${attrs({ 'data-tip': C.tip(opts.industry, x.year, formatCapacity(x.eliminated, p.unit)) })}/>`;
      if (labelsFit) body += text(bx + xs.bandwidth() / 2, top - 4, formatNumber(x.eliminated), { 'text-anchor': 'middle', 'font-size': FONT.small });
    }
    if (!labelsFit) {
      const n = note(pad, y + plotH + 24, C.seeTable, width - 2 * pad);
      body += n.markup;
      y += n.height + 2;
    }
    body += '\n</g>\n';
    y += plotH + 42;
  }
  const desc =
    opts.desc ??
    (panels.length === 0
      ? C.industry.noYears(opts.industry)
      : C.industry.yearsDesc(opts.industry, panels.map((p) => p.items.map((x) => `${C.year(x.year)}${formatCapacity(x.eliminated, p.unit)}`).join('，')).join('；')));
  return frame({ id, kind: 'capacity-year', width, height: y - (panels.length > 0 ? 18 : 0) + pad, title: yearTitle(opts), desc, body });
}

/** The numbers of `capacityByYear`. */
export function capacityByYearTable(rows: readonly CapacityByYearRow[], opts: Pick<IndustryChartOptions, 'title' | 'industry'>): ChartTable {
  return {
    caption: yearTitle(opts),
    columns: [
      { key: 'unit', label: C.col.unit, numeric: false },
      { key: 'year', label: C.col.year, numeric: false },
      { key: 'eliminated', label: C.col.eliminatedCapacity, numeric: true },
    ],
    rows: yearPanels(rows).flatMap((p) => p.items.map((x) => ({ unit: p.unit, year: x.year, eliminated: x.eliminated }))),
  };
}

/** Horizontal bars of eliminated capacity per province, largest first, one panel per unit. */
export function capacityByProvince(rows: readonly CapacityByProvinceRow[], opts: IndustryChartOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const href = opts.href ?? ((code: string) => `/regions/${code}/`);
  const pad = 8;
  const panels = provincePanels(rows);
  const above = labelsAbove(panels.flatMap((p) => p.items.map((x) => ({ label: x.name }))), width - 2 * pad);
  let body = '';
  let y = pad;
  if (panels.length === 0) {
    body += emptyNotice(pad, y);
    y += FONT.label + 4;
  }
  for (const p of panels) {
    const ph = capacityPanel(pad, y, p.unit, width - 2 * pad);
    body += ph.markup;
    y += ph.height + 8;
    const bars = hbarRows(
      summarise(
        p.items,
        opts.top ?? 10,
        0,
        (left) => ({ label: C.industry.moreProvinces(formatNumber(left)), bars: [] }),
        (x) => ({
          label: x.name,
          href: href(x.code),
          bars: [{ value: x.eliminated, valueText: formatCapacity(x.eliminated, p.unit), sentence: C.eliminated(formatCapacity(x.eliminated, p.unit)), fill: BAR_COLOUR, tip: C.nameValue(x.name, formatCapacity(x.eliminated, p.unit)) }],
        }),
      ),
      { x: pad, y, width: width - 2 * pad, labelsAbove: above },
    );
    body += bars.markup + '</g>\n';
    y += bars.height + 22;
  }
  const desc =
    opts.desc ??
    (panels.length === 0
      ? C.industry.noProvinces(opts.industry)
      : C.industry.provincesDesc(opts.industry, panels.map((p) => p.items.map((x) => `${x.name}${formatCapacity(x.eliminated, p.unit)}`).join('，')).join('；')));
  return frame({ id, kind: 'capacity-province', width, height: y - (panels.length > 0 ? 22 : 0) + pad, title: provinceTitle(opts), desc, body });
}

/** The numbers of `capacityByProvince`, in the chart's order. */
export function capacityByProvinceTable(rows: readonly CapacityByProvinceRow[], opts: Pick<IndustryChartOptions, 'title' | 'industry'>): ChartTable {
  return {
    caption: provinceTitle(opts),
    columns: [
      { key: 'unit', label: C.col.unit, numeric: false },
      { key: 'code', label: C.col.code, numeric: false },
      { key: 'name', label: C.col.province, numeric: false },
      { key: 'eliminated', label: C.col.eliminatedCapacity, numeric: true },
    ],
    rows: provincePanels(rows).flatMap((p) => p.items.map((x) => ({ unit: p.unit, code: x.code, name: x.name, eliminated: x.eliminated }))),
  };
}

/**
 * Both charts of an industry page at once: `{ byYear, byProvince }`, each with its SVG and table.
 * Ids are `<id>-year` and `<id>-province`.
 */
export function capacityByYearAndProvince(
  data: { byYear: readonly CapacityByYearRow[]; byProvince: readonly CapacityByProvinceRow[] },
  opts: Omit<IndustryChartOptions, 'title' | 'desc'>,
): { byYear: { svg: string; table: ChartTable }; byProvince: { svg: string; table: ChartTable } } {
  const year = { ...opts, id: `${checkId(opts.id)}-year` };
  const province = { ...opts, id: `${opts.id}-province` };
  return {
    byYear: { svg: capacityByYear(data.byYear, year), table: capacityByYearTable(data.byYear, year) },
    byProvince: { svg: capacityByProvince(data.byProvince, province), table: capacityByProvinceTable(data.byProvince, province) },
  };
}
