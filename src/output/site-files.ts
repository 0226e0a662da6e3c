/**
 * The machine outputs of the site, written by the build beside the pages Astro renders: feeds,
 * sitemaps, robots.txt, the downloads under /data/, each region's data.json and workbook, the
 * checksums and `_headers` (gzip copies for nginx are made after the build: scripts/precompress.ts).
 * Pure: each producer turns the model
 * into files (path, bytes, media type), one at a time, so a national site's outputs are never all
 * in memory at once.
 */
import { childRegions } from '../derive/aggregate.ts';
import type { Model } from '../derive/model.ts';
import { t } from '../i18n/zh-CN.ts';
import { Checksums } from './checksums.ts';
import { dataDownloads, GZIP, JSON_TYPE, sha256, XLSX } from './downloads.ts';
import { atomFeed, COUNTY_FEED_ENTRIES, FEED_ENTRIES, REGION_FEED_ENTRIES } from './feed.ts';
import { ATOM, headersFile } from './hosting.ts';
import { regionData, regionDataPath, type RegionDownload } from './region-data.ts';
import { latest, robotsTxt, sitemapChunks, sitemapIndex, sitemapPath, urlset, type SitemapEntry } from './sitemap.ts';
import { gzippedSync } from './precompress.ts';
import { regionWorkbookJob, regionWorkbookPath, regionWorkbooks, workbookOwner, workbookOwners } from './workbooks.ts';
import { renderInProcess, type RenderWorkbook, type WorkbookJob } from './xlsx.ts';
import { dataIndexFiles } from './data-index.ts';
import { watchlistFiles } from './watchlists.ts';

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
  /** The pages the sitemap lists, in order, with their last change (from the page registry). */
  sitemap: readonly SitemapEntry[];
  /** `_headers` patterns that cover every page except embeds (`/`, `/regions/*` …). */
  pageRoots: readonly string[];
  /** Writes a workbook's bytes (in process unless the build passes a worker's). */
  renderWorkbook?: RenderWorkbook;
}

/**
 * The workbooks a worker can write while the pages render: the regions', in the order
 * `siteFiles` asks `renderWorkbook` for them, with the job of each by path. The national one
 * (/data/lines.xlsx) streams its rows and is written in process, with the other national files.
 */
export function workbookPlan(model: Model, site: URL): { paths: string[]; job(path: string): WorkbookJob } {
  const codes = new Map(workbookOwners(model).map((code) => [regionWorkbookPath(code), code]));
  return { paths: [...codes.keys()], job: (path) => regionWorkbookJob(model, site, t.siteName, codes.get(path)!) };
}

const XML = 'application/xml; charset=utf-8';

/** The national feed and one per region: the announcements issued in it or below it. */
export function* feeds(model: Model, site: URL): Generator<SiteFile> {
  yield { path: '/feed.xml', mediaType: ATOM, content: atomFeed(model, { site, selfPath: '/feed.xml', title: t.feedTitle, announcements: model.announcements.slice(0, FEED_ENTRIES) }) };
  for (const code of model.regionList) {
    const name = model.regions.get(code)?.name ?? code;
    const cap = childRegions(model, code).length > 0 ? REGION_FEED_ENTRIES : COUNTY_FEED_ENTRIES;
    const list = (model.announcementsWithin.get(code) ?? []).slice(0, cap);
    yield { path: `/regions/${code}/feed.xml`, mediaType: ATOM, content: atomFeed(model, { site, selfPath: `/regions/${code}/feed.xml`, title: `${name}${t.feedTitle}`, announcements: list }) };
  }
}

/** A sitemap index and its files (a national record has more pages than one sitemap may list), and robots.txt naming it. */
export function* sitemaps(model: Model, ctx: OutputContext): Generator<SiteFile> {
  const chunks = sitemapChunks(ctx.sitemap);
  yield { path: '/sitemap.xml', mediaType: XML, content: sitemapIndex(chunks.map((c) => latest(c, model.asOf)), ctx.site) };
  for (const [i, entries] of chunks.entries()) yield { path: sitemapPath(i), mediaType: GZIP, content: gzippedSync(urlset(entries, ctx.site)) };
  yield { path: '/robots.txt', mediaType: 'text/plain; charset=utf-8', content: robotsTxt(ctx.site) };
}

/**
 * Each region's workbook (if it has one: src/output/workbooks.ts, workbookOwner), then its
 * data.json, by code. A county's data.json names the workbook its announcements are in, its
 * parent's, written before it (a parent's code sorts before its counties').
 */
export async function* regionFiles(model: Model, site: URL, render: RenderWorkbook = renderInProcess): AsyncGenerator<SiteFile> {
  const books = regionWorkbooks(model, site, t.siteName, render);
  const written = new Map<string, RegionDownload>();
  let next = await books.next();
  for (const code of model.regionList) {
    if (!next.done && next.value.code === code) {
      const { path, content } = next.value;
      yield { path, mediaType: XLSX, content };
      written.set(code, { path, bytes: content.byteLength, sha256: sha256(content) });
      next = await books.next();
    }
    let own = written.get(code);
    if (!own && model.announcementsIssuedBy.has(code)) {
      own = written.get(workbookOwner(model, code));
      if (!own) throw new Error(t.build.workbookAfter(code, workbookOwner(model, code)));
    }
    yield { path: regionDataPath(code), mediaType: JSON_TYPE, content: `${JSON.stringify(regionData(model, code, site, own ? [own] : []))}\n` };
  }
  // Every workbook's owner is in regionList; anything left would be a region without a page.
  if (!next.done) throw new Error(t.build.regionWithoutPage(next.value.code));
}

/**
 * A large text file as UTF-8 bytes, once: its checksum and the writer then share them, instead
 * of each encoding the text again (a national CSV is 36 MB).
 */
function encoded(f: SiteFile): SiteFile {
  return typeof f.content === 'string' && f.content.length > 1 << 20 ? { ...f, content: Buffer.from(f.content) } : f;
}

/**
 * The machine outputs in two parts, which share their checksums. `early` needs only the model:
 * the build writes it before Astro renders the pages, while memory is free (the national
 * downloads, 60 MB files, are its large ones). `late` is each region's workbook and data.json
 * (the workbooks are written by a worker while the pages render), then SHA256SUMS of every
 * folder. Gzip copies for nginx are not part of the output (scripts/precompress.ts adds them where
 * the site is served by nginx): a national site must fit a 1 GB static host, and no other host
 * uses them.
 */
export function siteFileParts(model: Model, ctx: OutputContext): { early: AsyncGenerator<SiteFile>; late: AsyncGenerator<SiteFile> } {
  const sums = new Checksums();
  async function* early(): AsyncGenerator<SiteFile> {
    yield* feeds(model, ctx.site);
    yield* sitemaps(model, ctx);
    yield { path: '/_headers', mediaType: 'text/plain; charset=utf-8', content: headersFile(ctx.pageRoots) };
    for await (const f of dataDownloads(model, ctx.site)) yield sums.add(encoded(f));
    for (const f of dataIndexFiles(model, ctx.site)) yield sums.add(encoded(f));
    for (const f of watchlistFiles(model, ctx.site)) yield sums.add(encoded(f));
  }
  async function* late(): AsyncGenerator<SiteFile> {
    for await (const f of regionFiles(model, ctx.site, ctx.renderWorkbook)) yield sums.add(f);
    yield* sums.files();
  }
  return { early: early(), late: late() };
}

/** Every machine output of the site: both parts, one after the other. */
export async function* siteFiles(model: Model, ctx: OutputContext): AsyncGenerator<SiteFile> {
  const parts = siteFileParts(model, ctx);
  yield* parts.early;
  yield* parts.late;
}
