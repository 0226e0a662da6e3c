/**
 * The page registry (src/site/routes.ts) is the one list of page kinds: every page file under
 * src/pages is registered, the sitemap lists exactly the registered pages meant for people, and
 * every page a built site has is one the registry names.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/derive/model.ts';
import { policySlugs } from '../../src/site/record.ts';
import { onePageOfEachKind, pagePaths, ROUTES, sitemapPaths } from '../../src/site/routes.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';

const REPO = join(import.meta.dirname, '../..');
const PAGES = join(REPO, 'src/pages');
const files = (dir: string): string[] => readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [relative(PAGES, join(dir, e))]));
const ctx = { model: buildModel(validateDataRoot(join(REPO, 'data'))), policies: policySlugs(join(REPO, 'content/policies')) };

describe('the page registry', () => {
  it('registers every page file, and names no file that does not exist', () => {
    const registered = Object.values(ROUTES).map((r) => r.file).sort();
    expect(files(PAGES).sort()).toEqual(registered);
  });

  it('gives each page one path, and no two kinds the same path', () => {
    const paths = [...pagePaths(ctx)].map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p).toMatch(/^\/(?:[^/?#]+\/)*(?:404\.html)?$/);
  });

  it('lists in the sitemap the pages for people, not embeds, error pages or the warnings page', () => {
    const sitemap = sitemapPaths(ctx);
    expect(sitemap).toContain('/');
    expect(sitemap).toContain('/regions/532300/');
    expect(sitemap.some((p) => p.startsWith('/embed/') || p === '/404.html' || p === '/validation/')).toBe(false);
  });

  it('names one page of each kind the sample record has, for the tests that visit every kind', () => {
    const kinds = onePageOfEachKind(ctx).map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['home', 'region', 'enterprise', 'announcement', 'industry', 'policy', 'assessments', 'embed', 'notFound', 'watchlists', 'watchlist']));
  });
});

describe('the components', () => {
  it('each has documented examples on the /components/ page, unless it is page frame', async () => {
    const { COMPONENT_EXAMPLES, FRAME_COMPONENTS } = await import('../../src/site/component-examples.ts');
    const components = readdirSync(join(REPO, 'src/components')).map((f) => f.replace(/\.astro$/, '')).sort();
    expect([...Object.keys(COMPONENT_EXAMPLES), ...FRAME_COMPONENTS].sort()).toEqual(components);
    for (const [name, examples] of Object.entries(COMPONENT_EXAMPLES)) {
      expect(examples.length, name).toBeGreaterThan(0);
      for (const x of examples) expect(x.description, name).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
