/** A legend of swatches that flows left to right and wraps within the chart's width. */
import { FONT, escapeXml, r, text, textWidth } from './svg.ts';

export interface LegendItem {
  label: string;
  fill: string;
  stroke?: string;
  /** Custom swatch markup drawn in a 14×14 box at (0,0), e.g. a line marker. */
  swatch?: string;
}

const SW = 14;

export function legend(items: readonly LegendItem[], x: number, y: number, width: number): { markup: string; height: number } {
  let cx = x;
  let cy = y;
  let out = '<g class="legend">';
  for (const it of items) {
    const w = SW + 4 + textWidth(it.label, FONT.small) + 12;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += SW + 8;
    }
    const sw = it.swatch ?? `<rect width="${SW}" height="${SW}" fill="${it.fill}"${it.stroke ? ` stroke="${escapeXml(it.stroke)}" stroke-width="1.5"` : ''}/>`;
    out += `<g transform="translate(${r(cx)},${r(cy)})">${sw}</g>`;
    out += text(cx + SW + 4, cy + SW / 2, it.label, { 'font-size': FONT.small, 'dominant-baseline': 'central' });
    cx += w;
  }
  out += '</g>\n';
  return { markup: out, height: cy + SW - y };
}
