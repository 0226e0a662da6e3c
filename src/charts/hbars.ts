/**
 * Rows of horizontal bars with direct labels, the layout most charts here share: long Chinese
 * names need the width, and a label on every bar keeps the chart readable without colour.
 * Labels sit left of the bars when they are short, above them when they are long.
 */
import { scaleLinear } from 'd3';
import { FONT, GRID, INK, LINK, MUTED, attrs, emptyNotice, escapeXml, r, text, textWidth } from './svg.ts';
import { TRACK_COLOUR } from './palette.ts';

export interface HBar {
  /** Length; undefined draws no bar, only `valueText` (for unknown values). */
  value: number | undefined;
  /** Printed after the bar, with its unit. */
  valueText: string;
  /** Fill: a colour or `url(#pattern)`. */
  fill: string;
  stroke?: string;
  /** Tooltip text (`data-tip`), shown by the page's script; the chart is complete without it. */
  tip: string;
  /** Extra class on the mark, e.g. the status it stands for. */
  className?: string;
}

export interface HBarGroup {
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
  return Math.max(0, ...groups.map((g) => textWidth(g.label))) > width * 0.25;
}

const BAR_H = 16;
const BAR_GAP = 3;
const GROUP_GAP = 10;

/** Markup and height of the bar rows. */
export function hbarRows(groups: readonly HBarGroup[], o: HBarLayout): { markup: string; height: number } {
  if (groups.length === 0) return { markup: emptyNotice(o.x, o.y) + '\n', height: FONT.label + 4 };
  const labelW = Math.max(0, ...groups.map((g) => textWidth(g.label)));
  const above = o.labelsAbove ?? labelsAbove(groups, o.width);
  const valueW = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => textWidth(b.valueText, FONT.small)))) + 6;
  const barX = above ? o.x : o.x + labelW + 8;
  const barW = Math.max(40, o.x + o.width - valueW - barX);
  const max = Math.max(o.max ?? 0, ...groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([0, barW]);

  let y = o.y;
  let out = '';
  for (const g of groups) {
    const barsH = g.bars.length * BAR_H + (g.bars.length - 1) * BAR_GAP;
    const link = g.href ? { fill: LINK, 'text-decoration': 'underline' } : {};
    let label: string;
    if (above) {
      label = text(o.x, y + FONT.label, g.label, { 'font-weight': 600, ...link });
      y += FONT.label + 6;
    } else {
      label = text(o.x + labelW, y + barsH / 2, g.label, { 'text-anchor': 'end', 'dominant-baseline': 'central', ...link });
    }
    out += `<g class="bar-group">${g.href ? `<a${attrs({ href: g.href, 'aria-label': `${g.label}：${g.bars.map((b) => b.valueText).join('，')}` })}>${label}</a>` : label}`;
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
    out += `</g>\n`;
    y += barsH + GROUP_GAP;
  }
  if (!above && groups.length > 0) out += `<line x1="${r(barX)}" x2="${r(barX)}" y1="${r(o.y - 2)}" y2="${r(y - GROUP_GAP + 2)}" stroke="${GRID}"/>\n`;
  return { markup: out, height: y - GROUP_GAP - o.y };
}
