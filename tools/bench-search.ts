/**
 * Search figures for a built site (issue 14): `npx tsx tools/bench-search.ts --site DIR [--query Q]...`.
 * A fresh Chromium opens /search/ and types the queries key by key; it prints the bytes of the
 * first search (every response body, the page and the script included, uncompressed and gzipped)
 * and of each further query, and the time from the last keystroke to the results with the CPU
 * throttled 4× (Chrome DevTools Protocol, Emulation.setCPUThrottlingRate). Asserts nothing.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve } from './browser.ts';

const { values } = parseArgs({ options: { site: { type: 'string' }, query: { type: 'string', multiple: true } } });
const site = resolve(values.site ?? 'dist');
const queries = values.query ?? ['水泥', '合成', '有限公司', '鑫泰水泥'];
const [browser, server] = await Promise.all([launch(), serve(site)]);
try {
  const page = await browser.newPage();
  let raw = 0;
  let gz = 0;
  let requests = 0;
  page.on('response', async (res) => {
    try {
      const body = await res.body();
      raw += body.length;
      gz += gzipSync(body, { level: 6 }).length;
      requests++;
    } catch { /* no body */ }
  });
  const cdp = await page.context().newCDPSession(page);
  const typeQuery = async (q: string) => {
    await page.fill('#q', q.slice(0, -1));
    const before = raw;
    const t0 = Date.now();
    await page.type('#q', q.slice(-1));
    await page.waitForFunction((q) => document.getElementById('results')!.dataset.query === q, q, { timeout: 60_000 });
    return { ms: Date.now() - t0, bytes: raw - before };
  };
  await page.goto(`${server.origin}/search/`);
  await page.waitForSelector('#search:not([hidden])');
  await page.fill('#q', queries[0]!);
  await page.waitForFunction((q) => document.getElementById('results')!.dataset.query === q, queries[0], { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const total = await page.getAttribute('#results', 'data-total-enterprises');
  console.log(`first search “${queries[0]}” (${total} enterprises): ${(raw / 1024).toFixed(1)} kB uncompressed, ${(gz / 1024).toFixed(1)} kB gzipped, ${requests} requests`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (const q of queries.slice(1)) {
    const r = await typeQuery(q);
    const n = await page.getAttribute('#results', 'data-total-enterprises');
    console.log(`further query “${q}” (${n}): ${(r.bytes / 1024).toFixed(1)} kB; last keystroke to results ${r.ms} ms (CPU 4× slower)`);
  }
  // The same queries again, their files now cached: the time is the page's own work.
  for (const q of queries.slice(1)) {
    const r = await typeQuery(q);
    console.log(`again “${q}”: ${r.ms} ms (CPU 4× slower, files cached)`);
  }
} finally {
  await browser.close();
  await server.close();
}
