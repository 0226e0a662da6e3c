/**
 * Query normalisation shared by the search page and its tests: what a citizen types becomes
 * what the index holds. Pure; runs in the browser.
 */
import { looksLikeCreditCode, normaliseCreditCode } from '../text/credit-code.ts';
import { DOC_NUMBER, normaliseDocNumber } from '../text/normalize.ts';
import { t } from '../i18n/zh-CN.ts';

export type Query = { kind: 'credit-code'; code: string; text: string } | { kind: 'text'; text: string };


export function parseQuery(input: string): Query {
  const trimmed = input.trim();
  if (looksLikeCreditCode(trimmed)) {
    const code = normaliseCreditCode(trimmed);
    return { kind: 'credit-code', code, text: code };
  }
  // Document numbers in any bracket style are searched as the index writes them.
  return { kind: 'text', text: trimmed.replace(DOC_NUMBER, (m) => normaliseDocNumber(m)) };
}

/** The shard file of the exact credit-code lookup. */
export const codeShardUrl = (code: string) => `/search/codes/${code.slice(16)}.json`;

/**
 * Final order of the results Pagefind ranked: records whose title contains the query come first,
 * enterprises before the rest, then everything else in Pagefind's order. A citizen typing part of
 * a name wants that enterprise, not a long report that repeats the word.
 */
export function rankResults<T extends { meta: Record<string, string> }>(results: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  const rank = (r: T) => {
    const inTitle = q !== '' && (r.meta.title ?? '').toLowerCase().includes(q);
    return inTitle ? (r.meta.kind === t.search.kinds.enterprise ? 0 : 1) : 2;
  };
  return results.map((r, i) => ({ r, i, k: rank(r) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r);
}

/** What Pagefind returns for one search document (the fields the page uses). */
export interface ResultData {
  url: string;
  meta: Record<string, string>;
  sub_results?: { title: string; url: string }[];
}

/** One line of the result list. */
export interface Item {
  href: string;
  title: string;
  kind: string;
  /** Region, industry, status (enterprises); region, kind, year (announcements). */
  details: string[];
}

const SEP = '｜';

/**
 * Turns Pagefind's results (one per region document, with enterprise and announcement sections as
 * sub-results) into the list a citizen reads: each enterprise and announcement its own item,
 * linked to its own page; the region itself where its name matches. Filters that Pagefind applies
 * per document (status, industry, type) are applied again per item here.
 */
export function flattenResults(results: readonly ResultData[], query: string, filters: Readonly<Record<string, string>>): Item[] {
  const items: Item[] = [];
  const q = query.trim().toLowerCase();
  for (const r of results) {
    const kind = r.meta.kind ?? '';
    const title = r.meta.title ?? r.url;
    let anchored = 0;
    for (const s of r.sub_results ?? []) {
      const hash = s.url.split('#')[1] ?? '';
      const fields = s.title.split(SEP);
      if (hash.startsWith('e-')) {
        anchored++;
        const [name = '', region = '', industry = '', status = ''] = fields;
        if (filters.status && !status.split('、').includes(filters.status)) continue;
        if (filters.industry && !industry.split('、').includes(filters.industry)) continue;
        if (filters.type && filters.type !== t.search.kinds.enterprise) continue;
        items.push({ href: `/enterprises/${hash.slice(2)}/`, title: name, kind: t.search.kinds.enterprise, details: [region, industry, status] });
      } else if (hash.startsWith('a-')) {
        anchored++;
        const [name = '', region = '', kindLabel = '', year = ''] = fields;
        if (filters.status || filters.industry) continue;
        if (filters.type && filters.type !== t.search.kinds.announcement) continue;
        items.push({ href: `/announcements/${hash.slice(2)}/`, title: name, kind: t.search.kinds.announcement, details: [region, kindLabel, year ? `${year}年` : ''] });
      }
    }
    const nameMatches = q !== '' && title.toLowerCase().includes(q);
    const typeOk = !filters.type || filters.type === kind;
    if ((anchored === 0 || nameMatches) && typeOk && !(kind === t.search.kinds.region && (filters.status || filters.industry) && !nameMatches)) {
      items.push({ href: r.url, title, kind, details: [r.meta.region ?? '', r.meta.doc ?? ''] });
    }
  }
  return items;
}
