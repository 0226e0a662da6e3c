import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getModel } from '../site/record.ts';
import { sitePaths } from '../site/paths.ts';
import { sitemapChunks, sitemapIndex } from '../output/sitemap.ts';

/** A sitemap index: a national record has more pages than one sitemap file may list. */
export const GET: APIRoute = async ({ site }) => {
  const model = getModel();
  const chunks = sitemapChunks(sitePaths(model, (await getCollection('policies')).map((p) => p.id)));
  return new Response(sitemapIndex(chunks.length, site!, model.asOf), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
