/**
 * The machine outputs of the site, written by the build beside the pages Astro renders: feeds,
 * sitemaps and downloads. Pure: each producer turns the model into files (path, bytes, media
 * type), one at a time, so a national site's outputs are never all in memory at once.
 */
import type { Model } from '../derive/model.ts';
import { t } from '../i18n/zh-CN.ts';
import { downloads } from './downloads.ts';
import { atomFeed, FEED_ENTRIES } from './feed.ts';
import { sitemapChunks, sitemapIndex, urlset } from './sitemap.ts';

export interface SiteFile {
  /** Site path, from the root: /data/lines.csv. */
  path: string;
  content: string | Uint8Array;
  /** Media type, with its charset where it has one. */
  mediaType: string;
}

export interface OutputContext {
  /** The public origin. */
  site: URL;
  /** The pages the sitemap lists, in order (from the page registry). */
  sitemapPaths: readonly string[];
}

const ATOM = 'application/atom+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

/** The national feed and one per region: the announcements issued in it or below it. */
export function* feeds(model: Model, site: URL): Generator<SiteFile> {
  yield { path: '/feed.xml', mediaType: ATOM, content: atomFeed(model, { site, selfPath: '/feed.xml', title: t.feedTitle, announcements: model.announcements.slice(0, FEED_ENTRIES) }) };
  for (const code of model.regionList) {
    const name = model.regions.get(code)?.name ?? code;
    const list = (model.announcementsWithin.get(code) ?? []).slice(0, FEED_ENTRIES);
    yield { path: `/regions/${code}/feed.xml`, mediaType: ATOM, content: atomFeed(model, { site, selfPath: `/regions/${code}/feed.xml`, title: `${name}${t.feedTitle}`, announcements: list }) };
  }
}

/** A sitemap index and its files: a national record has more pages than one sitemap may list. */
export function* sitemaps(model: Model, ctx: OutputContext): Generator<SiteFile> {
  const chunks = sitemapChunks(ctx.sitemapPaths);
  yield { path: '/sitemap.xml', mediaType: XML, content: sitemapIndex(chunks.length, ctx.site, model.asOf) };
  for (const [i, paths] of chunks.entries()) yield { path: `/sitemaps/${i + 1}.xml`, mediaType: XML, content: urlset(paths, ctx.site) };
}

/** Every machine output of the site. */
export function* siteFiles(model: Model, ctx: OutputContext): Generator<SiteFile> {
  yield* feeds(model, ctx.site);
  yield* sitemaps(model, ctx);
  for (const d of downloads(model)) yield { path: d.path, mediaType: `${d.mediaType}; charset=utf-8`, content: d.content };
}
