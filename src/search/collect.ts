import type { Model } from '../derive/model.ts';
import type { PolicyText } from '../read/policies.ts';
import { KIND_LABELS } from '../schema/announcement.ts';
import { LINE_STATUSES, statusLabel } from '../schema/line.ts';
import { normaliseDocNumber } from '../text/normalize.ts';
import { t } from '../i18n/zh-CN.ts';
import { fold, type CharMap } from './fold.ts';
import { CODE, FIELD, type CodeEntry, type CollectionId, type DocEntry, type EnterpriseRecord, type Facet, type Field, type PageRecord, type TargetRecord } from './format.ts';

/**
 * What the name index holds, derived from the model in one pass: each collection's targets in
 * the order of their region (so a province and a city are each a range of ordinals), the texts
 * searched by any part of them (enterprise names, former names and equipment words; names of
 * regions, industries and policy texts) and the codes searched whole (credit codes also by their
 * first 8 characters, stock codes, line ids, document numbers). Pure.
 */
export interface SearchText {
  field: Field;
  /** As written (shown as the reason for a match). */
  raw: string;
  folded: string;
}

export interface Target {
  record: TargetRecord;
  texts: SearchText[];
  /** One mask per facet of the collection (bit i = value i). */
  masks: number[];
  province: number;
  city: number;
}

export interface Collection {
  id: CollectionId;
  facets: Facet[];
  targets: Target[];
}

export interface SearchData {
  collections: Record<CollectionId, Collection>;
  codes: CodeEntry[];
  /** Document numbers of announcements and policy texts, with the page each leads to. */
  docs: DocEntry[];
  provinces: [string, string][];
  /** City name and the province it is in (index into provinces). */
  cities: [string, number][];
  values: Record<Facet, string[]>;
  kinds: string[];
  /** Every character of every folded text (for the Traditional → Simplified map). */
  alphabet: Set<string>;
}

export const PAGE_KIND = { region: 0, industry: 1, policy: 2, announcement: 3 } as const;
const MAX_BITS = 53;
/** Equipment is searched by its words: runs of Chinese characters two or more long (机立窑, 高炉, 电石炉). */
const EQUIPMENT_WORD = /\p{Script=Han}{2,}/gu;

/** A bit of a mask as arithmetic (masks may pass 32 bits). */
export const bit = (i: number) => 2 ** i;
export const hasBit = (mask: number, i: number) => Math.floor(mask / 2 ** i) % 2 === 1;

const bySort = <T extends { sort: string }>(a: T, b: T) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0);

export function collectSearchData(model: Model, policies: readonly PolicyText[], ts: CharMap): SearchData {
  const alphabet = new Set<string>();
  const text = (field: Field, raw: string, searched = raw): SearchText => {
    const folded = fold(searched, ts);
    for (const ch of folded) alphabet.add(ch);
    return { field, raw, folded };
  };

  // Regions: provinces and cities are the filters; everything is placed by its region code.
  const provinces: [string, string][] = [];
  const cities: [string, number][] = [];
  const provinceIndex = new Map<string, number>();
  const cityIndex = new Map<string, number>();
  const codes = [...model.regionCodes].sort();
  for (const code of codes) {
    const r = model.regions.get(code);
    if (r?.level === 'province') provinceIndex.set(code, provinces.push([code, r.name]) - 1);
  }
  for (const code of codes) {
    const r = model.regions.get(code);
    if (r?.level !== 'city') continue;
    const p = model.regions.chain(code).find((x) => x.level === 'province');
    cityIndex.set(code, cities.push([r.name, p ? provinceIndex.get(p.code)! : -1]) - 1);
  }
  const place = (code: string) => {
    const chain = model.regions.chain(code);
    const p = chain.find((x) => x.level === 'province');
    const c = chain.find((x) => x.level === 'city');
    return {
      province: p ? provinceIndex.get(p.code) ?? -1 : -1,
      city: c ? cityIndex.get(c.code) ?? -1 : -1,
      /** Below the province: city and county, as written. */
      below: chain.filter((x) => x.level !== 'nation' && x.level !== 'province'),
      path: chain.filter((x) => x.level !== 'nation').map((x) => x.name).join(' '),
      sort: `${p?.code ?? '999999'}${c?.code ?? '999999'}${code}`,
    };
  };
  const placeText = (below: { name: string; code: string }[], except = '') => below.filter((x) => x.code !== except).map((x) => x.name).join(' ');

  // Facet values.
  const industries = model.taxonomy.industries;
  const industryBit = new Map(industries.map((x, i) => [x.id, i]));
  const years = new Set<number>();
  for (const a of model.announcements) years.add(a.meta.year);
  const yearList = [...years].sort((a, b) => a - b);
  const yearBit = new Map(yearList.map((y, i) => [y, i]));
  const statusBit = new Map(LINE_STATUSES.map((s, i) => [s as string, i]));
  if (industries.length > MAX_BITS || yearList.length > MAX_BITS) throw new Error(`搜索索引最多支持 ${MAX_BITS} 个行业和 ${MAX_BITS} 个年度`);

  // Enterprises: by their names, former names and equipment words.
  const out: CodeEntry[] = [];
  const enterprises = model.enterprises.map((e) => {
    const where = place(e.regionCode);
    const names = new Set<string>();
    const lineIds = new Set<string>();
    const equipment = new Map<string, string>();
    let industry = 0;
    let status = 0;
    let year = 0;
    for (const l of e.lines) {
      lineIds.add(l.row.line_id);
      const ib = industryBit.get(l.row.industry);
      if (ib !== undefined && !hasBit(industry, ib)) industry += bit(ib);
      const sb = statusBit.get(l.status)!;
      if (!hasBit(status, sb)) status += bit(sb);
      for (const m of l.mentions) {
        names.add(m.row.enterprise_name);
        const yb = yearBit.get(m.year);
        if (yb !== undefined && !hasBit(year, yb)) year += bit(yb);
        const eq = m.row.equipment ?? '';
        for (const [w] of eq.matchAll(EQUIPMENT_WORD)) if (!equipment.has(w)) equipment.set(w, eq);
      }
    }
    names.delete(e.name);
    const former = [...names].sort();
    const record: EnterpriseRecord = [e.key, e.name, placeText(where.below), industry, status, year];
    if (former.length) record.push(former);
    const texts = [
      text(FIELD.title, e.name),
      ...former.map((n) => text(FIELD.former, n)),
      ...[...equipment].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, raw]) => text(FIELD.equipment, raw, w)),
    ];
    return { target: { record, texts, masks: [industry, status, year], province: where.province, city: where.city }, sort: `${where.sort}${e.key}`, e, lineIds };
  });
  enterprises.sort(bySort);
  const foldCode = (s: string) => fold(s, ts);
  enterprises.forEach(({ e, lineIds }, ordinal) => {
    if (e.creditCode) out.push([foldCode(e.creditCode), CODE.credit, ordinal]);
    if (e.stockCode) out.push([foldCode(e.stockCode), CODE.stock, ordinal]);
    for (const id of [...lineIds].sort()) out.push([foldCode(id), CODE.line, ordinal]);
  });

  // Pages found by name: regions, industries, policy texts.
  const kinds = [t.search.kinds.region, t.search.kinds.industry, t.search.kinds.policy, t.search.kinds.announcement, t.search.kinds.enterprise];
  const pages: { target: Target; sort: string }[] = [];
  const docs: DocEntry[] = [];
  for (const code of model.regionCodes) {
    const r = model.regions.get(code);
    if (!r || r.level === 'nation') continue;
    const where = place(code);
    const record: PageRecord = [`/regions/${code}/`, r.name, PAGE_KIND.region, placeText(where.below, code), 0, ''];
    pages.push({ target: { record, texts: [text(FIELD.title, r.name)], masks: [], province: where.province, city: where.city }, sort: `${where.sort}0` });
  }
  industries.forEach((i, n) => {
    const record: PageRecord = [`/industries/${i.id}/`, i.name, PAGE_KIND.industry, '', 0, i.group];
    const texts = [text(FIELD.title, i.name), ...i.aliases.map((x) => text(FIELD.alias, x))];
    pages.push({ target: { record, texts, masks: [], province: -1, city: -1 }, sort: `~1${String(n).padStart(4, '0')}` });
  });
  policies.forEach((p, n) => {
    const doc = p.docNumber ? normaliseDocNumber(p.docNumber) : '';
    const record: PageRecord = [`/policies/${p.slug}/`, p.title, PAGE_KIND.policy, '', 0, p.issuer ?? ''];
    if (doc) record.push(doc);
    pages.push({ target: { record, texts: [text(FIELD.title, p.title)], masks: [], province: -1, city: -1 }, sort: `~2${String(n).padStart(4, '0')}` });
    if (doc) docs.push([fold(doc, ts), CODE.doc, record]);
  });
  pages.sort(bySort);

  // Announcements: found by their document numbers (their titles and bodies are in the full text).
  for (const a of model.announcements) {
    if (!a.meta.doc_number) continue;
    const doc = normaliseDocNumber(a.meta.doc_number);
    docs.push([fold(doc, ts), CODE.doc, [`/announcements/${a.id}/`, a.meta.title, PAGE_KIND.announcement, place(a.meta.region).path, a.meta.year, `${a.meta.year}年 · ${KIND_LABELS[a.kind]}`, doc]]);
  }

  return {
    collections: {
      e: { id: 'e', facets: ['industry', 'status', 'year'], targets: enterprises.map((x) => x.target) },
      p: { id: 'p', facets: [], targets: pages.map((x) => x.target) },
    },
    codes: out,
    docs,
    provinces,
    cities,
    values: { industry: industries.map((i) => i.name), status: LINE_STATUSES.map(statusLabel), year: yearList.map(String) },
    kinds,
    alphabet,
  };
}
