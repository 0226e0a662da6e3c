/**
 * SVG markup as strings, without a DOM: escaping, rounding, the accessible frame every chart
 * shares, and a text-width estimate for layout. Every text that comes from data goes through
 * `escapeXml`; every coordinate goes through `r`.
 */

import { escapeXml } from '../text/escape.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

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

/**
 * Phones. A chart's SVG scales with its box (width 100%), so its text is as large as its font size
 * times box width / viewBox width. On a 375 px phone the narrowest box a chart gets is about
 * 300 px (the page's padding, then a card's), and text must never render under 12 px there.
 */
export const MIN_BOX_PX = 300;
export const MIN_TEXT_PX = 12;
/** The smallest font size, in viewBox units, that a chart `width` units wide may use. */
export const minFontSize = (width: number): number => (MIN_TEXT_PX * width) / MIN_BOX_PX;

/**
 * Font sizes in viewBox units. At the default width (340) the smallest (14) renders at 12.4 px in
 * a 300 px box and 14.1 px in a 343 px one; `test/unit/charts.test.ts` checks every chart.
 */
export const FONT = { title: 17, heading: 15, label: 15, small: 14 } as const;
export const FONT_FAMILY = "system-ui, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Options every chart takes. */
export interface BaseOptions {
  /** Prefix of every id in the chart (title, desc, patterns); letters, digits, "-" and "_". */
  id: string;
  /** Accessible name, shown as the chart's `<title>`; each chart has a Chinese default. */
  title?: string;
  /** Longer description for screen readers; each chart writes one from its data by default. */
  desc?: string;
  /**
   * Width of the viewBox; the chart scales to its container (width 100%). Default 340: see
   * `MIN_BOX_PX` before making it wider, since text shrinks with it on phones.
   */
  width?: number;
}

export const DEFAULT_WIDTH = 340;

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Checks the `id` option; ids end up in `id` and `url(#…)` references. */
export function checkId(id: string): string {
  if (!ID.test(id)) {
    throw new Error(C.badId(id));
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
 * Height, in viewBox units, past which a chart with many panels stops adding them and says what
 * it left out (the table keeps every number): about 1,000 px, a screen and a half, on a phone.
 */
export const TALL = 1000;

/** Space around a chart's content, in viewBox units. */
export const PAD = 8;

/** Height of one line of text at `fontSize`. */
export const lineHeight = (fontSize: number): number => Math.round(fontSize * 1.35);

/**
 * Splits `s` into lines no wider than `width` (by `textWidth`). Chinese breaks between any two
 * characters; a run of Latin letters, digits and number punctuation (2025, 12.5%, ABC-1) stays whole.
 */
export function wrapText(s: string, width: number, fontSize: number = FONT.label): string[] {
  const tokens = s.match(/[A-Za-z0-9.,:%+\-/]+|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line.trim() !== '' && !/^\s+$/.test(tok) && textWidth(line + tok, fontSize) > width) {
      // Closing punctuation never starts a line: it takes the character before it along.
      const carry = CLOSING.test(tok) && line.length > 1 ? line.slice(-1) : '';
      lines.push(line.slice(0, line.length - carry.length).trimEnd());
      line = carry + tok;
      continue;
    }
    line += tok;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trim());
  return lines;
}
const CLOSING = /^[，。、；：！？）》」』”’]$/;

/** Lines of wrapped text from (x, y), the first baseline one line below `y`; its markup and height. */
export function textBlock(
  x: number, y: number, s: string, width: number, fontSize: number, a: Readonly<Record<string, string | number | undefined>> = {},
): { markup: string; height: number } {
  const lh = lineHeight(fontSize);
  const lines = wrapText(s, width, fontSize);
  const markup = lines.map((l, i) => text(x, y + fontSize + i * lh, l, { 'font-size': fontSize, ...a })).join('');
  return { markup, height: (lines.length - 1) * lh + fontSize + 4 };
}

/** A note under or inside a chart (what is left out, where the rest is): small, muted, wrapped. */
export function note(x: number, y: number, s: string, width: number): { markup: string; height: number } {
  const b = textBlock(x, y, s, width, FONT.small, { fill: MUTED, class: 'note' });
  return { markup: `<g class="chart-note">${b.markup}</g>\n`, height: b.height };
}

/**
 * The outer `<svg>`: its visible title on top (wrapped to the width), then `body`, drawn from
 * y = 0 by the chart and moved down under the title here. `kind` names the chart in a class so
 * pages can style or find it.
 *
 * Accessible name and description: `<title>` (the same words as the visible title, which is hidden
 * from screen readers so they do not hear it twice) and `<desc>`, which every chart writes from its
 * numbers. The role is `img`, except for a chart with links (tile map, region bars): an `img`'s
 * children are presentational, so links inside it would be unreachable for screen readers (axe:
 * nested-interactive). Such a chart is a `group` named the same way, and each link carries an
 * `aria-label` with its numbers.
 */
export function frame(o: { id: string; kind: string; width: number; height: number; title: string; desc: string; defs?: string; body: string }): string {
  const { id } = o;
  const role = /<a\s/.test(o.body) ? 'group' : 'img';
  const heading = textBlock(PAD, PAD - 4, o.title, o.width - 2 * PAD, FONT.title, { 'font-weight': 700 });
  const top = heading.height + 4;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart chart-${o.kind}" viewBox="0 0 ${r(o.width)} ${r(o.height + top)}"` +
    ` width="100%" role="${role}" aria-labelledby="${id}-title" aria-describedby="${id}-desc"` +
    ` font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT.label}" fill="${INK}">\n` +
    `<title id="${id}-title">${escapeXml(o.title)}</title>\n` +
    `<desc id="${id}-desc">${escapeXml(o.desc)}</desc>\n` +
    (o.defs ? `<defs>${o.defs}</defs>\n` : '') +
    `<g class="chart-title" aria-hidden="true">${heading.markup}</g>\n` +
    `<g class="chart-body" transform="translate(0,${r(top)})">\n` +
    o.body +
    `</g>\n</svg>\n`
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

/** "No data", on the line below `y`, where a chart has nothing to draw. */
export const emptyNotice = (x: number, y: number): string => text(x, y + FONT.label, C.noData, { fill: MUTED });

/** A panel's title from `y` down, wrapped to `width`: its markup and height. */
export function panelHeading(x: number, y: number, title: string, width: number): { markup: string; height: number } {
  const b = textBlock(x, y, title, width, FONT.heading, { 'font-weight': 700 });
  return { markup: `${b.markup}\n`, height: b.height };
}

/** Opens the panel of one capacity unit: its group and its heading 已淘汰产能（unit）. */
export function capacityPanel(x: number, y: number, unit: string, width: number): { markup: string; height: number } {
  const h = panelHeading(x, y, C.eliminatedPanel(unit), width);
  return { markup: `<g${attrs({ class: 'panel', 'data-unit': unit })}>\n${h.markup}`, height: h.height };
}

/**
 * Estimated width of a text in viewBox units: CJK and full-width characters are one em, digits
 * and Latin letters a bit over half. Layout only needs it to be a little generous; the browser
 * test (test/e2e/charts.test.ts) checks the estimate against the real rendering.
 */
export function textWidth(s: string, fontSize: number = FONT.label): number {
  let em = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 && c <= 0xffef && !(c >= 0xff61 && c <= 0xffdc)) em += 1;
    else if (ch === ' ' || ch === '.' || ch === ',' || ch === ':' || ch === '·') em += 0.32;
    else if (ch === '%' || ch === 'W' || ch === 'M' || ch === 'm' || ch === '³') em += 0.95;
    else if (ch === '…') em += 1;
    else if (ch === '–' || ch === '—') em += 0.6;
    // Digits and Latin letters: 0.55–0.64 em in the fonts readers have (DejaVu Sans, Noto Sans, PingFang).
    else em += 0.64;
  }
  return em * fontSize;
}
