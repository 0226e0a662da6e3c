/**
 * The pages' Content-Security-Policy: the meta tag of each page (src/output/csp.ts), the `_headers`
 * file the build writes for hosts that read it, and the documented nginx configuration say the
 * same, and only the search page allows WebAssembly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_DIRECTIVES, policyFor, SEARCH_CONTENT_SECURITY_POLICY } from '../../src/output/csp.ts';
import { headersFile, matchingRules, pageRootPatterns } from '../../src/output/hosting.ts';

/** The sources a policy allows for a kind of fetch: its own directive's, else default-src's (as browsers fall back). */
const effective = (policy: string, directive: string): string | undefined => {
  const rules = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources.join(' ')]));
  return rules.get(directive) ?? rules.get('default-src');
};

test('the policy allows only the site’s own scripts, styles, fonts and fetches, WebAssembly on the search page only', () => {
  for (const policy of [CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY]) {
    for (const d of ['style-src', 'font-src', 'connect-src']) expect(effective(policy, d), d).toBe("'self'");
    expect(effective(policy, 'img-src')).toBe("'self' data:");
    expect(effective(policy, 'object-src')).toBe("'none'");
    expect(effective(policy, 'frame-src')).toBe("'none'");
    expect(policy).not.toContain('unsafe-inline');
  }
  expect(effective(CONTENT_SECURITY_POLICY, 'script-src')).toBe("'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  expect(effective(SEARCH_CONTENT_SECURITY_POLICY, 'script-src')).toBe("'self' 'wasm-unsafe-eval'");
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
