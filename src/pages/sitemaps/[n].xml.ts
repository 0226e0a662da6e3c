import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getModel } from '../../site/record.ts';
import { sitePaths } from '../../site/paths.ts';
import { sitemapChunks, urlset } from '../../output/sitemap.ts';

export const getStaticPaths = (async () => {
  const chunks = sitemapChunks(sitePaths(getModel(), (await getCollection('policies')).map((p) => p.id)));
  return chunks.map((paths, i) => ({ params: { n: String(i + 1) }, props: { paths } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(urlset((props as { paths: string[] }).paths, site!), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
