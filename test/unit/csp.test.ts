import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/site/csp.ts';

test('the policy allows only the site’s own scripts and styles', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
});

test('public/_headers repeats the pages’ Content-Security-Policy', () => {
  expect(readFileSync('public/_headers', 'utf8')).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
});
