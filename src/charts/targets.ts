/**
 * Targets against eliminated capacity, one small panel per (industry, unit): 万吨 are never
 * added to 万千瓦, so a region with lines in two units gets two panels.
 */
import { asSentences, hbarRows, type HBarGroup } from './hbars.ts';
import { legend } from './legend.ts';
import { CAPACITY_DIGITS, formatCapacity, roundTo } from './number.ts';
import { ELIMINATED_COLOUR, TARGET_COLOUR } from './palette.ts';
import { formatNumber } from './number.ts';
import { DEFAULT_WIDTH, FONT, TALL, attrs, emptyNotice, panelHeading, checkId, frame, hatchPattern, note, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

export interface TargetEliminatedRow {
  /** Industry as shown, e.g. 水泥, 电力. */
  industry: string;
  /** Capacity unit, e.g. 万吨, 万千瓦, 处. */
  unit: string;
  year: number;
  /** Target capacity in `unit`; undefined where no target is known. */
  target?: number | undefined;
  /** Capacity eliminated in `unit`; undefined where nothing is known (0 means none). */
  eliminated?: number | undefined;
}

export interface TargetsVsEliminatedOptions extends BaseOptions {
  /**
   * A national record has dozens of industries and years: the chart draws the latest `years` years
   * of each panel, and panels in the order the rows come while they fit in `maxHeight` units (at
   * least one), and says what it leaves out; the table keeps every number. Default 4 and `TALL`.
   */
  years?: number;
  maxHeight?: number;
}

interface Panel {
  industry: string;
  unit: string;
  years: { year: number; target: number | undefined; eliminated: number | undefined }[];
}

const add = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : a + b);

/** Panels in order of first appearance; years ascending; rows of the same key summed. */
function panelsOf(series: readonly TargetEliminatedRow[]): Panel[] {
  const panels = new Map<string, Panel>();
  for (const row of series) {
    const key = `${row.industry}\u0000${row.unit}`;
    let p = panels.get(key);
    if (!p) panels.set(key, (p = { industry: row.industry, unit: row.unit, years: [] }));
    let y = p.years.find((v) => v.year === row.year);
    if (!y) p.years.push((y = { year: row.year, target: undefined, eliminated: undefined }));
    y.target = add(y.target, row.target);
    y.eliminated = add(y.eliminated, row.eliminated);
  }
  const list = [...panels.values()];
  for (const p of list) {
    p.years.sort((a, b) => a.year - b.year);
    for (const y of p.years) {
      if (y.target !== undefined) y.target = roundTo(y.target, CAPACITY_DIGITS);
      if (y.eliminated !== undefined) y.eliminated = roundTo(y.eliminated, CAPACITY_DIGITS);
    }
  }
  return list;
}

const DEFAULT_TITLE = C.targets.title;
const panelTitle = (p: Panel) => `${p.industry}（${p.unit}）`;

/**
 * Grouped horizontal bars by year — target (hatched outline) and eliminated (solid) — in one
 * panel per industry and unit. Returns the SVG markup.
 */
export function targetsVsEliminated(series: readonly TargetEliminatedRow[], opts: TargetsVsEliminatedOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const pad = 8;
  const all = panelsOf(series);
  const maxYears = opts.years ?? 4;
  const maxHeight = opts.maxHeight ?? TALL;
  const panels = all.map((p) => ({ ...p, years: p.years.slice(-maxYears) }));
  const title = opts.title ?? DEFAULT_TITLE;
  const hatch = `${id}-target`;
  const defs = hatchPattern(hatch, TARGET_COLOUR, '#ffffff');

  const groupsOf = (p: (typeof panels)[number]): HBarGroup[] =>
    p.years.map((v) => ({
      label: C.year(v.year),
      bars: [
        {
          value: v.target,
          valueText: v.target === undefined ? C.targets.targetUnknown : formatCapacity(v.target, p.unit),
          sentence: C.targets.target(v.target === undefined ? C.unknown : formatCapacity(v.target, p.unit)),
          fill: `url(#${hatch})`,
          stroke: TARGET_COLOUR,
          className: 'target',
          tip: C.targets.targetTip(p.industry, v.year, v.target === undefined ? C.unknown : formatCapacity(v.target, p.unit)),
        },
        {
          value: v.eliminated,
          valueText: v.eliminated === undefined ? C.targets.doneUnknown : formatCapacity(v.eliminated, p.unit),
          sentence: C.eliminated(v.eliminated === undefined ? C.unknown : formatCapacity(v.eliminated, p.unit)),
          fill: ELIMINATED_COLOUR,
          className: 'eliminated',
          tip: C.targets.eliminatedTip(p.industry, v.year, v.eliminated === undefined ? C.unknown : formatCapacity(v.eliminated, p.unit)),
        },
      ],
    }));
  const groups = panels.map(groupsOf);

  let body = '';
  let y = pad;
  // The legend only where some panel draws bars (a panel with one known value is a sentence).
  if (groups.some((g) => !asSentences(g, {}))) {
    const lg = legend(
      [
        { label: C.col.target, fill: `url(#${hatch})`, stroke: TARGET_COLOUR },
        { label: C.col.eliminated, fill: ELIMINATED_COLOUR },
      ],
      pad, y, width - 2 * pad,
    );
    body += lg.markup;
    y += lg.height + 14;
  }
  if (panels.length === 0) {
    body += emptyNotice(pad, y);
    y += FONT.label + 4;
  }
  let drawn = 0;
  for (const [i, p] of panels.entries()) {
    let part = `<g${attrs({ class: 'panel', 'data-industry': p.industry, 'data-unit': p.unit })}>\n`;
    let py = y + (i > 0 ? 20 : 0);
    const h = panelHeading(pad, py, panelTitle(p), width - 2 * pad);
    part += h.markup;
    py += h.height + 6;
    const rows = hbarRows(groups[i]!, { x: pad, y: py, width: width - 2 * pad });
    part += rows.markup + '</g>\n';
    py += rows.height;
    if (drawn > 0 && py > maxHeight) break;
    body += part;
    y = py;
    drawn++;
  }
  const leftOut = [
    drawn < all.length ? C.targets.moreIndustries(formatNumber(all.length - drawn)) : '',
    all.slice(0, drawn).some((p) => p.years.length > maxYears) ? C.targets.latestYears(formatNumber(maxYears)) : '',
  ].filter(Boolean);
  if (leftOut.length > 0) {
    const n = note(pad, y + 8, C.targets.leftOut(leftOut.join('；')), width - 2 * pad);
    body += n.markup;
    y += 8 + n.height;
  }
  const desc =
    opts.desc ??
    (all.length === 0
      ? C.targets.none
      : C.targets.desc(all.length, all.map(panelTitle).join('、')) +
        (leftOut.length > 0 ? C.targets.drawn(all.slice(0, drawn).map(panelTitle).join('、'), leftOut.join('，')) : ''));
  return frame({ id, kind: 'targets', width, height: y + pad, title, desc, defs, body });
}

/** The numbers of `targetsVsEliminated` as a table: one row per industry, unit and year. */
export function targetsVsEliminatedTable(series: readonly TargetEliminatedRow[], opts: Pick<BaseOptions, 'title'> = {}): ChartTable {
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'industry', label: C.col.industry, numeric: false },
      { key: 'unit', label: C.col.unit, numeric: false },
      { key: 'year', label: C.col.year, numeric: false },
      { key: 'target', label: C.col.target, numeric: true },
      { key: 'eliminated', label: C.col.eliminated, numeric: true },
    ],
    rows: panelsOf(series).flatMap((p) => p.years.map((v) => ({ industry: p.industry, unit: p.unit, year: v.year, target: v.target, eliminated: v.eliminated }))),
  };
}

