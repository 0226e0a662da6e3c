/**
 * Query normalisation shared by the search page and its tests: what a citizen types becomes
 * what the index holds. Pure; runs in the browser.
 */
import { looksLikeCreditCode, normaliseCreditCode } from '../data/credit-code.ts';
import { normaliseDocNumber } from '../data/normalize.ts';
import { t } from '../i18n/zh-CN.ts';

export type Query = { kind: 'credit-code'; code: string; text: string } | { kind: 'text'; text: string };

const DOC = /[\u4e00-\u9fa5]{1,16}\s*[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,5}\s*号/g;

export function parseQuery(input: string): Query {
  const trimmed = input.trim();
  if (looksLikeCreditCode(trimmed)) {
    const code = normaliseCreditCode(trimmed);
    return { kind: 'credit-code', code, text: code };
  }
  // Document numbers in any bracket style are searched as the index writes them.
  return { kind: 'text', text: trimmed.replace(DOC, (m) => normaliseDocNumber(m)) };
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
