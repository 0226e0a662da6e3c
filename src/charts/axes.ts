/** Axes drawn as plain lines and text: horizontal gridlines with tick labels, year labels. */
import type { ScaleLinear } from 'd3';
import { formatNumber } from './number.ts';
import { FONT, GRID, INK, MUTED, lineHeight, r, text, textWidth } from './svg.ts';

/** Least room between two labels on an axis, in viewBox units. */
export const LABEL_GAP = 6;

/** Ticks of `y`: `count` or fewer, so that their labels stand at least a line apart. */
function yTicks(y: ScaleLinear<number, number>, count: number): number[] {
  const [lo, hi] = y.range() as [number, number];
  for (let n = count; n > 1; n--) {
    const t = y.ticks(n);
    if (t.length < 2 || Math.abs(hi - lo) / (t.length - 1) >= lineHeight(FONT.small)) return t;
  }
  return y.domain();
}

/** Gridlines across [x0, x1] at the scale's ticks, labels right-aligned left of x0, unit on top. */
export function yGrid(y: ScaleLinear<number, number>, x0: number, x1: number, unit: string, ticks = 4): string {
  let out = '<g class="axis y">';
  for (const t of yTicks(y, ticks)) {
    out += `<line x1="${r(x0)}" x2="${r(x1)}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${t === 0 ? INK : GRID}"/>`;
    out += text(x0 - 4, y(t), formatNumber(t), { 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': FONT.small, fill: MUTED });
  }
  const top = y.range()[1]!;
  out += text(x0 - 4, top - 14, unit, { 'text-anchor': 'end', 'font-size': FONT.small, fill: MUTED });
  return `${out}</g>\n`;
}

/** Room the tick labels of `y` need left of the plot. */
export function yGridWidth(y: ScaleLinear<number, number>, unit: string, ticks = 4): number {
  let w = textWidth(unit, FONT.small);
  for (const t of yTicks(y, ticks)) w = Math.max(w, textWidth(formatNumber(t), FONT.small));
  return w + 8;
}

/**
 * Which of `n` evenly spaced labels `step` apart to print so that none touch: every k-th, counted
 * back from the last, so the latest year is always labelled. `k` starts where labels `widest`
 * wide fit and grows while `fits` (given the chosen indices) says they still touch.
 */
export function thinLabels(n: number, step: number, widest: number, fits: (shown: number[]) => boolean = () => true): number[] {
  for (let every = Math.max(1, Math.ceil((widest + LABEL_GAP) / Math.max(step, 1e-9))); ; every++) {
    const out: number[] = [];
    for (let i = n - 1; i >= 0; i -= every) out.unshift(i);
    if (out.length <= 1 || fits(out)) return out;
  }
}

/**
 * Year labels under the plot, centred on `xOf(year)` but kept within [lo, hi]; thinned so that no
 * two touch (the latest always shown).
 */
export function yearLabels(years: readonly number[], xOf: (year: number) => number, step: number, y: number, lo = -Infinity, hi = Infinity): string {
  let widest = 0;
  for (const yr of years) widest = Math.max(widest, textWidth(String(yr), FONT.small));
  const place = (i: number) => {
    const w = textWidth(String(years[i]), FONT.small);
    const x0 = Math.min(Math.max(xOf(years[i]!) - w / 2, lo), hi - w);
    return { yr: years[i]!, x0, x1: x0 + w };
  };
  // Labels pushed inside the chart at either end may come closer to their neighbours.
  const apart = (shown: number[]) => shown.every((i, k) => k === 0 || place(shown[k - 1]!).x1 + LABEL_GAP <= place(i).x0);
  const placed = thinLabels(years.length, step, widest, apart).map(place);
  let out = '<g class="axis x">';
  for (const p of placed) out += text((p.x0 + p.x1) / 2, y, String(p.yr), { 'text-anchor': 'middle', 'font-size': FONT.small, fill: MUTED });
  return `${out}</g>\n`;
}
