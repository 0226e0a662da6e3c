import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { ROOT, SITES } from '../site/global-setup.ts';
import { buildModel } from '../../src/derive/model.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { policySlugs } from '../../src/site/record.ts';
import { onePageOfEachKind } from '../../src/site/routes.ts';
import { launch } from '../../tools/browser.ts';
import { browseSite } from './session.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each kind the page registry knows (src/site/routes.ts) that the data has. */
function pagesOfEachKind(data: string): string[] {
  const model = buildModel(validateDataRoot(data));
  return onePageOfEachKind({ model, policies: policySlugs(join(ROOT, 'content/policies')) }).map((p) => p.path);
}

describe.each([
  ['fixture', SITES.basic],
  ['sample', SITES.sample],
])('accessibility of the %s site', (_name, { data, out: site }) => {
  const session = browseSite(site);

  test.each(pagesOfEachKind(data))('a reader of %s meets no axe violations', async (path) => {
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
