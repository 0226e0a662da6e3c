import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getModel } from '../site/record.ts';
import { sitePaths } from '../site/paths.ts';
import { escapeXml } from '../site/xml.ts';

export const GET: APIRoute = async ({ site }) => {
  const policies = (await getCollection('policies')).map((p) => p.id);
  const urls = sitePaths(getModel(), policies).map((p) => `  <url><loc>${escapeXml(new URL(p, site).href)}</loc></url>`);
  const body = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
