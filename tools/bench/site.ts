/** Figures of a built site: the size of a region page. (Search figures: search.ts.) */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzipped HTML + CSS of the median-sized county region page. */
export function regionPageGzip(site: string): { path: string; bytes: number } {
  const dir = join(site, 'regions');
  const pages = readdirSync(dir).filter((c) => /^\d{4}(?!00)\d\d$/.test(c)).map((c) => ({ c, size: statSync(join(dir, c, 'index.html')).size })).sort((a, b) => a.size - b.size);
  const pick = pages[Math.floor(pages.length / 2)]!;
  const html = readFileSync(join(dir, pick.c, 'index.html'));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(site, m[1]!)));
  return { path: `/regions/${pick.c}/`, bytes: gzipSync(Buffer.concat([html, ...css]), { level: 9 }).length };
}

