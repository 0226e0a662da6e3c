import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { SITES } from '../site/global-setup.ts';
import { launch } from '../../tools/browser.ts';
import { browseSite } from './session.ts';
import { listFiles } from '../site/helpers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each kind. */
function pagesOfEachKind(site: string): string[] {
  const files = listFiles(site).filter((f) => f.endsWith('index.html'));
  const first = (prefix: string) => files.find((f) => f.startsWith(prefix) && f !== `${prefix}index.html`);
  const picks = ['index.html', 'regions/index.html', first('regions/'), first('enterprises/'), 'announcements/index.html', first('announcements/'), 'industries/index.html', first('industries/'), 'policies/index.html', first('policies/'), first('assessments/'), 'cards/index.html', 'data/index.html', 'changes/index.html', first('changes/year/'), 'search/index.html', 'guide/index.html', 'validation/index.html', first('embed/'), '404.html'];
  return picks.filter((p): p is string => p !== undefined).map((p) => `/${p.replace(/index\.html$/, '')}`);
}

describe.each([
  ['fixture', SITES.basic.out],
  ['sample', SITES.sample.out],
])('accessibility of the %s site', (_name, site) => {
  const session = browseSite(site);

  test.each(pagesOfEachKind(site))('a reader of %s meets no axe violations', async (path) => {
    // axe is injected as an inline script, which the pages' own policy rightly forbids.
    const context = await session.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(session.origin + path);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    await context.close();
    expect(result).toEqual([]);
  });
});

test('the accessibility check itself finds a violation where there is one', async () => {
  const browser = await launch();
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
  await page.addScriptTag({ content: axeSource });
  const ids = await page.evaluate(async () => (await (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }).axe.run(document)).violations.map((v) => v.id));
  await browser.close();
  expect(ids).toContain('image-alt');
});
