import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/site/csp.ts';
import { headersFile } from '../../src/output/hosting.ts';

test('the policy allows only the site’s own scripts and styles', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
});

test('the _headers file the build writes, and the documented nginx configuration, repeat the pages’ Content-Security-Policy', () => {
  const headers = headersFile(CONTENT_SECURITY_POLICY, ['/', '/regions/*']);
  expect(headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
  const nginx = readFileSync('docs/deploy/nginx.conf', 'utf8');
  expect(nginx).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'" always;`);
  expect(nginx).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}; frame-ancestors *" always;`);
});
