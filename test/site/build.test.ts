import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, ROOT, SITES } from './global-setup.ts';
import { listFiles } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'phaseout-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Path → SHA-256 of every file of a built site. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

describe('builds', () => {
  test('two builds of the same data give a byte-identical site', () => {
    const again = join(tmp, 'again');
    const r = buildSite(SITES.basic.data, again);
    expect(r.status, r.output).toBe(0);
    expect(fingerprint(again)).toEqual(fingerprint(SITES.basic.out));
  });

  test('a failed build leaves the previous site as it was', () => {
    const out = join(tmp, 'previous');
    cpSync(SITES.basic.out, out, { recursive: true });
    const before = fingerprint(out);
    const r = buildSite(join(ROOT, 'test/fixtures/invalid/two-broken-files-one-gbk/data'), out);
    expect(r.status).toBe(1);
    expect(r.output).toContain('数据有错误，没有生成网站');
    expect(r.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(fingerprint(out)).toEqual(before);
    expect(listFiles(tmp).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  test('PHASEOUT_DATA_DIR selects the data root (the fixture site is built that way)', () => {
    expect(existsSync(join(SITES.basic.out, 'enterprises/91421202MA49ABCDXM/index.html'))).toBe(true);
    expect(existsSync(join(SITES.basic.out, 'announcements/2025-532300-plan/index.html'))).toBe(false);
  });
});
