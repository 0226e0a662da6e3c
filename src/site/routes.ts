/**
 * Every kind of HTML page the site has, registered once. Each page file's `getStaticPaths` asks
 * this registry for its parameters; the sitemap, the list of pages the build reports and the
 * accessibility test's pages (one of each kind) derive from it. A new page kind is one entry here
 * and its `.astro` file.
 */
import type { Model } from '../derive/model.ts';
import { WATCHLIST_KINDS } from '../derive/watchlists.ts';
import { t } from '../i18n/zh-CN.ts';
import { allCharts } from './charts.ts';

export interface RouteContext {
  model: Model;
  /** Slugs of the policy texts (content/policies/<slug>.mdx). */
  policies: readonly string[];
}

type Params = Record<string, string>;

export interface Route {
  /** The page file under src/pages that renders it. */
  file: string;
  /** What the page is, for people (the accessibility test names pages by it). */
  title: string;
  /** The parameters of every page of this kind, in a stable order. */
  params(ctx: RouteContext): Params[];
  /** The page's path for its parameters. */
  path(p: Params): string;
  /** Listed in the sitemap (pages for people, not embeds or error pages). */
  sitemap: boolean;
  /** When the page's content last changed, from the data (YYYY-MM-DD); the as-of date where absent. */
  lastmod?(p: Params, ctx: RouteContext): string;
}

const one = (): Params[] => [{}];
const fixed = (path: string) => () => path;

/** The latest publication among announcements issued in or below a region. */
const regionLastmod = (p: Params, { model }: RouteContext) => model.announcementsWithin.get(p.code!)?.[0]?.meta.published ?? model.asOf;
/** The latest announcement that mentions any of an enterprise's lines. */
function enterpriseLastmod(p: Params, { model }: RouteContext): string {
  let last = '';
  for (const l of model.enterpriseByKey.get(p.key!)?.lines ?? []) {
    const d = l.mentions[l.mentions.length - 1]!.published;
    if (d > last) last = d;
  }
  return last || model.asOf;
}
/** An announcement's publication, or its correction's, which its page reports. */
function announcementLastmod(p: Params, { model }: RouteContext): string {
  const a = model.byId.get(p.id!)!;
  const by = model.supersededBy.get(a.id);
  const corrected = by ? model.byId.get(by)!.meta.published : '';
  return corrected > a.meta.published ? corrected : a.meta.published;
}

const assessmentYears = (m: Model) => [...new Set(m.chronological.filter((a) => a.kind === 'assessment' && !m.superseded.has(a.id)).map((a) => a.meta.year))].sort((a, b) => a - b);

export const ROUTES = {
  home: { file: 'index.astro', title: t.routes.home, params: one, path: fixed('/'), sitemap: true },
  regions: { file: 'regions/index.astro', title: t.routes.regions, params: one, path: fixed('/regions/'), sitemap: true },
  region: { file: 'regions/[code]/index.astro', title: t.routes.region, params: ({ model }) => model.regionList.map((code) => ({ code })), path: (p) => `/regions/${p.code}/`, sitemap: true, lastmod: regionLastmod },
  enterprise: { file: 'enterprises/[key]/index.astro', title: t.routes.enterprise, params: ({ model }) => model.enterprises.map((e) => ({ key: e.key })), path: (p) => `/enterprises/${p.key}/`, sitemap: true, lastmod: enterpriseLastmod },
  announcements: { file: 'announcements/index.astro', title: t.routes.announcements, params: one, path: fixed('/announcements/'), sitemap: true },
  announcementsYear: { file: 'announcements/year/[year]/index.astro', title: t.routes.announcementsYear, params: ({ model }) => model.years.map((y) => ({ year: String(y.year) })), path: (p) => `/announcements/year/${p.year}/`, sitemap: true },
  announcement: { file: 'announcements/[id]/index.astro', title: t.routes.announcement, params: ({ model }) => model.chronological.map((a) => ({ id: a.id })), path: (p) => `/announcements/${p.id}/`, sitemap: true, lastmod: announcementLastmod },
  industries: { file: 'industries/index.astro', title: t.routes.industries, params: one, path: fixed('/industries/'), sitemap: true },
  industry: { file: 'industries/[id]/index.astro', title: t.routes.industry, params: ({ model }) => model.taxonomy.industries.map((i) => ({ id: i.id })), path: (p) => `/industries/${p.id}/`, sitemap: true },
  policies: { file: 'policies/index.astro', title: t.routes.policies, params: one, path: fixed('/policies/'), sitemap: true },
  policy: { file: 'policies/[slug].astro', title: t.routes.policy, params: ({ policies }) => [...policies].sort().map((slug) => ({ slug })), path: (p) => `/policies/${p.slug}/`, sitemap: true },
  assessments: { file: 'assessments/[year]/index.astro', title: t.routes.assessments, params: ({ model }) => assessmentYears(model).map((y) => ({ year: String(y) })), path: (p) => `/assessments/${p.year}/`, sitemap: true },
  cards: { file: 'cards/index.astro', title: t.routes.cards, params: one, path: fixed('/cards/'), sitemap: true },
  changes: { file: 'changes/index.astro', title: t.routes.changes, params: one, path: fixed('/changes/'), sitemap: true },
  changesYear: { file: 'changes/year/[year]/index.astro', title: t.routes.changesYear, params: ({ model }) => model.years.map((y) => ({ year: String(y.year) })), path: (p) => `/changes/year/${p.year}/`, sitemap: true },
  watchlists: { file: 'watchlists/index.astro', title: t.watchlists.title, params: one, path: fixed('/watchlists/'), sitemap: true },
  watchlist: { file: 'watchlists/[kind]/index.astro', title: t.watchlists.routeKind, params: () => WATCHLIST_KINDS.map((kind) => ({ kind })), path: (p) => `/watchlists/${p.kind}/`, sitemap: true },
  data: { file: 'data/index.astro', title: t.routes.data, params: one, path: fixed('/data/'), sitemap: true },
  search: { file: 'search.astro', title: t.routes.search, params: one, path: fixed('/search/'), sitemap: true },
  glossary: { file: 'glossary/index.astro', title: t.routes.glossary, params: one, path: fixed('/glossary/'), sitemap: true },
  about: { file: 'about/index.astro', title: t.routes.about, params: one, path: fixed('/about/'), sitemap: true },
  guide: { file: 'guide/index.astro', title: t.routes.guide, params: one, path: fixed('/guide/'), sitemap: true },
  validation: { file: 'validation.astro', title: t.routes.validation, params: one, path: fixed('/validation/'), sitemap: false },
  embed: { file: 'embed/[chart]/index.astro', title: t.routes.embed, params: ({ model }) => allCharts(model).filter((c) => c.embed).map((c) => ({ chart: c.id })), path: (p) => `/embed/${p.chart}/`, sitemap: false },
  components: { file: 'components.astro', title: t.routes.components, params: one, path: fixed('/components/'), sitemap: false },
  notFound: { file: '404.astro', title: t.routes.notFound, params: one, path: fixed('/404.html'), sitemap: false },
} satisfies Record<string, Route>;

export type RouteKind = keyof typeof ROUTES;

/** `getStaticPaths` of a page kind. */
export function staticPaths(kind: RouteKind, ctx: RouteContext): { params: Params }[] {
  return ROUTES[kind].params(ctx).map((params) => ({ params }));
}

/** Every page of the site, kind by kind, in the registry's order. */
export function* pagePaths(ctx: RouteContext, filter: (r: Route) => boolean = () => true): Generator<{ kind: RouteKind; path: string }> {
  for (const [kind, route] of Object.entries(ROUTES) as [RouteKind, Route][]) {
    if (!filter(route)) continue;
    for (const p of route.params(ctx)) yield { kind, path: route.path(p) };
  }
}

/** The pages a sitemap lists. */
export const sitemapPaths = (ctx: RouteContext): string[] => [...pagePaths(ctx, (r) => r.sitemap)].map((p) => p.path);

/** The pages a sitemap lists, each with when it last changed (from the data, never the clock). */
export function sitemapEntries(ctx: RouteContext): { path: string; lastmod: string }[] {
  const out: { path: string; lastmod: string }[] = [];
  for (const route of Object.values(ROUTES) as Route[]) {
    if (!route.sitemap) continue;
    for (const p of route.params(ctx)) out.push({ path: route.path(p), lastmod: route.lastmod?.(p, ctx) ?? ctx.model.asOf });
  }
  return out;
}

/** One page of each kind that has any, for tests that visit every kind of page. */
export function onePageOfEachKind(ctx: RouteContext): { kind: RouteKind; title: string; path: string }[] {
  const out: { kind: RouteKind; title: string; path: string }[] = [];
  for (const [kind, route] of Object.entries(ROUTES) as [RouteKind, Route][]) {
    const first = route.params(ctx)[0];
    if (first) out.push({ kind, title: route.title, path: route.path(first) });
  }
  return out;
}
