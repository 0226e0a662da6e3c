import type { Model } from '../derive/model.ts';
import type { PolicyText } from '../read/policies.ts';
import { normaliseDocNumber } from '../text/normalize.ts';
import { KIND_LABELS } from '../schema/announcement.ts';
import { escapeHtml } from '../text/escape.ts';
import { t } from '../i18n/zh-CN.ts';

/**
 * The documents Pagefind indexes for full-text search: what the name index does not hold —
 * announcement titles and bodies, policy texts. (Enterprise names, equipment words, codes and
 * document numbers are in the name index.) Pagefind's index metadata grows with the number of
 * documents, so announcements (heading id `a-<id>`) are sections of one document per issuing
 * region, and each policy text is a document. Built from the model, never by re-reading the
 * site's pages. Pure and linear: the same model gives the same documents in the same order.
 */
export interface SearchDoc {
  url: string;
  /** A small HTML page for Pagefind's indexer (never published). */
  html: string;
}

export const FIELD_SEPARATOR = '｜';
export const ANNOUNCEMENT_ANCHOR = 'a-';

const clean = (s: string) => escapeHtml(s.replaceAll(FIELD_SEPARATOR, '|'));

function page(title: string, kind: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${clean(title)}</title></head><body><main data-pagefind-body><span data-pagefind-ignore><span data-pagefind-meta="title">${clean(title)}</span><span data-pagefind-meta="kind">${clean(kind)}</span></span><h1>${clean(title)}</h1>${body}</main></body></html>`;
}

export function fullTextDocuments(model: Model, policies: readonly PolicyText[]): SearchDoc[] {
  const out: SearchDoc[] = [];
  const codes = [...model.announcementsIssuedBy.keys()].sort();
  for (const code of codes) {
    const announcements = model.announcementsIssuedBy.get(code) ?? [];
    const name = model.regions.get(code)?.name ?? code;
    const sections = announcements.map((a) => {
      const doc = a.meta.doc_number;
      const heading = [a.meta.title, KIND_LABELS[a.kind], String(a.meta.year)].map(clean).join(FIELD_SEPARATOR);
      const words = [a.meta.issuer, doc, doc && normaliseDocNumber(doc)].filter((x): x is string => !!x).map(clean).join(' ');
      return `<h2 id="${ANNOUNCEMENT_ANCHOR}${a.id}">${heading}</h2><p>${words}</p><p>${clean(a.body.replace(/\s+/g, ' '))}</p>`;
    });
    out.push({ url: `/regions/${code}/`, html: page(name, t.search.kinds.region, sections.join('')) });
  }
  for (const p of policies) {
    const doc = p.docNumber;
    const words = [doc, doc && normaliseDocNumber(doc), p.issuer].filter((x): x is string => !!x).map(clean).join(' ');
    out.push({ url: `/policies/${p.slug}/`, html: page(p.title, t.search.kinds.policy, `<p>${words}</p><p>${clean(p.text)}</p>`) });
  }
  return out;
}
