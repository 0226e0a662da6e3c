/**
 * Eliminated capacity by year, one panel per capacity unit, one line per industry. Industries keep
 * the same colour and marker in every panel; each panel has its own legend.
 */
import { line, scaleLinear, scalePoint, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3';
import { yGrid, yGridWidth, yearLabels } from './axes.ts';
import { hbarRows } from './hbars.ts';
import { legend } from './legend.ts';
import { CAPACITY_DIGITS, formatCapacity, formatNumber, roundTo } from './number.ts';
import { OKABE_ITO } from './palette.ts';
import { DEFAULT_WIDTH, FONT, MUTED, TALL, attrs, emptyNotice, capacityPanel, checkId, frame, note, r, text, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

export interface TrendRow {
  /** Industry as shown, e.g. 水泥. */
  industry: string;
  /** Capacity unit; one panel per unit. */
  unit: string;
  year: number;
  /** Capacity eliminated in the year, in `unit`. */
  eliminated: number;
}

export interface NationalTrendOptions extends BaseOptions {
  /** Height of each panel's plot area. Default 150. */
  plotHeight?: number;
  /** Height in units past which no further panel is drawn (at least one is); default `TALL`. */
  maxHeight?: number;
  /**
   * Most lines in one panel: the industries with the largest totals; the chart says how many more
   * there are (all stay in the table). Default 5: more lines than that cannot be told apart.
   */
  series?: number;
}

const SYMBOLS = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar, symbolWye];
const DEFAULT_TITLE = C.trend.title;

interface UnitPanel {
  unit: string;
  years: number[];
  series: { industry: string; points: Map<number, number> }[];
}

function panelsOf(rows: readonly TrendRow[]): { panels: UnitPanel[]; industries: string[] } {
  const industries: string[] = [];
  const panels = new Map<string, UnitPanel>();
  for (const row of rows) {
    if (!industries.includes(row.industry)) industries.push(row.industry);
    let p = panels.get(row.unit);
    if (!p) panels.set(row.unit, (p = { unit: row.unit, years: [], series: [] }));
    let s = p.series.find((x) => x.industry === row.industry);
    if (!s) p.series.push((s = { industry: row.industry, points: new Map() }));
    s.points.set(row.year, (s.points.get(row.year) ?? 0) + row.eliminated);
  }
  for (const p of panels.values()) {
    const all = p.series.flatMap((s) => [...s.points.keys()]);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    p.years = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    for (const s of p.series) for (const [y, v] of s.points) s.points.set(y, roundTo(v, CAPACITY_DIGITS));
  }
  return { panels: [...panels.values()], industries };
}

/** The `n` series of a panel with the largest totals, largest first (ties: first seen first). */
function largest(p: UnitPanel, n: number): UnitPanel['series'] {
  const total = (s: UnitPanel['series'][number]) => [...s.points.values()].reduce((a, b) => a + b, 0);
  return p.series
    .map((s, i) => ({ s, i, t: total(s) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .slice(0, n)
    .map((x) => x.s);
}

/** Marker path of the i-th industry, centred on (0,0); past seven industries the shapes shift, so colour and shape pairs stay distinct. */
function marker(i: number, size = 42): string {
  const shape = (i + Math.floor(i / OKABE_ITO.length)) % SYMBOLS.length;
  return symbol(SYMBOLS[shape]!, size).digits(1)()!;
}

/**
 * Small multiples, one per unit (万吨, 万千瓦 …), of eliminated capacity by year with a line and
 * markers per industry; a year without a value breaks the line. Returns the SVG markup.
 */
export function nationalTrend(series: readonly TrendRow[], opts: NationalTrendOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const plotH = opts.plotHeight ?? 150;
  const pad = 8;
  const { panels, industries } = panelsOf(series);
  const colourOf = (ind: string) => OKABE_ITO[industries.indexOf(ind) % OKABE_ITO.length]!;
  const markerOf = (ind: string) => marker(industries.indexOf(ind));

  let body = '';
  let y = pad;
  if (panels.length === 0) {
    body += emptyNotice(pad, y);
    y += FONT.label + 4;
  }
  let shown = 0;
  for (const p of panels) {
    const [bodyBefore, yBefore] = [body, y];
    const ph = capacityPanel(pad, y, p.unit, width - 2 * pad);
    body += ph.markup;
    const drawn = largest(p, opts.series ?? 5);
    if (p.years.length === 1) {
      // One year: bars by industry (a sentence for one industry), not markers floating on a line chart.
      const year = p.years[0]!;
      y += ph.height + 4;
      body += text(pad, y + FONT.small, C.year(year), { 'font-size': FONT.small, fill: MUTED });
      y += FONT.small + 10;
      const bars = hbarRows(
        drawn.map((s) => {
          const v = s.points.get(year)!;
          return { label: s.industry, bars: [{ value: v, valueText: formatCapacity(v, p.unit), sentence: C.yearEliminated(year, formatCapacity(v, p.unit)), fill: colourOf(s.industry), tip: C.tip(s.industry, year, formatCapacity(v, p.unit)) }] };
        }),
        { x: pad, y, width: width - 2 * pad },
      );
      body += bars.markup;
      y += bars.height + 10;
    } else {
      y += ph.height + 28;
      const max = Math.max(0, ...drawn.flatMap((s) => [...s.points.values()]));
      const ys = scaleLinear().domain([0, max > 0 ? max : 1]).nice(4).range([y + plotH, y]);
      const x0 = pad + yGridWidth(ys, p.unit);
      const x1 = width - pad - 6;
      const xs = scalePoint<number>().domain(p.years).range([x0, x1]).padding(0.5);
      body += yGrid(ys, x0, x1, p.unit);
      body += yearLabels(p.years, (yr) => xs(yr)!, xs.step(), y + plotH + 22, pad, width - pad);
      for (const s of drawn) {
        const c = colourOf(s.industry);
        const d = line<number>()
          .defined((yr) => s.points.has(yr))
          .x((yr) => xs(yr)!)
          .y((yr) => ys(s.points.get(yr) ?? 0))
          .digits(1)(p.years);
        body += `<g${attrs({ class: 'series', 'data-industry': s.industry })}>`;
        // A thin dashed line bridges years without a value; the solid line only joins adjacent years.
        const known = p.years.filter((yr) => s.points.has(yr));
        if (known.length < p.years.length && known.length > 1) {
          const bridge = line<number>().x((yr) => xs(yr)!).y((yr) => ys(s.points.get(yr)!)).digits(1)(known);
          body += `<path d="${bridge}" fill="none" stroke="${c}" stroke-width="1" stroke-dasharray="3 3"/>`;
        }
        body += `<path d="${d}" fill="none" stroke="${c}" stroke-width="2"/>`;
        for (const [yr, v] of [...s.points].sort((a, b) => a[0] - b[0])) {
          body += `<path class="mark" transform="translate(${r(xs(yr)!)},${r(ys(v))})" d="${markerOf(s.industry)}" fill="${c}" stroke="#ffffff" stroke-width="1"${attrs({ 'data-tip': C.tip(s.industry, yr, formatCapacity(v, p.unit)) })}/>`;
        }
        body += '</g>\n';
      }
      y += plotH + 32;
      const lg = legend(
        drawn.map((s) => ({
          label: s.industry,
          fill: colourOf(s.industry),
          swatch: `<line x1="0" x2="14" y1="7" y2="7" stroke="${colourOf(s.industry)}" stroke-width="2"/><path transform="translate(7,7)" d="${markerOf(s.industry)}" fill="${colourOf(s.industry)}"/>`,
        })),
        pad, y, width - 2 * pad,
      );
      body += lg.markup;
      y += lg.height + 4;
    }
    if (drawn.length < p.series.length) {
      const n = note(pad, y, C.trend.moreIndustries(formatNumber(p.series.length - drawn.length), formatNumber(drawn.length)), width - 2 * pad);
      body += n.markup;
      y += n.height;
    }
    body += '</g>\n';
    if (shown > 0 && y > (opts.maxHeight ?? TALL)) {
      [body, y] = [bodyBefore, yBefore];
      break;
    }
    shown++;
    y += 22;
  }
  if (shown < panels.length) {
    const rest = panels.slice(shown).map((p) => p.unit).join('、');
    const n = note(pad, y - 14, C.trend.moreUnits(formatNumber(panels.length - shown), rest), width - 2 * pad);
    body += n.markup;
    y += n.height + 8;
  }
  const desc =
    opts.desc ??
    (panels.length === 0
      ? C.trend.none
      : C.trend.desc(panels.map((p) => C.trend.panel(p.unit, p.series.map((s) => s.industry).join('、'), p.years[0] === p.years[p.years.length - 1] ? String(p.years[0]) : `${p.years[0]}—${p.years[p.years.length - 1]}`)).join('；')) +
        (shown < panels.length || panels.some((p) => p.series.length > (opts.series ?? 5)) ? C.trend.notDrawn : ''));
  return frame({ id, kind: 'trend', width, height: y - (panels.length > 0 ? 22 : 0) + pad, title: opts.title ?? DEFAULT_TITLE, desc, body });
}

/** The numbers of `nationalTrend`: one row per unit, industry and year that has a value. */
export function nationalTrendTable(series: readonly TrendRow[], opts: Pick<BaseOptions, 'title'> = {}): ChartTable {
  const { panels } = panelsOf(series);
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'unit', label: C.col.unit, numeric: false },
      { key: 'industry', label: C.col.industry, numeric: false },
      { key: 'year', label: C.col.year, numeric: false },
      { key: 'eliminated', label: C.col.eliminatedCapacity, numeric: true },
    ],
    rows: panels.flatMap((p) =>
      p.series.flatMap((s) => [...s.points].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ unit: p.unit, industry: s.industry, year, eliminated: v }))),
    ),
  };
}
