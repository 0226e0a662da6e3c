/**
 * Rows of horizontal bars with direct labels, the layout most charts here share: long Chinese
 * names need the width, and a label on every bar keeps the chart readable without colour.
 * Labels sit left of the bars when they are short, above them when they are long.
 *
 * A bar's length means something only against other bars on the same scale. Where the scale comes
 * from the data and at most one bar has a value, the rows are written as sentences instead
 * ("2025年 已淘汰8万吨"): a lone bar would fill the width and say nothing.
 */
import { scaleLinear } from 'd3';
import { FONT, GRID, INK, LINK, MUTED, attrs, emptyNotice, escapeXml, r, text, textBlock, textWidth } from './svg.ts';
import { TRACK_COLOUR } from './palette.ts';

export interface HBar {
  /** Length; undefined draws no bar, only `valueText` (for unknown values). */
  value: number | undefined;
  /** Printed after the bar, with its unit. */
  valueText: string;
  /** Printed instead of `valueText` when the rows are sentences: it must say what the value is. Default `valueText`. */
  sentence?: string;
  /** Fill: a colour or `url(#pattern)`. */
  fill: string;
  stroke?: string;
  /** Tooltip text (`data-tip`), shown by the page's script; the chart is complete without it. */
  tip: string;
  /** Extra class on the mark, e.g. the status it stands for. */
  className?: string;
}

export interface HBarGroup {
  /** The row's label; for a row without bars, the whole row's text (a muted note such as "……另有12个"). */
  label: string;
  /** Link of the label, e.g. a region page. */
  href?: string | undefined;
  bars: HBar[];
}

export interface HBarLayout {
  x: number;
  y: number;
  width: number;
  /** Upper end of the scale; at least the largest value. */
  max?: number;
  /** Draw a light 0–max track behind each bar (for percentages). */
  track?: boolean;
  /** Force labels above the bars (default: above only when a label is too long for the left). */
  labelsAbove?: boolean;
}

/** Whether labels go above the bars: when the longest would take over a quarter of the width. */
export function labelsAbove(groups: readonly Pick<HBarGroup, 'label'>[], width: number): boolean {
  let longest = 0;
  for (const g of groups) longest = Math.max(longest, textWidth(g.label));
  return longest > width * 0.25;
}

/** Height of a bar: thick enough for its label, never more, however few bars there are. */
export const BAR_H = 18;
const BAR_GAP = 3;
const GROUP_GAP = 10;

/** Whether these rows are written as sentences rather than bars (see the module comment). */
export function asSentences(groups: readonly HBarGroup[], o: Pick<HBarLayout, 'max' | 'track'>): boolean {
  if (o.max !== undefined || o.track) return false;
  let known = 0;
  for (const g of groups) for (const b of g.bars) if (b.value !== undefined) known++;
  return known <= 1;
}

/** Markup and height of the bar rows. */
export function hbarRows(groups: readonly HBarGroup[], o: HBarLayout): { markup: string; height: number } {
  if (groups.length === 0) return { markup: emptyNotice(o.x, o.y) + '\n', height: FONT.label + 4 };
  const rows = groups.filter((g) => g.bars.length > 0);
  let labelW = 0;
  let valueW = 0;
  let max = o.max ?? 0;
  for (const g of rows) {
    labelW = Math.max(labelW, textWidth(g.label));
    for (const b of g.bars) {
      valueW = Math.max(valueW, textWidth(b.valueText, FONT.small));
      max = Math.max(max, b.value ?? 0);
    }
  }
  valueW += 6;
  const sentences = asSentences(groups, o);
  const above = o.labelsAbove ?? labelsAbove(rows, o.width);
  const barX = above ? o.x : o.x + labelW + 8;
  const barW = Math.max(40, o.x + o.width - valueW - barX);
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([0, barW]);

  let y = o.y;
  let out = '';
  for (const g of groups) {
    if (g.bars.length === 0) {
      const b = textBlock(o.x, y - 2, g.label, o.width, FONT.small, { fill: MUTED });
      out += `<g class="bar-gap">${b.markup}</g>\n`;
      y += b.height + GROUP_GAP - 4;
      continue;
    }
    const link = g.href ? { fill: LINK, 'text-decoration': 'underline' } : {};
    let label = '';
    if (above) {
      const b = textBlock(o.x, y - 3, g.label, o.width, FONT.label, { 'font-weight': 600, ...link });
      label = b.markup;
      y += b.height + 1;
    }
    // A sentence's first line sits where a bar's label would be centred.
    const said = sentences ? textBlock(barX, y - 1, g.bars.map((b) => b.sentence ?? b.valueText).join('，'), o.x + o.width - barX, FONT.label, { class: 'sentence' }) : undefined;
    const barsH = said ? Math.max(BAR_H, said.height) : g.bars.length * BAR_H + (g.bars.length - 1) * BAR_GAP;
    if (!above) label = text(o.x + labelW, y + (said ? BAR_H / 2 : barsH / 2), g.label, { 'text-anchor': 'end', 'dominant-baseline': 'central', ...link });
    out += `<g class="bar-group">${g.href ? `<a${attrs({ href: g.href, 'aria-label': `${g.label}：${g.bars.map((b) => b.valueText).join('，')}` })}>${label}</a>` : label}`;
    if (said) {
      out += said.markup;
    } else {
      g.bars.forEach((b, i) => {
        const by = y + i * (BAR_H + BAR_GAP);
        if (o.track) out += `<rect x="${r(barX)}" y="${r(by)}" width="${r(barW)}" height="${BAR_H}" fill="${TRACK_COLOUR}"/>`;
        const w = b.value === undefined ? 0 : x(b.value);
        if (b.value !== undefined) {
          out += `<rect${attrs({ class: b.className ? `mark ${b.className}` : 'mark' })} x="${r(barX)}" y="${r(by)}" width="${r(Math.max(w, b.value > 0 ? 1 : 0))}" height="${BAR_H}" fill="${b.fill}"${b.stroke ? ` stroke="${b.stroke}" stroke-width="1.5"` : ''} data-tip="${escapeXml(b.tip)}"/>`;
        }
        const tx = barX + (o.track ? barW : w) + 4;
        out += text(tx, by + BAR_H / 2, b.valueText, { 'font-size': FONT.small, 'dominant-baseline': 'central', fill: b.value === undefined ? MUTED : INK });
      });
    }
    out += `</g>\n`;
    y += barsH + GROUP_GAP;
  }
  if (!above && !sentences && rows.length > 0) out += `<line x1="${r(barX)}" x2="${r(barX)}" y1="${r(o.y - 2)}" y2="${r(y - GROUP_GAP + 2)}" stroke="${GRID}"/>\n`;
  return { markup: out, height: y - GROUP_GAP - o.y };
}

/**
 * The rows a tall chart draws: all of them when there are at most `head + tail + 1`, else the
 * first `head`, a muted row saying how many are left out, and the last `tail`. The full list stays
 * in the table beside the chart.
 */
export function summarise<T>(list: readonly T[], head: number, tail: number, gap: (left: number) => HBarGroup, row: (x: T) => HBarGroup): HBarGroup[] {
  if (list.length <= head + tail + 1) return list.map(row);
  return [...list.slice(0, head).map(row), gap(list.length - head - tail), ...list.slice(list.length - tail).map(row)];
}
