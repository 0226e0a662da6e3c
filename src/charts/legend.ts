/** A legend of swatches that flows left to right and wraps within the chart's width. */
import { FONT, escapeXml, lineHeight, r, text, textWidth, wrapText } from './svg.ts';

export interface LegendItem {
  label: string;
  fill: string;
  stroke?: string;
  /** Custom swatch markup drawn in a 14×14 box at (0,0), e.g. a line marker. */
  swatch?: string;
}

const SW = 14;

/** The legend from (x, y): items side by side while they fit, a label longer than the width wrapped. */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): { markup: string; height: number } {
  const room = width - SW - 4;
  let cx = x;
  let cy = y;
  let rowBottom = y + SW;
  let out = '<g class="legend">';
  for (const it of items) {
    const lines = wrapText(it.label, room, FONT.small);
    let tw = 0;
    for (const l of lines) tw = Math.max(tw, textWidth(l, FONT.small));
    const w = SW + 4 + tw + 12;
    if (cx > x && cx + w - 12 > x + width) {
      cx = x;
      cy = rowBottom + 4;
    }
    const sw = it.swatch ?? `<rect width="${SW}" height="${SW}" fill="${it.fill}"${it.stroke ? ` stroke="${escapeXml(it.stroke)}" stroke-width="1.5"` : ''}/>`;
    out += `<g transform="translate(${r(cx)},${r(cy)})">${sw}</g>`;
    lines.forEach((l, i) => {
      out += text(cx + SW + 4, cy + SW / 2 + i * lineHeight(FONT.small), l, { 'font-size': FONT.small, 'dominant-baseline': 'central' });
    });
    rowBottom = Math.max(rowBottom, cy + SW + (lines.length - 1) * lineHeight(FONT.small));
    cx += w;
    if (lines.length > 1) {
      cx = x;
      cy = rowBottom + 4;
    }
  }
  out += '</g>\n';
  return { markup: out, height: rowBottom - y };
}
