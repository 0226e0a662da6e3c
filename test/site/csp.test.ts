/**
 * The built site's pages carry their Content-Security-Policy in a meta tag (so it holds on hosts
 * that ignore public/_headers): WebAssembly, which Pagefind needs, on the search page only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY } from '../../src/output/csp.ts';
import { SITES } from './global-setup.ts';
import { listFiles } from './helpers.ts';

const metaPolicy = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");

describe('every built page carries its policy in a meta tag', () => {
  for (const name of ['basic', 'sample'] as const) {
    it(`${name}: 'wasm-unsafe-eval' on /search/ only`, () => {
      const site = SITES[name].out;
      const pages = listFiles(site).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
      expect(pages.length).toBeGreaterThan(10);
      const wasm: string[] = [];
      for (const f of pages) {
        const policy = metaPolicy(readFileSync(join(site, f), 'utf8'));
        expect(policy, f).toBeDefined();
        if (policy!.includes('wasm-unsafe-eval')) wasm.push(f);
        if (!f.startsWith('embed/')) expect(policy, f).toBe(f === 'search/index.html' ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
      }
      expect(wasm).toEqual(['search/index.html']);
    });
  }
});
