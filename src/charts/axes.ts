/** Axes drawn as plain lines and text: horizontal gridlines with tick labels, year labels. */
import type { ScaleLinear } from 'd3';
import { formatNumber } from './number.ts';
import { FONT, GRID, INK, MUTED, r, text, textWidth } from './svg.ts';

/** Gridlines across [x0, x1] at the scale's ticks, labels right-aligned left of x0, unit on top. */
export function yGrid(y: ScaleLinear<number, number>, x0: number, x1: number, unit: string, ticks = 4): string {
  let out = '<g class="axis y">';
  for (const t of y.ticks(ticks)) {
    out += `<line x1="${r(x0)}" x2="${r(x1)}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${t === 0 ? INK : GRID}"/>`;
    out += text(x0 - 4, y(t), formatNumber(t), { 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': FONT.small, fill: MUTED });
  }
  const top = y.range()[1]!;
  out += text(x0 - 4, top - 12, unit, { 'text-anchor': 'end', 'font-size': FONT.small, fill: MUTED });
  return `${out}</g>\n`;
}

/** Room the tick labels of `y` need left of the plot. */
export function yGridWidth(y: ScaleLinear<number, number>, unit: string, ticks = 4): number {
  return Math.max(textWidth(unit, FONT.small), ...y.ticks(ticks).map((t) => textWidth(formatNumber(t), FONT.small))) + 8;
}

/** Year labels under the plot at `xs`; every n-th when they would touch. */
export function yearLabels(years: readonly number[], xOf: (year: number) => number, step: number, y: number): string {
  const w = textWidth('2025', FONT.small) + 6;
  const every = Math.max(1, Math.ceil(w / Math.max(step, 1)));
  let out = '<g class="axis x">';
  years.forEach((yr, i) => {
    if (i % every === 0 || i === years.length - 1) out += text(xOf(yr), y, String(yr), { 'text-anchor': 'middle', 'font-size': FONT.small, fill: MUTED });
  });
  return `${out}</g>\n`;
}
