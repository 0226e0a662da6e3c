import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_DIRECTIVES, policyFor, SEARCH_CONTENT_SECURITY_POLICY } from '../../src/site/csp.ts';

test('the policy allows only the site’s own scripts and styles, WebAssembly on the search page only', () => {
  for (const policy of [CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY]) {
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("default-src 'self'");
  }
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  expect(SEARCH_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policyFor('/search/')).toBe(SEARCH_CONTENT_SECURITY_POLICY);
  for (const path of ['/', '/regions/421202/', '/search/x/', '/searching/']) expect(policyFor(path), path).toBe(CONTENT_SECURITY_POLICY);
});

/** public/_headers as rules: a path pattern (exact, or a prefix ending in *) and its headers. */
function headerRules(): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of readFileSync('public/_headers', 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}
const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

const hasPages = (dir: string): boolean =>
  readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? hasPages(`${dir}/${e.name}`) : e.name.endsWith('.astro')));

/** A path of each page kind of src/pages (its top-level entries), as the built site serves it. */
function pagePaths(): string[] {
  return readdirSync('src/pages', { withFileTypes: true }).flatMap((e) => {
    // A folder of pages (one of only feeds or sitemaps is XML); embed has its own rule (frame-ancestors *).
    if (e.isDirectory()) return e.name === 'embed' || !hasPages(`src/pages/${e.name}`) ? [] : [`/${e.name}/x/`, `/${e.name}/`];
    if (!e.name.endsWith('.astro')) return []; // feeds and sitemaps are XML
    const name = e.name.replace(/\.astro$/, '');
    return name === 'index' ? ['/', '/index.html'] : name === '404' ? ['/404.html'] : [`/${name}/`];
  });
}

describe('public/_headers, for hosts that read it', () => {
  const rules = headerRules();
  const policies = (path: string) => rules.filter((r) => matches(r.pattern, path)).flatMap((r) => r.headers.filter(([h]) => h === 'Content-Security-Policy').map(([, v]) => v));

  test('every page gets exactly one policy: its meta tag’s, and what only a header can say', () => {
    const paths = pagePaths();
    expect(paths).toContain('/search/');
    expect(paths).toContain('/regions/x/');
    for (const path of paths) expect(policies(path), path).toEqual([`${policyFor(path)}; ${HEADER_ONLY_DIRECTIVES}`]);
  });

  test("'wasm-unsafe-eval' is in the search page's rule only", () => {
    const withWasm = rules.filter((r) => r.headers.some(([, v]) => v.includes('wasm-unsafe-eval'))).map((r) => r.pattern);
    expect(withWasm).toEqual(['/search/*']);
  });

  test('nosniff and the referrer policy for every file', () => {
    const all = rules.filter((r) => r.pattern === '/*').flatMap((r) => r.headers.map(([h, v]) => `${h}: ${v}`));
    expect(all).toEqual(['X-Content-Type-Options: nosniff', 'Referrer-Policy: no-referrer']);
  });
});
