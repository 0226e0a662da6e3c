import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, ROOT, SITES, TEST_SITE } from './global-setup.ts';
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

  test('a production build refuses to run without PHASEOUT_SITE, before touching anything', () => {
    const out = join(tmp, 'no-site');
    const r = buildSite(SITES.basic.data, out, false, { env: { PHASEOUT_SITE: undefined } });
    expect(r.status).toBe(2);
    expect(r.output).toContain('需要设置环境变量 PHASEOUT_SITE');
    expect(existsSync(out)).toBe(false);
  });

  test('a preview build warns loudly that its links point to this machine', () => {
    const out = join(tmp, 'preview');
    const r = buildSite(SITES.basic.data, out, false, { env: { PHASEOUT_SITE: undefined }, args: ['--preview'] });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('这是预览版本');
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('http://localhost:4321/');
    expect(readFileSync(join(SITES.basic.out, 'feed.xml'), 'utf8')).toContain(`${TEST_SITE}/`);
  });

  test('--out naming the data root is refused before anything is deleted', () => {
    const data = join(tmp, 'data-as-out');
    cpSync(SITES.basic.data, data, { recursive: true });
    const before = fingerprint(data);
    const r = buildSite(data, data);
    expect(r.status).toBe(2);
    expect(r.output).toContain('输出目录不能是数据目录本身');
    expect(fingerprint(data)).toEqual(before);
  });

  test('two builds into one folder: the second waits for the first, and both leave a whole site', async () => {
    const out = join(tmp, 'concurrent');
    const run = () => new Promise<{ status: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--data', SITES.basic.data, '--out', out], {
        cwd: ROOT, env: { ...process.env, PHASEOUT_SITE: TEST_SITE, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (status) => resolve({ status, output }));
    });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect([a.output, b.output].filter((o) => o.includes('正在写入')).length).toBe(1);
    expect(fingerprint(out)).toEqual(fingerprint(SITES.basic.out));
    expect(existsSync(`${out}.lock`)).toBe(false);
  }, 120_000);

  test('folders left by an interrupted build are removed by the next one', () => {
    const out = join(tmp, 'interrupted');
    for (const left of [`${out}.tmp-999999`, `${out}.files-999999`, `${out}.old-999998`]) {
      mkdirSync(left, { recursive: true });
      writeFileSync(join(left, 'index.html'), 'half a site');
    }
    const r = buildSite(SITES.basic.data, out);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('已清除中断的生成过程留下的目录');
    expect(readdirSync(tmp).filter((f) => f.startsWith('interrupted.'))).toEqual([]);
  });

  test('a publication date after the day of the build is refused, as npm run validate refuses it', () => {
    const data = join(tmp, 'future-data');
    cpSync(SITES.basic.data, data, { recursive: true });
    const md = join(data, 'announcements/2025/2025-421202-plan-2.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^published: .*$/m, 'published: 2099-01-01'));
    const r = buildSite(data, join(tmp, 'future-out'));
    expect(r.status).toBe(1);
    expect(r.output).toContain('implausible-date');
    expect(existsSync(join(tmp, 'future-out'))).toBe(false);
  });
});
