import type { Model } from '../data/model.ts';
import { normaliseDocNumber } from '../data/normalize.ts';
import { KIND_LABELS } from '../schema/announcement.ts';
import { statusLabel } from '../site/labels.ts';
import { t } from '../i18n/zh-CN.ts';

/**
 * What the search index holds: one record per enterprise, region, industry, announcement and
 * policy, built from the model rather than by re-reading every HTML page. A record carries the
 * words people search by (names, codes, equipment, document numbers), the fields a result shows
 * and the filters. Pure: the same model gives the same records in the same order.
 */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

export interface PolicyText {
  slug: string;
  title: string;
  docNumber?: string | undefined;
  issuer: string;
  text: string;
}

const LANGUAGE = 'zh-cn';

export function searchRecords(model: Model, policies: readonly PolicyText[]): SearchRecord[] {
  const out: SearchRecord[] = [];
  const place = (code: string) => {
    const chain = model.regions.chain(code);
    return { province: chain[1]?.name, city: chain[2]?.name, name: chain.slice(1).map((r) => r.name).join(' ') || '全国' };
  };
  const industry = (id: string) => model.taxonomy.get(id)?.name ?? id;
  const list = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

  for (const e of model.enterprises) {
    const p = place(e.regionCode);
    const statuses = list(e.lines.map((l) => statusLabel(l.status)));
    const industries = list(e.lines.map((l) => industry(l.row.industry)));
    const years = list(e.lines.flatMap((l) => l.mentions.map((m) => String(m.year))));
    const docNumbers = list(e.lines.flatMap((l) => l.mentions.map((m) => model.byId.get(m.announcementId)?.meta.doc_number)));
    out.push({
      url: `/enterprises/${e.key}/`,
      language: LANGUAGE,
      content: [e.name, e.creditCode, e.stockCode, p.name, ...industries, ...e.lines.map((l) => l.row.equipment), ...statuses, ...docNumbers].filter(Boolean).join(' '),
      meta: { title: e.name, kind: t.search.kinds.enterprise, region: p.name, industry: industries.join('、'), status: statuses.join('、'), ...(e.creditCode && { code: e.creditCode }), ...(e.example && { example: '1' }) },
      filters: {
        type: [t.search.kinds.enterprise],
        ...(p.province && { province: [p.province] }),
        ...(p.city && { city: [p.city] }),
        industry: industries,
        year: years,
        status: statuses,
      },
    });
  }
  for (const code of [...model.regionCodes].sort()) {
    const p = place(code);
    const r = model.regions.get(code);
    out.push({
      url: `/regions/${code}/`,
      language: LANGUAGE,
      content: `${r?.name ?? code} ${p.name} ${code}`,
      meta: { title: r?.name ?? code, kind: t.search.kinds.region, region: p.name },
      filters: { type: [t.search.kinds.region], ...(p.province && { province: [p.province] }), ...(p.city && { city: [p.city] }) },
    });
  }
  for (const i of model.taxonomy.industries) {
    out.push({
      url: `/industries/${i.id}/`,
      language: LANGUAGE,
      content: [i.name, ...i.aliases, i.group].join(' '),
      meta: { title: i.name, kind: t.search.kinds.industry },
      filters: { type: [t.search.kinds.industry], industry: [i.name] },
    });
  }
  for (const a of [...model.announcements].reverse()) {
    const p = place(a.meta.region);
    out.push({
      url: `/announcements/${a.id}/`,
      language: LANGUAGE,
      content: [a.meta.title, a.meta.issuer, a.meta.doc_number, a.meta.doc_number && normaliseDocNumber(a.meta.doc_number), p.name, KIND_LABELS[a.kind]].filter(Boolean).join(' '),
      meta: { title: a.meta.title, kind: t.search.kinds.announcement, region: p.name, ...(a.meta.doc_number && { doc: a.meta.doc_number }) },
      filters: { type: [t.search.kinds.announcement], ...(p.province && { province: [p.province] }), ...(p.city && { city: [p.city] }), year: [String(a.meta.year)] },
    });
  }
  for (const pol of policies) {
    out.push({
      url: `/policies/${pol.slug}/`,
      language: LANGUAGE,
      content: [pol.title, pol.docNumber, pol.docNumber && normaliseDocNumber(pol.docNumber), pol.issuer, pol.text].filter(Boolean).join(' '),
      meta: { title: pol.title, kind: t.search.kinds.policy, ...(pol.docNumber && { doc: pol.docNumber }) },
      filters: { type: [t.search.kinds.policy] },
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
