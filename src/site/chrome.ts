/**
 * The furniture every page shares: the main navigation, the footer's links and which link is the
 * page's own section. Decided once per model (the footer links the latest year of assessments),
 * never per page: the header and footer are repeated on every one of 100,000 pages.
 */
import type { Model } from '../derive/model.ts';
import { t } from '../i18n/zh-CN.ts';

export interface NavLink { href: string; label: string }

/** The header's links: every section of the site, so each kind of page is a click or two away. */
export const MAIN_NAV: readonly NavLink[] = [
  { href: '/regions/', label: t.nav.regions },
  { href: '/industries/', label: t.nav.industries },
  { href: '/announcements/', label: t.nav.announcements },
  { href: '/changes/', label: t.nav.changes },
  { href: '/policies/', label: t.nav.policies },
  { href: '/watchlists/', label: t.nav.watchlists },
  { href: '/data/', label: t.nav.data },
  { href: '/search/', label: t.nav.search },
  { href: '/about/', label: t.nav.about },
];

const footerCache = new WeakMap<Model, NavLink[]>();

/** Pages whose footer lists every page the header does not name (FULL_FOOTER_PAGES); the others link there. */
export const FULL_FOOTER_PAGES: readonly string[] = ['/', '/about/'];
/** Where a short footer's "more pages" link goes: the about page's full footer list. */
export const MORE_PAGES = { id: 'more', href: '/about/#more' } as const;

/**
 * The footer's links on the home and about pages: the lists the header does not name, the
 * glossary, the guide and the release index. Every other page's footer has the glossary and a link
 * to that list: the footer is on 100,000 pages of a national site, and each link costs 5 MB there.
 */
export function footerNavFor(model: Model, path: string): NavLink[] {
  return FULL_FOOTER_PAGES.includes(path) ? footerNav(model) : [footerNav(model)[0]!, { href: MORE_PAGES.href, label: t.footerNav.more }];
}

/** The footer's full list of links (see `footerNavFor`). */
export function footerNav(model: Model): NavLink[] {
  let links = footerCache.get(model);
  if (!links) {
    let year: number | undefined;
    for (const a of model.chronological) if (a.kind === 'assessment' && !model.superseded.has(a.id) && (year === undefined || a.meta.year > year)) year = a.meta.year;
    links = [
      { href: '/glossary/', label: t.footerNav.glossary },
      { href: '/cards/', label: t.footerNav.cards },
      ...(year === undefined ? [] : [{ href: `/assessments/${year}/`, label: t.footerNav.assessments }]),
      { href: '/guide/', label: t.footerNav.guide },
      { href: '/validation/', label: t.footerNav.validation },
      { href: '/data/index.json', label: t.release.index },
    ];
    footerCache.set(model, links);
  }
  return links;
}

/** `aria-current` of a navigation link on the page at `path`: the page itself, or a page of its section. */
export function currentOf(href: string, path: string): 'page' | 'true' | undefined {
  if (path === href) return 'page';
  return href.endsWith('/') && href !== '/' && path.startsWith(href) ? 'true' : undefined;
}
