import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../site/record.ts';
import { atomFeed, FEED_ENTRIES } from '../../../output/feed.ts';
import { t } from '../../../i18n/zh-CN.ts';

/** `/regions/<code>/feed.xml`: the announcements issued in the region or below it. */
export const getStaticPaths = (() => [...getModel().regionCodes].sort().map((code) => ({ params: { code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) => {
  const model = getModel();
  const code = params.code!;
  const list = (model.announcementsWithin.get(code) ?? []).slice(0, FEED_ENTRIES);
  const name = model.regions.get(code)?.name ?? code;
  const body = atomFeed(model, { site: site!, selfPath: `/regions/${code}/feed.xml`, title: `${name}${t.feedTitle}`, announcements: list });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
