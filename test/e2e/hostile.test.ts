import { expect, test } from 'vitest';
import { SITES } from '../site/global-setup.ts';
import { listFiles } from '../site/helpers.ts';
import { browseSite } from './session.ts';

const session = browseSite(SITES.hostile.out);

test('a reader opening every page of a site built from hostile data sees no dialog, no request to another host and no policy violation', async () => {
  const pages = listFiles(SITES.hostile.out).filter((f) => f.endsWith('.html')).map((f) => `/${f.replace(/index\.html$/, '')}`);
  expect(pages.length).toBeGreaterThan(20);
  const context = await session.browser.newContext();
  const dialogs: string[] = [];
  const foreign: string[] = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== session.origin && u.protocol !== 'data:') foreign.push(r.url());
  });
  const violations: string[] = [];
  await context.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const path of pages) {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${path}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(session.origin + path, { waitUntil: 'load' });
    await page.waitForTimeout(50);
    await page.close();
  }
  await context.close();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('search results for hostile names are text, not markup', async () => {
  const page = await session.browser.newPage();
  let dialog = false;
  page.on('dialog', (d) => ((dialog = true), void d.dismiss()));
  await page.goto(`${session.origin}/search/?q=${encodeURIComponent('示例')}`);
  await page.waitForFunction(() => document.querySelectorAll('#results li').length > 0);
  const { html, text } = await page.$eval('#results', (el) => ({ html: el.innerHTML, text: el.textContent ?? '' }));
  expect(text).toContain("<script>alert('name')</script>示例公司");
  expect(html).not.toMatch(/<script|<img|<svg/);
  expect(dialog).toBe(false);
  await page.close();
});

test('the feeds and the sitemap are well-formed XML', async () => {
  const page = await session.browser.newPage();
  for (const path of ['/feed.xml', '/regions/421202/feed.xml', '/sitemap.xml']) {
    await page.goto(session.origin + '/404.html');
    const ok = await page.evaluate(async (p) => {
      const text = await (await fetch(p)).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.nodeName !== 'html';
    }, path);
    expect(ok, path).toBe(true);
  }
  await page.close();
});
