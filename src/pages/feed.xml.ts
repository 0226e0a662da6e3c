import type { APIRoute } from 'astro';
import { getModel } from '../site/record.ts';
import { atomFeed, FEED_ENTRIES } from '../output/feed.ts';
import { t } from '../i18n/zh-CN.ts';

export const GET: APIRoute = ({ site }) => {
  const model = getModel();
  const body = atomFeed(model, { site: site!, selfPath: '/feed.xml', title: t.feedTitle, announcements: model.announcements.slice(0, FEED_ENTRIES) });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
