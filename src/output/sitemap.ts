import { escapeXml } from '../text/escape.ts';

/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_CHUNK = 40_000;

/** A page of the sitemap and when its content last changed (YYYY-MM-DD, from the data). */
export interface SitemapEntry {
  path: string;
  lastmod: string;
}

/** The site's pages split into sitemap files, in the order given. */
export function sitemapChunks<T>(entries: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < entries.length; i += SITEMAP_CHUNK) chunks.push(entries.slice(i, i + SITEMAP_CHUNK));
  return chunks;
}

export function urlset(entries: readonly SitemapEntry[], site: URL): string {
  const urls = entries.map((e) => `  <url><loc>${escapeXml(new URL(e.path, site).href)}</loc><lastmod>${e.lastmod}</lastmod></url>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** The latest lastmod of some entries (ISO dates compare as strings). */
export function latest(entries: readonly SitemapEntry[], fallback: string): string {
  let last = '';
  for (const e of entries) if (e.lastmod > last) last = e.lastmod;
  return last || fallback;
}

/**
 * Where the i-th sitemap file (from 0) is: gzipped, as the protocol allows and crawlers read. A
 * national site's sitemaps are 11 MB of repeated markup as XML and 1 MB gzipped. The index and
 * robots.txt stay plain.
 */
export const sitemapPath = (i: number) => `/sitemaps/${i + 1}.xml.gz`;

/** The sitemap index: each file's lastmod is the latest of its pages'. */
export function sitemapIndex(lastmods: readonly string[], site: URL): string {
  const entries = lastmods.map((lastmod, i) => `  <sitemap><loc>${escapeXml(new URL(sitemapPath(i), site).href)}</loc><lastmod>${lastmod}</lastmod></sitemap>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</sitemapindex>', ''].join('\n');
}

/** robots.txt: every crawler welcome, and where the sitemap is (an absolute URL, as the protocol asks). */
export function robotsTxt(site: URL): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap.xml', site).href}`, ''].join('\n');
}
