import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../src/derive/model.ts';
import { readPolicyTexts } from '../../src/read/policies.ts';
import { fullTextDocuments } from '../../src/search/fulltext.ts';
import { fullTextBundles, writeFullTextIndex, writeNameIndex } from '../../src/search/write-index.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import type { Page } from 'playwright-core';
import { SITES } from '../site/global-setup.ts';
import { browseSite } from './session.ts';

/** Types a query key by key, as a person does, and waits for the results of the whole query. */
async function type(page: Page, query: string) {
  await page.fill('#q', '');
  await page.type('#q', query, { delay: 20 });
  await page.waitForFunction((q) => document.getElementById('results')!.dataset.query === q && !document.getElementById('status')!.textContent!.includes('正在'), query.trim());
}

const titles = (page: Page) => page.$$eval('#results li > a', (as) => as.map((a) => a.textContent ?? ''));
const total = async (page: Page) => Number(await page.getAttribute('#results', 'data-total-enterprises'));

describe('search on the fixture site', () => {
  const session = browseSite(SITES.basic.out);
  const open = async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/search/`);
    await page.waitForSelector('#search:not([hidden])');
    return page;
  };

  test('a citizen finds an enterprise by its 2-character trade name', async () => {
    const page = await open();
    await type(page, '株冶');
    expect(await titles(page)).toEqual(['*ST株冶示例集团股份有限公司']);
    expect(await total(page)).toBe(1);
    expect(await page.getAttribute('#results li > a', 'href')).toMatch(/^\/enterprises\/370305-[0-9a-f]{10}\/$/);
    expect(await page.textContent('#results li > a mark')).toBe('株冶');
    await page.close();
  });

  test('a citizen types a name in Traditional characters and finds it', async () => {
    const page = await open();
    await type(page, '鹹寧示例電石');
    expect(await titles(page)).toEqual(['咸宁示例电石有限公司']);
    await page.close();
  });

  test('a credit code typed in lower case with spaces lists its enterprise once, and Enter opens it', async () => {
    const page = await open();
    await type(page, '91421202 ma49 abcd xm');
    expect(await titles(page)).toEqual(['湖北示例水泥股份有限公司']);
    expect(await total(page)).toBe(1);
    expect(await page.textContent('#status')).toBe('找到 1 家企业');
    expect(await page.textContent('#results .why')).toContain('统一社会信用代码：91421202MA49ABCDXM');
    await page.press('#q', 'Enter');
    await page.waitForURL('**/enterprises/91421202MA49ABCDXM/');
    await page.close();
  });

  test('a code that exists nowhere lists nothing and says so', async () => {
    const page = await open();
    await type(page, '91421202MA49ABCDX0');
    expect(await titles(page)).toEqual([]);
    expect(await total(page)).toBe(0);
    expect(await page.textContent('#status')).toBe('没有统一社会信用代码、股票代码或清单编号为“91421202MA49ABCDX0”的企业。');
    await page.close();
  });

  test('a region, an industry and a document number in another bracket style are found', async () => {
    const page = await open();
    const others = () => page.$$eval('#others li > a', (as) => as.map((a) => a.textContent ?? ''));
    await type(page, '咸安区');
    expect(await others()).toContain('咸安区');
    await type(page, '锌冶炼');
    expect(await others()).toContain('锌冶炼');
    await type(page, '淄工信字[2025]12号');
    expect(await others()).toEqual(['淄博市2025年淘汰落后产能计划名单']);
    await page.close();
  });

  test('a citizen finds enterprises by an equipment word, and sees the equipment', async () => {
    const page = await open();
    await type(page, '高炉');
    expect(await titles(page)).toContain('淄博示例物资贸易有限公司');
    const why = await page.$$eval('#results li', (lis) => lis.map((li) => li.querySelector('.why')?.textContent ?? ''));
    expect(why.every((w) => w.startsWith('设备：') && w.includes('高炉'))).toBe(true);
    expect(await page.textContent('#status')).toContain('其中名称含所输入文字的 0 家');
    await page.close();
  });

  test('words of an announcement title, in no name, are looked up in the full text at once', async () => {
    const page = await open();
    await type(page, '落后产能计划');
    await page.waitForSelector('#fulltext:not([hidden]) li a');
    const found = await page.$$eval('#fulltext li > a', (as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href')]));
    expect(found).toContainEqual(['淄博市2025年淘汰落后产能计划名单', expect.stringMatching(/^\/announcements\/[^/]+\/$/)]);
    await page.close();
  });

  test('a shared search link reproduces the results and the filters', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/search/?q=${encodeURIComponent('示例')}&province=${encodeURIComponent('湖北省')}`);
    await page.waitForFunction(() => document.getElementById('results')!.dataset.query === '示例');
    expect(await total(page)).toBe(3);
    expect(await page.inputValue('select[name=province]')).toBe('湖北省');
    await page.close();
  });

  test('the page has its script inside the document and keeps space for results', () => {
    const html = readFileSync(join(SITES.basic.out, 'search/index.html'), 'utf8');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.indexOf('<script')).toBeLessThan(html.indexOf('</body>'));
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

/** Layout shifts in the page so far (PerformanceObserver 'layout-shift'): all of them, and those not within 0.5 s of an input, as CLS counts them. */
async function shifts(page: Page) {
  return page.evaluate(() => new Promise<{ all: number; cls: number; moved: string[] }>((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[];
      resolve({
        all: entries.reduce((n, e) => n + e.value, 0),
        cls: entries.filter((e) => !e.hadRecentInput).reduce((n, e) => n + e.value, 0),
        moved: entries.flatMap((e) => (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName} ${s.node.id} ${s.node.className}` : String(s.node?.nodeName)))),
      });
    }).observe({ type: 'layout-shift', buffered: true });
    // No shift at all: the observer is never called.
    setTimeout(() => resolve({ all: 0, cls: 0, moved: [] }), 500);
  }));
}

describe('search over more enterprises than one page', () => {
  const session = browseSite(SITES.search.out);
  const open = async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/search/`);
    await page.waitForSelector('#search:not([hidden])');
    return page;
  };

  test('a citizen finds an enterprise by its former name, and sees why', async () => {
    const page = await open();
    await type(page, '淄博旧名');
    expect(await titles(page)).toEqual(['淄博新名新材料有限公司']);
    expect(await page.textContent('#results .why')).toBe('曾用名：淄博旧名建材厂');
    await page.close();
  });

  test('filters narrow the results and show a count per choice', async () => {
    const page = await open();
    await type(page, '纸业');
    expect(await total(page)).toBe(26);
    const options = () => page.$$eval('select[name=province] option', (o) => o.map((x) => x.textContent));
    expect(await options()).toEqual(['不限', '山东省（13）', '湖北省（13）']);
    await page.selectOption('select[name=province]', '湖北省');
    await page.waitForFunction(() => document.getElementById('results')!.dataset.totalEnterprises === '13');
    expect(await page.$$eval('select[name=status] option', (o) => o.map((x) => x.textContent))).toEqual(['不限', '计划淘汰（13）']);
    expect(await page.textContent('#status')).toBe('找到 13 家企业');
    await page.close();
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    test(`results arriving move nothing on the screen (${viewport.width}×${viewport.height})`, async () => {
      const context = await session.browser.newContext({ viewport });
      const page = await context.newPage();
      // A slow network: results arrive more than 0.5 s after the keystroke, when CLS counts every shift.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 600, downloadThroughput: -1, uploadThroughput: -1 });
      // A shared link: its results arrive with no input at all.
      await page.goto(`${session.origin}/search/?q=${encodeURIComponent('纸业')}`);
      await page.waitForFunction(() => document.getElementById('results')!.dataset.query === '纸业');
      for (const q of ['示范', '淄博旧名', '示', '91421202MA49ABCDX0', '落后产能计划', '示范']) await type(page, q);
      await page.click('#pager [data-go=last]');
      await page.waitForFunction(() => document.getElementById('page-of')!.textContent === '第 2 / 2 页');
      await type(page, '纸业');
      await page.selectOption('select[name=province]', '湖北省');
      await page.waitForFunction(() => document.getElementById('results')!.dataset.totalEnterprises === '13');
      const s = await shifts(page);
      // As CLS counts: shifts within 0.5 s of a keystroke or click are the reader's own doing.
      expect(s.cls, s.moved.join('; ')).toBeLessThan(0.1);
      expect(s.cls, 'nothing moves at all').toBe(0);
      await context.close();
    });
  }

  test('a citizen pages to the last result', async () => {
    const page = await open();
    await type(page, '示范');
    expect(await total(page)).toBe(26);
    expect(await titles(page)).toHaveLength(20);
    expect(await page.textContent('#page-of')).toBe('第 1 / 2 页');
    await page.click('#pager [data-go=last]');
    await page.waitForFunction(() => document.getElementById('page-of')!.textContent === '第 2 / 2 页');
    const rest = await titles(page);
    expect(rest).toHaveLength(6);
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.close();
  });
});

describe('full text indexed in parts, as for a national record', () => {
  // The fixture site again, its full text cut into bundles of one document each (a national
  // record is cut into bundles of millions of characters), merged by the page.
  const site = mkdtempSync(join(tmpdir(), 'phaseout-bundles-'));
  let bundles = 0;
  beforeAll(async () => {
    cpSync(SITES.basic.out, site, { recursive: true });
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
    const model = buildModel(validateDataRoot(SITES.basic.data));
    const policies = readPolicyTexts('content/policies');
    const parts = fullTextBundles(fullTextDocuments(model, policies), 1);
    writeNameIndex(model, policies, site, parts.map((b) => b.path).slice(1));
    await writeFullTextIndex(parts, site);
    bundles = parts.length;
  }, 120_000);
  const session = browseSite(site);
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  test('a title is found whichever part of the full text holds it', async () => {
    expect(bundles).toBeGreaterThan(2);
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/search/`);
    await page.waitForSelector('#search:not([hidden])');
    await type(page, '落后产能计划');
    await page.waitForSelector('#fulltext:not([hidden]) li a');
    const found = await page.$$eval('#fulltext li > a', (as) => as.map((a) => a.textContent ?? ''));
    // An announcement of Xian'an and a policy text: two documents, so two bundles.
    expect(found).toEqual(expect.arrayContaining(['咸安区2024年淘汰落后产能计划名单', '国务院关于进一步加强淘汰落后产能工作的通知']));
    await page.close();
  });
});
