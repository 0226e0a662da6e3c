/**
 * A tile-grid map of China's provinces coloured by one value (completion % or eliminated
 * capacity in one unit), each tile a link to the province's page; tiles without data hatched.
 */
import { scaleLinear, scaleThreshold } from 'd3';
import { CAPACITY_DIGITS, PERCENT_DIGITS, formatNumber, roundTo } from './number.ts';
import { NO_DATA_FILL, NO_DATA_HATCH, SEQUENTIAL, prefersWhiteText } from './palette.ts';
import { LABEL_GAP, thinLabels } from './axes.ts';
import { DEFAULT_WIDTH, FONT, INK, MUTED, attrs, checkId, frame, hatchPattern, r, text, textWidth, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { CHINA_TILES, type Tile, type TileLayout } from './tile-layout.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

/** Value per province code (110000 …); a missing or undefined value is drawn as 无数据. */
export type ProvinceValues = Readonly<Record<string, number | undefined>>;

export interface ProvinceTileMapOptions extends BaseOptions {
  /** What the value measures, e.g. 完成率, 已淘汰产能（水泥）. */
  measure: string;
  /** Unit of every value: % for completion, or one capacity unit (万吨) — never a mix of units. */
  unit: string;
  /**
   * Four ascending class breaks for the five colours. Default: 20/40/60/80 for %, else five equal
   * classes up to a rounded maximum.
   */
  thresholds?: readonly [number, number, number, number];
  /** Link of a tile; default `/regions/<code>/`; return undefined for no link. */
  href?: (code: string) => string | undefined;
  /** Tile positions; default `CHINA_TILES`. */
  layout?: TileLayout;
}

const DEFAULT_TITLE = C.tilemap.title;

function digitsOf(unit: string): number {
  return unit === '%' ? PERCENT_DIGITS : CAPACITY_DIGITS;
}

/** The value of each tile, rounded as the table shows it; undefined = 无数据. */
function tileValues(values: ProvinceValues, o: Pick<ProvinceTileMapOptions, 'unit' | 'layout'>) {
  const layout = o.layout ?? CHINA_TILES;
  const d = digitsOf(o.unit);
  return layout.tiles.map((tile) => {
    const v = tile.noData ? undefined : values[tile.code];
    return { tile, value: v === undefined || Number.isNaN(v) ? undefined : roundTo(v, d) };
  });
}

/** The class breaks and the upper end of the legend's domain. */
function classesOf(values: readonly (number | undefined)[], o: ProvinceTileMapOptions): { breaks: number[]; end: number } {
  let max = 0;
  for (const v of values) if (v !== undefined) max = Math.max(max, v);
  if (o.thresholds) {
    const [, , b3, b4] = o.thresholds;
    return { breaks: [...o.thresholds], end: Math.max(max, b4 + (b4 - b3)) };
  }
  // Completion rates run 0–100 %: the legend says so whatever the data reach.
  if (o.unit === '%') return { breaks: [20, 40, 60, 80], end: Math.max(100, max) };
  const top = scaleLinear().domain([0, max > 0 ? max : 1]).nice(5).domain()[1]!;
  return { breaks: [1, 2, 3, 4].map((i) => roundTo((top * i) / 5, 6)), end: top };
}

/** A number in at most `width` units: fewer decimals as it grows, then in 万 or 亿. */
function fitNumber(v: number, width: number, digits: number): string {
  const plain = formatNumber(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? Math.min(1, digits) : digits);
  if (textWidth(plain, FONT.small) <= width) return plain;
  return new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/** Short text on a tile: fewer decimals as numbers grow, so it fits the square. */
function tileText(v: number, unit: string, width: number): string {
  if (unit === '%') return `${formatNumber(v, Math.abs(v) >= 100 ? 0 : PERCENT_DIGITS)}%`;
  return fitNumber(v, width, CAPACITY_DIGITS);
}

const fullText = (v: number, unit: string) => `${formatNumber(v, digitsOf(unit))}${unit}`;

/**
 * The map. Each province is a square link `<a href="/regions/<code>/">` with its short name and
 * value; the legend below gives the five classes and the 无数据 hatch. Returns the SVG markup.
 */
export function provinceTileMap(values: ProvinceValues, opts: ProvinceTileMapOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const layout = opts.layout ?? CHINA_TILES;
  const href = opts.href ?? ((code: string) => `/regions/${code}/`);
  const pad = 8;
  const tiles = tileValues(values, opts);
  const { breaks, end } = classesOf(tiles.map((t) => t.value), opts);
  const colour = scaleThreshold<number, string>().domain(breaks).range([...SEQUENTIAL]);
  const pitch = (width - 2 * pad) / layout.cols;
  const size = pitch - 3;
  const noData = `${id}-nodata`;
  const defs = hatchPattern(noData, '#c4c4c4', NO_DATA_FILL, 7);

  let body = '<g class="tiles">\n';
  for (const { tile, value } of tiles) {
    const x = pad + tile.col * pitch;
    const y = pad + tile.row * pitch;
    const fill = value === undefined ? `url(#${noData})` : colour(value);
    const ink = value !== undefined && prefersWhiteText(fill) ? '#ffffff' : INK;
    const tip = C.nameValue(tile.name, value === undefined ? C.none : `${opts.measure} ${fullText(value, opts.unit)}`);
    const link = href(tile.code);
    let t = `<rect x="${r(x)}" y="${r(y)}" width="${r(size)}" height="${r(size)}" rx="3" fill="${fill}"${value === undefined ? ` stroke="${NO_DATA_HATCH}" stroke-dasharray="3 2"` : ''}/>`;
    t += text(x + size / 2, y + size / 2 - 9, tile.short, { 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': FONT.small, fill: ink, 'font-weight': 600 });
    t += text(x + size / 2, y + size / 2 + 10, value === undefined ? C.none : tileText(value, opts.unit, size - 4), {
      'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': FONT.small, fill: value === undefined ? MUTED : ink,
    });
    // The accessible name starts with the visible text (axe: label-content-name-mismatch), then says it in full.
    const visible = `${tile.short} ${value === undefined ? C.none : tileText(value, opts.unit, size - 4)}`;
    const label = `${visible}（${tip}）`;
    const a = attrs({ href: link, 'aria-label': link ? label : undefined, class: value === undefined ? 'tile mark no-data' : 'tile mark', 'data-code': tile.code, 'data-tip': tip });
    body += link ? `<a${a}>${t}</a>\n` : `<g${a}>${t}</g>\n`;
  }
  body += '</g>\n';

  // Legend: five classes as a bar with the breaks under it, then the no-data swatch.
  let y = pad + layout.rows * pitch + 8;
  body += `<g class="legend">` + text(pad, y + FONT.label, opts.measure.endsWith('）') ? C.tilemap.measureUnit(opts.measure, opts.unit) : C.tilemap.measureInUnit(opts.measure, opts.unit), { 'font-weight': 600 });
  y += FONT.label + 8;
  const box = Math.min(48, (width - 2 * pad - 90) / SEQUENTIAL.length);
  SEQUENTIAL.forEach((c, i) => {
    body += `<rect x="${r(pad + i * box)}" y="${r(y)}" width="${r(box)}" height="14" fill="${c}" stroke="#ffffff"/>`;
  });
  // Labels at 0, each break and the domain's end, thinned (the end kept) if they would touch.
  const stops = [0, ...breaks, end];
  const labels = stops.map((b) => (opts.unit === '%' ? formatNumber(b, PERCENT_DIGITS) : fitNumber(b, box - LABEL_GAP, CAPACITY_DIGITS)));
  let widest = 0;
  for (const l of labels) widest = Math.max(widest, textWidth(l, FONT.small));
  const shown = new Set(thinLabels(stops.length, box, widest));
  if (Math.min(...shown) * box >= widest + LABEL_GAP) shown.add(0);
  stops.forEach((_, i) => {
    const bx = pad + i * box;
    body += `<line x1="${r(bx)}" x2="${r(bx)}" y1="${r(y)}" y2="${r(y + (shown.has(i) ? 18 : 16))}" stroke="${INK}"/>`;
    if (shown.has(i)) body += text(bx, y + 32, labels[i]!, { 'text-anchor': i === 0 ? 'start' : 'middle', 'font-size': FONT.small });
  });
  const ndx = pad + SEQUENTIAL.length * box + 14;
  body += `<rect x="${r(ndx)}" y="${r(y)}" width="20" height="14" fill="url(#${noData})" stroke="${NO_DATA_HATCH}" stroke-dasharray="3 2"/>`;
  body += text(ndx + 24, y + 7, C.none, { 'dominant-baseline': 'central', 'font-size': FONT.small });
  body += '</g>\n';
  const height = y + 36 + pad;

  const withData = tiles.filter((t) => t.value !== undefined);
  const desc =
    opts.desc ??
    C.tilemap.desc(layout.tiles.length, opts.measure, opts.unit, withData.length) +
      (withData.length > 0 ? `：${withData.map((t) => `${t.tile.name}${fullText(t.value!, opts.unit)}`).join('，')}` : '') +
      C.tilemap.descRest;
  return frame({ id, kind: 'tilemap', width, height, title: opts.title ?? DEFAULT_TITLE, desc, defs, body });
}

/** The numbers of `provinceTileMap`: every tile, by code; blank value = 无数据. */
export function provinceTileMapTable(values: ProvinceValues, opts: Pick<ProvinceTileMapOptions, 'title' | 'measure' | 'unit' | 'layout'>): ChartTable {
  const rows = tileValues(values, opts)
    .map(({ tile, value }: { tile: Tile; value: number | undefined }) => ({ code: tile.code, name: tile.name, value }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'code', label: C.col.code, numeric: false },
      { key: 'name', label: C.col.province, numeric: false },
      { key: 'value', label: opts.measure, unit: opts.unit, numeric: true },
    ],
    rows,
  };
}
