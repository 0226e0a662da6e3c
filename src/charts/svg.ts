/**
 * SVG markup as strings, without a DOM: escaping, rounding, the accessible frame every chart
 * shares, and a text-width estimate for layout. Every text that comes from data goes through
 * `escapeXml`; every coordinate goes through `r`.
 */

import { escapeXml } from '../text/escape.ts';

export { escapeXml };

/** A coordinate rounded to one decimal, as text, so the same data gives the same bytes. */
export function r(n: number): string {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? '0' : String(v);
}

/** Colours of text and axes; the same ink as the site's stylesheet. */
export const INK = '#1b1b1b';
export const MUTED = '#555555';
export const GRID = '#d0d0d0';
/** Colour of linked labels: the site's link colour. */
export const LINK = '#0b5cad';

/** Font sizes in viewBox units; at the default width (360) the smallest is 11.6px on a 320px screen. */
export const FONT = { title: 15, label: 14, small: 13 } as const;
export const FONT_FAMILY = "system-ui, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Options every chart takes. */
export interface BaseOptions {
  /** Prefix of every id in the chart (title, desc, patterns); letters, digits, "-" and "_". */
  id: string;
  /** Accessible name, shown as the chart's `<title>`; each chart has a Chinese default. */
  title?: string;
  /** Longer description for screen readers; each chart writes one from its data by default. */
  desc?: string;
  /** Width of the viewBox; the chart scales to its container (width 100%). Default 360. */
  width?: number;
}

export const DEFAULT_WIDTH = 360;

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Checks the `id` option; ids end up in `id` and `url(#…)` references. */
export function checkId(id: string): string {
  if (!ID.test(id)) {
    throw new Error(`图表 id「${id}」无效：id 须以字母开头，只含字母、数字、“-”或“_”。请改用如 "region-110000-status" 的 id。`);
  }
  return id;
}

/** Attributes as ` k="v"`, escaped, skipping undefined values, in the given order. */
export function attrs(a: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${escapeXml(v)}"`;
  return out;
}

/** A `<text>` element; `content` is escaped here. */
export function text(x: number, y: number, content: string, a: Readonly<Record<string, string | number | undefined>> = {}): string {
  return `<text x="${r(x)}" y="${r(y)}"${attrs(a)}>${escapeXml(content)}</text>`;
}

/**
 * The outer `<svg>` with its accessible name and description. `body` is markup already built
 * by the chart; `kind` names the chart in a class so pages can style or find it.
 *
 * The role is `img`, except for a chart with links (tile map, region bars): an `img`'s children
 * are presentational, so links inside it would be unreachable for screen readers (axe:
 * nested-interactive). Such a chart is a `group` named the same way, and each link carries an
 * `aria-label` with its numbers.
 */
export function frame(o: { id: string; kind: string; width: number; height: number; title: string; desc: string; defs?: string; body: string }): string {
  const { id } = o;
  const role = /<a\s/.test(o.body) ? 'group' : 'img';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart chart-${o.kind}" viewBox="0 0 ${r(o.width)} ${r(o.height)}"` +
    ` width="100%" role="${role}" aria-labelledby="${id}-title ${id}-desc"` +
    ` font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT.label}" fill="${INK}">\n` +
    `<title id="${id}-title">${escapeXml(o.title)}</title>\n` +
    `<desc id="${id}-desc">${escapeXml(o.desc)}</desc>\n` +
    (o.defs ? `<defs>${o.defs}</defs>\n` : '') +
    o.body +
    `</svg>\n`
  );
}

/** A diagonal hatch pattern (for targets, no-data tiles): `stroke` lines on `fill`. */
export function hatchPattern(id: string, stroke: string, fill = 'none', size = 6): string {
  return (
    `<pattern id="${id}" width="${size}" height="${size}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    (fill === 'none' ? '' : `<rect width="${size}" height="${size}" fill="${fill}"/>`) +
    `<line x1="0" y1="0" x2="0" y2="${size}" stroke="${stroke}" stroke-width="2"/></pattern>`
  );
}

/**
 * Estimated width of a text in viewBox units: CJK and full-width characters are one em, digits
 * and Latin letters a bit over half. Layout only needs it to be a little generous.
 */
/** "No data", on the line below `y`, where a chart has nothing to draw. */
export const emptyNotice = (x: number, y: number): string => text(x, y + FONT.label, '暂无数据', { fill: MUTED });

/** A panel's title, on the line below `y`. */
export const panelHeading = (x: number, y: number, title: string): string => `${text(x, y + FONT.title, title, { 'font-size': FONT.title, 'font-weight': 700 })}\n`;

/** Opens the panel of one capacity unit: its group and its heading 已淘汰产能（unit）. */
export const capacityPanel = (x: number, y: number, unit: string): string =>
  `<g${attrs({ class: 'panel', 'data-unit': unit })}>\n${panelHeading(x, y, `已淘汰产能（${unit}）`)}`;

export function textWidth(s: string, fontSize: number = FONT.label): number {
  let em = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 && c <= 0xffef && !(c >= 0xff61 && c <= 0xffdc)) em += 1;
    else if (ch === ' ' || ch === '.' || ch === ',' || ch === ':' || ch === '·') em += 0.32;
    else if (ch === '%' || ch === 'W' || ch === 'M' || ch === 'm' || ch === '³') em += 0.9;
    else if (ch === '–' || ch === '—') em += 0.6;
    else em += 0.6;
  }
  return em * fontSize;
}
