/**
 * The pages' Content-Security-Policy: the meta tag of each page (src/output/csp.ts), the `_headers`
 * file the build writes for hosts that read it, and the documented nginx configuration say the
 * same, and only the search page allows WebAssembly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_DIRECTIVES, policyFor, SEARCH_CONTENT_SECURITY_POLICY } from '../../src/output/csp.ts';
import { headersFile, matchingRules, pageRootPatterns } from '../../src/output/hosting.ts';

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

const hasPages = (dir: string): boolean =>
  readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? hasPages(`${dir}/${e.name}`) : e.name.endsWith('.astro')));

/** A path of each page kind of src/pages (its top-level entries), as the built site serves it. */
function pagePaths(): string[] {
  return readdirSync('src/pages', { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'embed' || !hasPages(`src/pages/${e.name}`) ? [] : [`/${e.name}/x/`, `/${e.name}/`];
    if (!e.name.endsWith('.astro')) return [];
    const name = e.name.replace(/\.astro$/, '');
    return name === 'index' ? ['/'] : name === '404' ? ['/404.html'] : [`/${name}/`];
  });
}

describe('the _headers file the build writes, for hosts that read it', () => {
  const paths = pagePaths();
  const file = headersFile(pageRootPatterns(paths));
  const policies = (path: string) => matchingRules(file, path).flatMap((r) => (r.headers['Content-Security-Policy'] ? [r.headers['Content-Security-Policy']] : []));

  test('every page gets exactly one policy: its meta tag’s, and what only a header can say', () => {
    expect(paths).toContain('/search/');
    expect(paths).toContain('/regions/x/');
    for (const path of paths) expect(policies(path), path).toEqual([`${policyFor(path)}; ${HEADER_ONLY_DIRECTIVES}`]);
  });

  test('an embed may be framed by any site, and has no WebAssembly', () => {
    expect(policies('/embed/region-420000-status/')).toEqual([`${CONTENT_SECURITY_POLICY}; frame-ancestors *`]);
  });

  test("'wasm-unsafe-eval' is in the search page's rule only", () => {
    const withWasm = file.split('\n').filter((l) => l.includes('wasm-unsafe-eval'));
    expect(withWasm).toHaveLength(1);
    expect(matchingRules(file, '/search/').some((r) => r.pattern === '/search/*' && r.headers['Content-Security-Policy']?.includes('wasm-unsafe-eval'))).toBe(true);
  });
});

test('the documented nginx configuration repeats the same policies', () => {
  const nginx = readFileSync('docs/deploy/nginx.conf', 'utf8');
  expect(nginx).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'" always;`);
  expect(nginx).toContain(`add_header Content-Security-Policy "${SEARCH_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'" always;`);
  expect(nginx).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}; frame-ancestors *" always;`);
});
