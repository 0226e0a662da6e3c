/**
 * Where a chart's texts fall, estimated from its markup the way the charts lay themselves out
 * (`textWidth`), so a unit test can say that no label collides with another or leaves the chart.
 * The browser test (test/e2e/charts.test.ts) checks the same with the real glyphs.
 */
import { FONT, textWidth } from '../../src/charts/svg.ts';

export interface TextBox { text: string; x0: number; x1: number; y0: number; y1: number }

const TOKEN = /<(text)\b([^>]*)>([^<]*)<\/text>|<\/(g|a)>|<(g|a)\b([^>]*?)(\/?)>/g;
const attr = (a: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(a)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The box of every `<text>`, in viewBox units, with the translations of the groups around it. */
export function textBoxes(svg: string): TextBox[] {
  const rootSize = Number(attr(/^<svg[^>]*>/.exec(svg)![0], 'font-size') ?? FONT.label);
  const stack: [number, number][] = [[0, 0]];
  const out: TextBox[] = [];
  for (const m of svg.matchAll(TOKEN)) {
    if (m[4]) {
      stack.pop();
      continue;
    }
    if (m[5]) {
      const [dx, dy] = stack[stack.length - 1]!;
      const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(attr(m[6]!, 'transform') ?? '');
      if (!m[7]) stack.push(t ? [dx + Number(t[1]), dy + Number(t[2])] : [dx, dy]);
      continue;
    }
    const a = m[2]!;
    const content = unescape(m[3]!);
    if (content.trim() === '') continue;
    const [dx, dy] = stack[stack.length - 1]!;
    const size = Number(attr(a, 'font-size') ?? rootSize);
    const x = Number(attr(a, 'x')) + dx;
    const y = Number(attr(a, 'y')) + dy;
    const w = textWidth(content, size);
    const anchor = attr(a, 'text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const central = attr(a, 'dominant-baseline') === 'central';
    out.push({ text: content, x0, x1: x0 + w, y0: central ? y - size / 2 : y - 0.88 * size, y1: central ? y + size / 2 : y + 0.12 * size });
  }
  return out;
}

/** Pairs of boxes that overlap by more than half a unit each way. */
export function overlaps(boxes: readonly TextBox[]): [TextBox, TextBox][] {
  const out: [TextBox, TextBox][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) out.push([a, b]);
    }
  }
  return out;
}
