/** Figures of a built site: what a first search transfers, and the size of a region page. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve } from '../browser.ts';

/** Bytes a first search transfers in Chromium, the page itself and the Pagefind library included. */
export async function queryBytes(site: string, query: string): Promise<{ bytes: number; requests: number }> {
  const [browser, server] = await Promise.all([launch(), serve(site)]);
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (res) => {
      try { bytes += (await res.body()).length; requests++; } catch { /* redirects have no body */ }
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelectorAll('#results li').length > 0, undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { bytes, requests };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** gzipped HTML + CSS of the median-sized county region page. */
export function regionPageGzip(site: string): { path: string; bytes: number } {
  const dir = join(site, 'regions');
  const pages = readdirSync(dir).filter((c) => /^\d{4}(?!00)\d\d$/.test(c)).map((c) => ({ c, size: statSync(join(dir, c, 'index.html')).size })).sort((a, b) => a.size - b.size);
  const pick = pages[Math.floor(pages.length / 2)]!;
  const html = readFileSync(join(dir, pick.c, 'index.html'));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(site, m[1]!)));
  return { path: `/regions/${pick.c}/`, bytes: gzipSync(Buffer.concat([html, ...css]), { level: 9 }).length };
}

