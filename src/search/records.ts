import type { Model } from '../derive/model.ts';
import type { PolicyText } from '../read/policies.ts';
import { normaliseDocNumber } from '../text/normalize.ts';
import { KIND_LABELS } from '../schema/announcement.ts';
import { statusLabel } from '../schema/line.ts';
import { escapeHtml } from '../text/escape.ts';
import { t } from '../i18n/zh-CN.ts';

/**
 * What the search index holds. Pagefind's index metadata grows with the number of indexed pages
 * (about 6 bytes each, fetched by every first search), so one page per enterprise would make a
 * national record's first search fetch over 600 kB. Instead there is one search document per
 * region, in which each enterprise and each announcement of that region is a section under a
 * heading with an id; Pagefind returns those sections as sub-results, and the search page shows
 * each as its own result linking to the enterprise or announcement page. Industries and policy
 * texts are documents of their own. Built from the model, never by re-reading the site's pages.
 * Pure: the same model gives the same documents in the same order.
 */
export interface SearchDoc {
  url: string;
  /** A small HTML page for Pagefind's indexer (never published). */
  html: string;
}


/** Separates the fields of a sub-result heading: name｜region｜industry｜status. */
export const FIELD_SEPARATOR = '｜';
export const ENTERPRISE_ANCHOR = 'e-';
export const ANNOUNCEMENT_ANCHOR = 'a-';

const clean = (s: string) => escapeHtml(s.replaceAll(FIELD_SEPARATOR, '|'));
const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

function page(title: string, meta: Record<string, string>, filters: Record<string, string[]>, body: string): string {
  const metas = Object.entries({ title, ...meta }).map(([k, v]) => `<span data-pagefind-meta="${k}">${clean(v)}</span>`).join('');
  const filts = Object.entries(filters).flatMap(([k, vs]) => vs.map((v) => `<span data-pagefind-filter="${k}">${clean(v)}</span>`)).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${clean(title)}</title></head><body><main data-pagefind-body><div data-pagefind-ignore>${metas}${filts}</div><h1>${clean(title)}</h1>${body}</main></body></html>`;
}

export function searchDocuments(model: Model, policies: readonly PolicyText[]): SearchDoc[] {
  const out: SearchDoc[] = [];
  const industry = (id: string) => model.taxonomy.get(id)?.name ?? id;
  const enterprisesIn = new Map<string, Model['enterprises']>();
  for (const e of model.enterprises) enterprisesIn.set(e.regionCode, [...(enterprisesIn.get(e.regionCode) ?? []), e]);

  for (const code of [...model.regionCodes].sort()) {
    const chain = model.regions.chain(code);
    const name = model.regions.get(code)?.name ?? code;
    const path = chain.slice(1).map((r) => r.name).join(' ') || '全国';
    const enterprises = enterprisesIn.get(code) ?? [];
    const announcements = [...(model.announcementsIssuedBy.get(code) ?? [])].reverse();
    const sections: string[] = [];
    for (const e of enterprises) {
      const industries = uniq(e.lines.map((l) => industry(l.row.industry)));
      const statuses = uniq(e.lines.map((l) => statusLabel(l.status)));
      const heading = [e.name, path, industries.join('、'), statuses.join('、')].map(clean).join(FIELD_SEPARATOR);
      const words = uniq([e.creditCode, e.stockCode, ...e.lines.map((l) => l.row.equipment), ...e.lines.flatMap((l) => l.mentions.map((m) => model.byId.get(m.announcementId)?.meta.doc_number))]);
      sections.push(`<h2 id="${ENTERPRISE_ANCHOR}${e.key}">${heading}</h2><p>${words.map(clean).join(' ')}</p>`);
    }
    for (const a of announcements) {
      const doc = a.meta.doc_number;
      const heading = [a.meta.title, path, KIND_LABELS[a.kind], String(a.meta.year)].map(clean).join(FIELD_SEPARATOR);
      sections.push(`<h2 id="${ANNOUNCEMENT_ANCHOR}${a.id}">${heading}</h2><p>${[a.meta.issuer, doc, doc && normaliseDocNumber(doc)].filter(Boolean).map((x) => clean(x!)).join(' ')}</p>`);
    }
    const lines = enterprises.flatMap((e) => e.lines);
    const types = [t.search.kinds.region, ...(enterprises.length ? [t.search.kinds.enterprise] : []), ...(announcements.length ? [t.search.kinds.announcement] : [])];
    out.push({
      url: `/regions/${code}/`,
      html: page(name, { kind: t.search.kinds.region, region: path }, {
        type: types,
        ...(chain[1] && { province: [chain[1].name] }),
        ...(chain[2] && { city: [chain[2].name] }),
        industry: uniq(lines.map((l) => industry(l.row.industry))),
        year: uniq([...lines.flatMap((l) => l.mentions.map((m) => String(m.year))), ...announcements.map((a) => String(a.meta.year))]),
        status: uniq(lines.map((l) => statusLabel(l.status))),
      }, `<p>${clean(path)} ${code}</p>${sections.join('')}`),
    });
  }
  for (const i of model.taxonomy.industries) {
    out.push({
      url: `/industries/${i.id}/`,
      html: page(i.name, { kind: t.search.kinds.industry }, { type: [t.search.kinds.industry], industry: [i.name] }, `<p>${[...i.aliases, i.group].map(clean).join(' ')}</p>`),
    });
  }
  for (const p of policies) {
    const doc = p.docNumber;
    out.push({
      url: `/policies/${p.slug}/`,
      html: page(p.title, { kind: t.search.kinds.policy, ...(doc && { doc }) }, { type: [t.search.kinds.policy] }, `<p>${[doc, doc && normaliseDocNumber(doc), p.issuer].filter(Boolean).map((x) => clean(x!)).join(' ')}</p><p>${clean(p.text)}</p>`),
    });
  }
  return out;
}

/**
 * The exact credit-code lookup: code → enterprise page, sharded by the code's last two
 * characters so that a query loads one small file.
 */
export function creditCodeShards(model: Model): Map<string, Record<string, { url: string; name: string }>> {
  const shards = new Map<string, Record<string, { url: string; name: string }>>();
  for (const e of model.enterprises) {
    if (!e.creditCode) continue;
    const key = e.creditCode.slice(16);
    const shard = shards.get(key) ?? {};
    shard[e.creditCode] = { url: `/enterprises/${e.key}/`, name: e.name };
    shards.set(key, shard);
  }
  return new Map([...shards.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
