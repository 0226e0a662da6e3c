/**
 * Charts as a reader sees them, in Chromium at 375 and 1280 px: every edge case of every chart
 * (test/unit/charts-cases.ts) in the site's stylesheet, and the charts on the sample site's pages.
 * No text renders under 12 px, no two texts overlap, none leaves its chart, and the page never
 * scrolls sideways. Screenshots go to test/.tmp/charts/ for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SITES } from '../site/global-setup.ts';
import { CHART_CASES } from '../unit/charts-cases.ts';
import { MIN_BOX_PX, MIN_TEXT_PX } from '../../src/charts/svg.ts';
import { browseSite } from './session.ts';
import { listFiles } from '../site/helpers.ts';

const SHOTS = join(ROOT, 'test/.tmp/charts');
mkdirSync(SHOTS, { recursive: true });
const CSS = readFileSync(join(ROOT, 'src/styles/site.css'), 'utf8');

interface Found { chart: string; problem: string }

/**
 * Measures every chart on the page: each text's rendered font size (its font size in user units
 * times the chart's scale on screen), its box (the glyphs' advance from getBoundingClientRect,
 * one em tall around its centre, which is where CJK glyphs and digits fall) against every other
 * text's box and against the chart's own box.
 */
function measure(page: Page): Promise<{ problems: Found[]; charts: number; texts: number; scrollX: number }> {
  return page.evaluate(({ minPx }) => {
    const problems: { chart: string; problem: string }[] = [];
    let texts = 0;
    const svgs = [...document.querySelectorAll<SVGSVGElement>('svg.chart')];
    for (const svg of svgs) {
      const chart = svg.id;
      const frame = svg.getBoundingClientRect();
      const boxes: { s: string; x0: number; x1: number; y0: number; y1: number }[] = [];
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const s = t.textContent ?? '';
        if (s.trim() === '') continue;
        texts++;
        const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
        if (px < minPx - 0.05) problems.push({ chart, problem: `"${s}" renders at ${px.toFixed(1)} px` });
        const r = t.getBoundingClientRect();
        const cy = (r.top + r.bottom) / 2;
        const box = { s, x0: r.left, x1: r.right, y0: cy - px / 2, y1: cy + px / 2 };
        if (box.x0 < frame.left - 1 || box.x1 > frame.right + 1 || box.y0 < frame.top - 1 || box.y1 > frame.bottom + 1) problems.push({ chart, problem: `"${s}" leaves the chart` });
        for (const o of boxes) {
          if (Math.min(o.x1, box.x1) - Math.max(o.x0, box.x0) > 1 && Math.min(o.y1, box.y1) - Math.max(o.y0, box.y0) > 1) problems.push({ chart, problem: `"${o.s}" overlaps "${s}"` });
        }
        boxes.push(box);
      }
    }
    return { problems, charts: svgs.length, texts, scrollX: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  }, { minPx: MIN_TEXT_PX });
}

/** Every case of every chart, in a narrowest box, a phone's page width and a desktop's. */
function gallery(): string {
  const figures = Object.entries(CHART_CASES).map(([name, render]) => `<figure class="chart" data-case="${name}">${render()[0].replace(/id="([^"]+)"/g, `id="${name}-$1"`).replace(/(aria-labelledby|aria-describedby)="([^"]+)"/g, `$1="${name}-$2"`).replace(/url\(#/g, `url(#${name}-`)}</figure>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>charts</title><style>${CSS}
    .narrow { width: ${MIN_BOX_PX}px; }</style></head><body><main><h1>charts</h1><div class="narrow">${figures.join('')}</div>${figures.join('').replace(/id="/g, 'id="w-').replace(/(aria-labelledby|aria-describedby)="/g, '$1="w-').replace(/url\(#/g, 'url(#w-')}</main></body></html>`;
}

/** For each kind of chart, the first page of the site that shows it (embed pages aside). */
function pagesWithEachKind(site: string): string[] {
  const pages = listFiles(site).filter((f) => f.endsWith('index.html') && !f.startsWith('embed/'));
  const found = new Map<string, string>();
  for (const f of pages) {
    for (const m of readFileSync(join(site, f), 'utf8').matchAll(/class="chart chart-([a-z-]+)"/g)) if (!found.has(m[1]!)) found.set(m[1]!, `/${f.replace(/index\.html$/, '')}`);
  }
  return [...new Set(found.values())].sort();
}

describe.each([375, 1280])('charts at %i px', (width) => {
  const session = browseSite(SITES.sample.out);

  test('every case of every chart renders its text at 12 px or more, with no two texts overlapping and none outside its chart', async () => {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(gallery());
    const { problems, charts, texts, scrollX } = await measure(page);
    await page.screenshot({ path: join(SHOTS, `gallery-${width}.png`), fullPage: true });
    await page.close();
    expect(charts).toBe(2 * Object.keys(CHART_CASES).length);
    expect(texts).toBeGreaterThan(500);
    expect(problems).toEqual([]);
    expect(scrollX).toBe(0);
  });

  test.each(pagesWithEachKind(SITES.sample.out))('a reader of %s sees every chart at 12 px or more, its labels apart', async (path) => {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(session.origin + path);
    const { problems, charts, scrollX } = await measure(page);
    await page.screenshot({ path: join(SHOTS, `${path.replace(/\W+/g, '_')}-${width}.png`), fullPage: true });
    await page.close();
    expect(charts).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(scrollX).toBe(0);
  });
});

test('the measure finds text that is too small or overlaps', async () => {
  const session = { browser: await (await import('../../tools/browser.ts')).launch() };
  const page = await session.browser.newPage({ viewport: { width: 375, height: 600 } });
  await page.setContent(`<style>${CSS}</style><main><svg class="chart" id="bad" viewBox="0 0 340 60" width="100%"><text x="10" y="30" font-size="10">2024</text><text x="30" y="30" font-size="14">2025</text></svg></main>`);
  const { problems } = await measure(page);
  await session.browser.close();
  expect(problems.map((p) => p.problem)).toEqual([expect.stringMatching(/"2024" renders at \d/), '"2024" overlaps "2025"']);
});
