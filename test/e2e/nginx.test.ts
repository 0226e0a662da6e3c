/**
 * The site served by Debian's nginx with the documented configuration (docs/deploy/nginx.conf,
 * only `listen` and `root` changed), started on loopback with its pid, logs and temporary files
 * in a folder of its own. A reader's browser gets the right types, caching and policy; another
 * site (another loopback origin) can frame an embed but not a page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cacheControl, contentType, securityHeaders } from '../../src/output/hosting.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/output/csp.ts';
import { launch } from '../../tools/browser.ts';
import { ROOT, SITES } from '../site/global-setup.ts';
import { runScript } from '../support/scripts.ts';

export const NGINX = process.env.PHASEOUT_NGINX ?? '/usr/sbin/nginx';

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The documented server block with its listen address and root replaced, inside a main configuration for an unprivileged run. */
export function nginxConfig(dir: string, site: string, port: number): string {
  const doc = readFileSync(join(ROOT, 'docs/deploy/nginx.conf'), 'utf8');
  const server = doc.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`).replace(/^(\s*)root \S+;$/m, `$1root ${site};`);
  if (!server.includes(`listen 127.0.0.1:${port};`) || !server.includes(`root ${site};`)) throw new Error('docs/deploy/nginx.conf no longer has the listen and root lines the test replaces');
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/phaseout.conf;
}
`.replace(`include ${dir}/phaseout.conf;`, () => {
    writeFileSync(join(dir, 'phaseout.conf'), server);
    return `include ${dir}/phaseout.conf;`;
  });
}

const work = mkdtempSync(join(tmpdir(), 'phaseout-nginx-'));
const site = join(work, 'site');
let nginx: ChildProcess | undefined;
let origin = '';
let other: Server | undefined;
let otherOrigin = '';
let browser: Browser | undefined;

beforeAll(async () => {
  // A copy of the fixture site, precompressed as the deploy guide says, and with a precompressed
  // file whose contents show which one was served.
  cpSync(SITES.basic.out, site, { recursive: true });
  const pre = await runScript('precompress', [site]);
  if (pre.status !== 0) throw new Error(`npm run precompress failed:\n${pre.stderr}`);
  writeFileSync(join(site, 'data/lines.csv.gz'), gzipSync('precompressed copy\n'));
  const port = await freePort();
  writeFileSync(join(work, 'nginx.conf'), nginxConfig(work, site, port));
  const t = spawnSync(NGINX, ['-t', '-p', work, '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
  if (t.status !== 0) throw new Error(`nginx -t failed:\n${t.stderr}`);
  nginx = spawn(NGINX, ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${origin}/`);
      break;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  // Another site, on another loopback origin, that frames a page and an embed of ours.
  other = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>host</title><iframe id="f" src="${origin}${src}" width="600" height="400"></iframe>`);
  });
  await new Promise<void>((r) => other!.listen(0, '127.0.0.2', r));
  otherOrigin = `http://127.0.0.2:${(other.address() as { port: number }).port}`;
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (other ? other.close(r) : r(undefined)));
  nginx?.kill('SIGTERM');
  if (nginx && nginx.exitCode === null) await new Promise((r) => nginx!.once('exit', r));
  rmSync(work, { recursive: true, force: true });
});

describe('the site on nginx with the documented configuration', () => {
  test('sends each kind of file with its type and caching, as the deploy tool does', async () => {
    const paths = [
      '/', '/regions/421202/', '/data/lines.csv', '/data/changes.json', '/data/lines.xlsx', '/data/SHA256SUMS', '/sitemap.xml', '/feed.xml',
      '/regions/421202/feed.xml', '/regions/421202/data.json', '/regions/421200/announcements.xlsx', '/robots.txt', '/embed/region-420000-targets/data.csv',
      ...listDir(join(site, '_astro')).map((f) => `/_astro/${f}`),
      '/pagefind/pagefind.js', '/pagefind/wasm.unknown.pagefind',
    ];
    for (const path of paths) {
      const res = await fetch(origin + path, { headers: { 'Accept-Encoding': 'identity' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')?.replace(/;\s*charset=utf-8/i, '; charset=utf-8'), path).toBe(contentType(path.endsWith('/') ? `${path}index.html` : path));
      expect(res.headers.get('cache-control'), path).toBe(cacheControl(path));
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(site, path.endsWith('/') ? `${path}index.html` : path))), path).toBe(true);
    }
    // Pagefind's index chunks: named by their hash, gzip inside, never re-encoded.
    const chunks = listDir(join(site, 'pagefind')).filter((f) => f.endsWith('.pf_meta')).map((f) => `/pagefind/${f}`);
    const fragments = listDir(join(site, 'pagefind/fragment')).slice(0, 1).map((f) => `/pagefind/fragment/${f}`);
    expect(chunks.length + fragments.length).toBe(2);
    for (const chunk of [...chunks, ...fragments]) {
      const res = await fetch(origin + chunk, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.status, chunk).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  test('pages and embeds carry the site’s policy with who may frame them', async () => {
    const page = await fetch(`${origin}/regions/421202/`);
    const embed = await fetch(`${origin}/embed/region-420000-targets/`);
    for (const [res, isEmbed] of [[page, false], [embed, true]] as const) {
      const expected = securityHeaders(CONTENT_SECURITY_POLICY, isEmbed);
      for (const [k, v] of Object.entries(expected)) expect(res.headers.get(k), k).toBe(v);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const missing = await fetch(`${origin}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('页面不存在');
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  test('serves the precompressed copy of a large file to a client that takes gzip, and compresses the rest', async () => {
    const res = await fetch(`${origin}/data/lines.csv`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe('precompressed copy\n');
    const page = await fetch(`${origin}/regions/421202/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toBe(readFileSync(join(site, 'regions/421202/index.html'), 'utf8'));
    const book = await fetch(`${origin}/data/lines.xlsx`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(book.headers.get('content-encoding')).toBeNull();
  });

  test('keeps the build’s own files and _headers out of reach', async () => {
    for (const p of ['/.phaseout-site', '/_headers']) expect((await fetch(origin + p)).status, p).toBe(404);
  });

  test('another site frames an embed, but not a page', async () => {
    const context = await browser!.newContext();
    const blocked: string[] = [];
    const tab = await context.newPage();
    tab.on('console', (m) => blocked.push(m.text()));
    await tab.goto(`${otherOrigin}/?src=/embed/region-420000-targets/`);
    const embed = tab.frames().find((f) => f.url().startsWith(`${origin}/embed/`));
    expect(embed).toBeDefined();
    await embed!.waitForSelector('svg');
    expect(await embed!.locator('h1').textContent()).toContain('湖北省目标与已淘汰产能');
    expect(blocked.filter((m) => m.includes('frame-ancestors'))).toEqual([]);

    await tab.goto(`${otherOrigin}/?src=/regions/421202/`);
    await tab.waitForTimeout(300);
    const frame = tab.frames().find((f) => f !== tab.mainFrame());
    // Chromium replaces a refused frame with its error page: none of our page is in it.
    const html = frame ? await frame.content().catch(() => '') : '';
    expect(html).not.toContain('咸安区');
    expect(blocked.some((m) => m.includes("frame-ancestors 'none'"))).toBe(true);
    await context.close();
  });
});

const listDir = (dir: string) => readdirSync(dir).filter((f) => !f.endsWith('.gz')).sort();
