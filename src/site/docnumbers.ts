import { DOC_NUMBER, normaliseDocNumber } from '../text/normalize.ts';
import { escapeHtml } from '../text/escape.ts';

/*
 * Document numbers (文号) in any bracket style — 国发〔2025〕7号, 云政发[2025]123号, 豫淘汰落后办（2021）10号 —
 * link to the policy or announcement that carries that number.
 */

export type DocIndex = ReadonlyMap<string, string>;

export function buildDocIndex(entries: readonly { docNumber: string | undefined; path: string }[]): DocIndex {
  const index = new Map<string, string>();
  // The first entry wins: policy texts are listed before the announcements that cite them.
  for (const e of entries) if (e.docNumber && !index.has(normaliseDocNumber(e.docNumber))) index.set(normaliseDocNumber(e.docNumber), e.path);
  return index;
}

/** The target of a written document number; a longer Chinese prefix ("根据国发…") is trimmed until one matches. */
export function resolveDocNumber(written: string, index: DocIndex): { href: string; trimmed: number } | undefined {
  let n = normaliseDocNumber(written);
  for (let trimmed = 0; n.length > 0; trimmed++) {
    const href = index.get(n);
    if (href) return { href, trimmed };
    if (!/^[\u4e00-\u9fa5]/.test(n)) return undefined;
    n = n.slice(1);
  }
  return undefined;
}

/** Splits text into plain pieces and document-number links. */
export function splitDocNumbers(text: string, index: DocIndex, selfPath?: string): ({ text: string } | { text: string; href: string })[] {
  const out: ({ text: string } | { text: string; href: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(DOC_NUMBER)) {
    const hit = resolveDocNumber(m[0], index);
    if (!hit || hit.href === selfPath) continue;
    // Link only the number itself, not Chinese words that happen to precede it (trimmed 1:1).
    const start = m.index + hit.trimmed;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: text.slice(start, m.index + m[0].length), href: hit.href });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Links document numbers in the text of rendered HTML, never inside an existing link or a tag. */
export function linkDocNumbersInHtml(html: string, index: DocIndex, selfPath?: string): string {
  let inLink = 0;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_m, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      if (/^<a[\s>]/i.test(tag)) inLink++;
      else if (/^<\/a>/i.test(tag)) inLink = Math.max(0, inLink - 1);
      return tag;
    }
    if (inLink > 0 || !text) return text ?? '';
    const raw = text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!);
    const parts = splitDocNumbers(raw, index, selfPath);
    if (parts.length === 1 && !('href' in parts[0]!)) return text;
    return parts.map((p) => ('href' in p ? `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>` : escapeHtml(p.text))).join('');
  });
}
