/**
 * Every kind of page as a reader sees it, in Chromium at 375 and 1280 px (one page of each kind
 * from the page registry, and the announcement with the widest table): no table row taller than
 * four lines unless a long-text cell (a note) itself wraps longer, no sideways scrolling of the
 * page, no text rendered under 12 px. Screenshots go to test/.tmp/layout/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SITES } from '../site/global-setup.ts';
import { buildModel } from '../../src/derive/model.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { policySlugs } from '../../src/site/record.ts';
import { onePageOfEachKind } from '../../src/site/routes.ts';
import { launch } from '../../tools/browser.ts';
import { browseSite } from './session.ts';

const SHOTS = join(ROOT, 'test/.tmp/layout');
mkdirSync(SHOTS, { recursive: true });
/** The sample record's widest table: a completion list of 16 columns with a long note. */
const WIDEST = '/announcements/2025-532300-completion/';
export const MIN_TEXT_PX = 12;
export const MAX_ROW_LINES = 4;

function pages(): { name: string; path: string }[] {
  const model = buildModel(validateDataRoot(SITES.sample.data));
  const kinds = onePageOfEachKind({ model, policies: policySlugs(join(ROOT, 'content/policies')) }).map((p) => ({ name: p.kind, path: p.path }));
  return [...kinds, { name: 'announcement-16-columns', path: WIDEST }];
}

export interface Layout { scrollX: number; small: string[]; tall: string[]; rows: number; texts: number }

/**
 * Measures a page: how far it scrolls sideways; every visible text's rendered size (an SVG text's
 * font size times its scale on screen); and every table row's height against four of its lines
 * plus the cells' padding, unless a cell of a long-text column (th.p) is itself that tall.
 */
export function measure(page: Page): Promise<Layout> {
  return page.evaluate(({ minPx, maxLines }) => {
    const small: string[] = [];
    const tall: string[] = [];
    let texts = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.textContent?.trim() ?? '';
      if (s === '') continue;
      const el = n.parentElement!;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not rendered (hidden, folded, closed details)
      if (el.closest('.visually-hidden, .skip')) continue;
      texts++;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const svgText = el.closest('svg') ? (el as unknown as SVGGraphicsElement) : undefined;
      const px = svgText ? size * (svgText.getScreenCTM?.()?.a ?? 1) : size;
      if (px < minPx - 0.05) small.push(`"${s.slice(0, 20)}" at ${px.toFixed(1)} px`);
    }
    let rows = 0;
    for (const table of document.querySelectorAll('table')) {
      if (table.querySelector('[rowspan]')) continue;
      const prose = new Set<number>();
      table.querySelectorAll('thead th').forEach((th, i) => {
        if (th.classList.contains('p')) prose.add(i);
      });
      for (const tr of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
        const h = tr.getBoundingClientRect().height;
        if (h === 0) continue;
        rows++;
        const cells = [...tr.cells];
        const first = getComputedStyle(cells[0]!);
        const line = parseFloat(first.lineHeight);
        const pad = parseFloat(first.paddingTop) + parseFloat(first.paddingBottom);
        if (h <= maxLines * line + pad + 2) continue;
        const proseTall = cells.some((c, i) => {
          if (!prose.has(i)) return false;
          const range = document.createRange();
          range.selectNodeContents(c);
          return range.getBoundingClientRect().height >= h - pad - 2 - line;
        });
        if (!proseTall) tall.push(`${(table.querySelector('caption')?.textContent ?? '').slice(0, 30)}: "${(tr.textContent ?? '').slice(0, 30)}" is ${Math.round(h)} px, ${(h / line).toFixed(1)} lines`);
      }
    }
    return { scrollX: document.documentElement.scrollWidth - document.documentElement.clientWidth, small, tall, rows, texts };
  }, { minPx: MIN_TEXT_PX, maxLines: MAX_ROW_LINES });
}

describe.each([375, 1280])('every kind of page at %i px', (width) => {
  const session = browseSite(SITES.sample.out);

  test.each(pages())('$name ($path): no sideways scroll, no text under 12 px, no row taller than four lines but a note', async ({ name, path }) => {
    const page = await session.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(session.origin + path);
    const found = await measure(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    await page.close();
    // The page rendered (the smallest, the 404 page, has its header, a paragraph and its footer: 18 texts).
    expect(found.texts).toBeGreaterThan(12);
    expect(found.scrollX).toBe(0);
    expect(found.small).toEqual([]);
    expect(found.tall).toEqual([]);
  });
});

test('on a phone, a wide table keeps its key columns and folds the others behind a checkbox', async () => {
  const browser = await launch();
  const { serve } = await import('../../tools/browser.ts');
  const server = await serve(SITES.sample.out);
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    await page.goto(server.origin + WIDEST);
    const visible = () => page.evaluate(() => [...document.querySelectorAll('.tt thead th')].filter((th) => th.getBoundingClientRect().width > 0).map((th) => th.textContent));
    expect(await visible()).toEqual(['企业名称', '状态']);
    await page.check('.tt .all input');
    expect((await visible()).length).toBe(16);
    // On a desktop every column shows and there is nothing to tick.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    expect((await visible()).length).toBe(16);
    expect(await page.isVisible('.tt .all input')).toBe(false);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the measure finds a row grown tall, small text and a page that scrolls sideways', async () => {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 375, height: 600 } });
  await page.setContent(`<body style="margin:0"><table style="width:200px;line-height:20px"><thead><tr><th>a</th><th class="p">note</th></tr></thead><tbody>
    <tr><td style="width:20px">${'长'.repeat(40)}</td><td>x</td></tr>
    <tr><td>ok</td><td>${'长'.repeat(300)}</td></tr></tbody></table><p style="font-size:10px">小字</p><div style="width:600px">wide</div></body>`);
  const found = await measure(page);
  await browser.close();
  expect(found.tall).toHaveLength(1);
  expect(found.tall[0]).toMatch(/长长长/);
  expect(found.small).toEqual(['"小字" at 10.0 px']);
  expect(found.scrollX).toBeGreaterThan(0);
});
