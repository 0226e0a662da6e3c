import { escapeXml } from '../text/escape.ts';

/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_CHUNK = 40_000;

/** The site's pages split into sitemap files, in the order given. */
export function sitemapChunks(paths: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += SITEMAP_CHUNK) chunks.push(paths.slice(i, i + SITEMAP_CHUNK));
  return chunks;
}

export function urlset(paths: readonly string[], site: URL): string {
  const urls = paths.map((p) => `  <url><loc>${escapeXml(new URL(p, site).href)}</loc></url>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

export function sitemapIndex(count: number, site: URL, lastmod: string): string {
  const entries = Array.from({ length: count }, (_, i) => `  <sitemap><loc>${escapeXml(new URL(`/sitemaps/${i + 1}.xml`, site).href)}</loc><lastmod>${lastmod}</lastmod></sitemap>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</sitemapindex>', ''].join('\n');
}
