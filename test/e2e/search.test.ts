import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SITES } from '../site/global-setup.ts';
import { browseSite } from './session.ts';

const session = browseSite(SITES.basic.out);

async function open(path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(session.origin + path);
  await page.waitForSelector('#search:not([hidden])');
  return page;
}

/** Types a query like a person and waits for the results it produces. */
async function type(page: Page, query: string) {
  await page.fill('#q', query);
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q && !document.getElementById('status')!.textContent!.includes('正在'), query.trim());
}

const resultTitles = (page: Page) => page.$$eval('#results li > a', (as) => as.map((a) => a.textContent ?? ''));

describe('search as citizens search', () => {
  test.each([
    ['水泥股份', '山东示例水泥股份有限公司'],
    ['物资贸易', '淄博示例物资贸易有限公司'],
    ['株冶', '*ST株冶示例集团股份有限公司'],
    ['电石', '咸宁示例电石有限公司'],
  ])('a citizen finds an enterprise by part of its name (%s)', async (query, expected) => {
    const page = await open('/search/');
    await type(page, query);
    expect((await resultTitles(page))[0]).toBe(expected);
    await page.close();
  });

  test('a citizen finds an enterprise by its credit code typed in lower case with spaces', async () => {
    const page = await open('/search/');
    await type(page, '91421202 ma49 abcd xm');
    expect(await page.textContent('#results li.code-hit')).toContain('湖北示例水泥股份有限公司');
    await page.press('#q', 'Enter');
    await page.waitForURL('**/enterprises/91421202MA49ABCDXM/');
    expect(await page.textContent('h1')).toBe('湖北示例水泥股份有限公司');
    await page.close();
  });

  test('a citizen finds equipment, a region, an industry and a document number in another bracket style', async () => {
    const page = await open('/search/');
    await type(page, '高炉');
    expect(await resultTitles(page)).toContain('淄博示例物资贸易有限公司');
    await type(page, '咸安区');
    expect(await resultTitles(page)).toContain('咸安区');
    await type(page, '锌冶炼');
    expect(await resultTitles(page)).toContain('锌冶炼');
    await type(page, '淄工信字[2025]12号');
    expect(await resultTitles(page)).toContain('淄博市2025年淘汰落后产能计划名单');
    await page.close();
  });

  test('filters narrow the results by province and by status', async () => {
    const page = await open('/search/');
    await type(page, '有限公司');
    const all = await resultTitles(page);
    expect(all).toEqual(expect.arrayContaining(['咸宁示例电石有限公司', '淄博示例物资贸易有限公司']));
    await page.selectOption('select[name=province]', '山东省');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('province') === '山东省');
    await page.waitForFunction(() => ![...document.querySelectorAll('#results li > a')].some((a) => a.textContent === '咸宁示例电石有限公司'));
    const shandong = await resultTitles(page);
    expect(shandong).toContain('淄博示例物资贸易有限公司');
    expect(shandong).not.toContain('咸宁示例电石有限公司');
    await page.selectOption('select[name=status]', '已关停');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === '已关停');
    await page.waitForFunction(() => [...document.querySelectorAll('#results li > a')].length === 1);
    expect(await resultTitles(page)).toEqual(['淄博示例物资贸易有限公司']);
    await page.close();
  });

  test('a shared search link reproduces the results', async () => {
    const first = await open('/search/');
    await type(first, '水泥');
    await first.selectOption('select[name=province]', '湖北省');
    await first.waitForFunction(() => new URL(location.href).searchParams.get('province') === '湖北省');
    await first.waitForFunction(() => document.querySelectorAll('#results li').length > 0);
    const shared = first.url();
    const expected = await resultTitles(first);
    await first.close();
    expect(shared).toContain('/search/?q=');
    const second = await open(new URL(shared).pathname + new URL(shared).search);
    await second.waitForFunction((n) => document.querySelectorAll('#results li').length === n, expected.length);
    expect(await resultTitles(second)).toEqual(expected);
    expect(await second.inputValue('#q')).toBe('水泥');
    expect(await second.inputValue('select[name=province]')).toBe('湖北省');
    await second.close();
  });

  test('without JavaScript the search page says so and links to the region index', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}/search/`);
    expect(await page.textContent('noscript')).toContain('搜索需要浏览器启用 JavaScript');
    expect(await page.getAttribute('noscript a', 'href')).toBe('/regions/');
    expect(await page.isHidden('#search')).toBe(true);
    await context.close();
  });
});
