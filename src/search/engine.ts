/**
 * The query engine: what the search page runs in the browser and the tests run in Node, against
 * the files of the name index (format.ts). Pure apart from `load`, which fetches a file's bytes
 * (the page passes fetch with a cache, the tests read the built files).
 *
 * A query is folded (fold.ts). If it is a key more than `leafMax` enterprises contain, its key
 * file holds the exact answer as sets; otherwise the first *minimal rare string* in it (rare,
 * while the strings one character shorter are common) names a leaf, which lists every target
 * containing that string with its record, and the whole query is checked against their names.
 * Either way the answer is exact, and one file is read for it.
 */
import { and, andNot, countRange, decodeSet, has, membersIn, newBits, Reader, hashKey, unpackFile, type Bits } from './bits.ts';
import { fold, locate, parseCharMap, type CharMap } from './fold.ts';
import {
  CLASS, CODE, CODE_PREFIX, codeShardKey, FACETS, FIELD, fileOf, isAscii, isName, packStarts, parseKeys, paths, type CodeEntry, type CollectionId, type DocEntry, type EnterpriseRecord, type Facet, type FilterName, type Geo,
  type KeyHead, type LeafEntry, type MatchClass, type Meta, type Pack, type PageRecord, type TargetRecord, type Field,
} from './format.ts';

export type Loader = (path: string) => Promise<Uint8Array | undefined>;

export type Filters = Partial<Record<FilterName, string>>;

export const PAGE_SIZE = 20;
/** Regions, industries and policy texts listed at most (they are few; a query naming more is too vague). */
export const OTHERS_MAX = 50;

export interface Reason {
  /** What matched, e.g. 曾用名; empty for the name itself. */
  label: string;
  text: string;
  /** The matched part of `text`. */
  mark?: [number, number] | undefined;
}

export interface Item {
  href: string;
  title: string;
  kind: string;
  details: string[];
  reason: Reason;
}

export interface Choice {
  value: string;
  count: number;
}

export interface Outcome {
  /** The query as compared. */
  folded: string;
  /** Fewer than two characters after folding: nothing is looked up. */
  tooShort: boolean;
  /** Matching enterprises after the filters, and of them matched by name (the rest by a code). */
  total: number;
  byName: number;
  /** Of which found by a code (credit code, stock code, line id). */
  byCode: number;
  page: number;
  pages: number;
  items: Item[];
  /** Regions, industries and policy texts by name; announcements and policy texts by document number. */
  others: Item[];
  /** The query looked like a code (credit code, stock code, line id) and no enterprise has it. */
  codeMiss: boolean;
  /** For each filter, the count of each choice, given the other filters. */
  facets: Record<FilterName, Choice[]>;
}

interface Member {
  ord: number;
  cls: MatchClass;
  record?: TargetRecord;
  reason?: Reason;
  masks?: number[];
}

type KeyData = KeyHead & { allBits: Bits; titleBits: Bits; prefixBits: Bits; exactBits: Bits; cells: Map<number, number> };
type Found = { big: KeyData } | { small: Member[] };

const bitOf = (mask: number, i: number) => Math.floor(mask / 2 ** i) % 2 === 1;
/** Outcomes kept, so that going back to a query (a deleted character) costs nothing. */
const REMEMBERED = 64;

export class SearchEngine {
  readonly ts: CharMap;
  private readonly keys: Record<CollectionId, Set<string>>;
  private readonly starts = new Map<Pack, Int32Array>();
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly decoded = new Map<string, KeyData | undefined>();
  private readonly outcomes = new Map<string, Outcome>();

  private constructor(
    readonly meta: Meta,
    private readonly load: Loader,
  ) {
    this.ts = parseCharMap(meta.ts);
    const k = (c: CollectionId) => parseKeys(meta.collections[c].keys);
    this.keys = { e: k('e'), p: k('p') };
  }

  static async open(load: Loader): Promise<SearchEngine> {
    const bytes = await load(paths.meta);
    if (!bytes) throw new Error('search index missing');
    return new SearchEngine(JSON.parse(new TextDecoder().decode(bytes)) as Meta, load);
  }

  private once<T>(path: string, parse: (b: Uint8Array) => T): Promise<T | undefined> {
    let p = this.cache.get(path) as Promise<T | undefined> | undefined;
    if (!p) {
      p = this.load(path).then((b) => (b ? parse(b) : undefined));
      this.cache.set(path, p);
    }
    return p;
  }

  private json<T>(path: string): Promise<T | undefined> {
    return this.once(path, (b) => JSON.parse(new TextDecoder().decode(b)) as T);
  }

  private file(pack: Pack, key: string): number {
    let starts = this.starts.get(pack);
    if (!starts) this.starts.set(pack, (starts = packStarts(pack)));
    return fileOf(starts, pack.buckets, hashKey(key));
  }

  /** The targets with one value of a facet. */
  private valueSet(c: CollectionId, f: Facet, bit: number): Promise<Bits | undefined> {
    return this.once(paths.value(c, f, bit), (bytes) => decodeSet(this.meta.collections[c].n, new Reader(bytes)));
  }

  /** The facet masks of one province's targets. */
  private provinceMasks(c: CollectionId, province: number): Promise<Uint8Array | undefined> {
    return this.once(paths.province(c, province), (b) => b);
  }

  /** The cities of a province, fetched when a province is chosen. */
  geo(province: number): Promise<Geo | undefined> {
    return this.json<Geo>(paths.geo(province));
  }

  /** The sets of an internal key ('' is every target), decoded once. */
  private async keyData(c: CollectionId, key: string): Promise<KeyData | undefined> {
    const id = `${c}:${key}`;
    if (this.decoded.has(id)) return this.decoded.get(id);
    const cm = this.meta.collections[c];
    const file = await this.once(paths.key(c, this.file(cm.keyPack, key)), (b) => unpackFile<Record<string, KeyHead>>(b));
    const head = file?.head[key];
    let data: KeyData | undefined;
    if (file && head) {
      const n = cm.n;
      const cells = new Map<number, number>();
      if (cm.facets.length) {
        const r: Reader = file.reader(head.cube);
        const count = r.varint();
        let prev = -1;
        for (let i = 0; i < count; i++) {
          prev += r.varint() + 1;
          cells.set(prev, r.varint());
        }
      }
      const allBits = decodeSet(n, file.reader(head.all));
      const exactBits = newBits(n);
      for (const o of head.exact) exactBits[o >>> 5]! |= 1 << (o & 31);
      data = { ...head, allBits, titleBits: head.title === head.all ? allBits : decodeSet(n, file.reader(head.title)), prefixBits: decodeSet(n, file.reader(head.prefix)), exactBits, cells };
    }
    this.decoded.set(id, data);
    return data;
  }

  /** Where to look for a folded query: its own key, or the leaf of its first minimal rare string. */
  plan(c: CollectionId, q: string): { key: string } | { leaf: string } {
    const keys = this.keys[c];
    if (q === '' || keys.has(q)) return { key: q };
    for (let i = 0; i + 2 <= q.length; i++) {
      let j = i + 2;
      while (j <= q.length && keys.has(q.slice(i, j))) j++;
      if (j > q.length) continue;
      const s = q.slice(i, j);
      if (j - i === 2 || keys.has(s.slice(1))) return { leaf: s };
    }
    // Unreachable for a query that is not a key: some substring of it is rare and minimal.
    return { leaf: q.slice(0, 2) };
  }

  /** Targets of a collection containing the folded query, verified, with their class. */
  private async members(c: CollectionId, q: string): Promise<Found> {
    const where = this.plan(c, q);
    if ('key' in where) {
      const big = await this.keyData(c, where.key);
      return big ? { big } : { small: [] };
    }
    const cm = this.meta.collections[c];
    const ascii = isAscii(where.leaf);
    const shard = await this.json<Record<string, LeafEntry[]>>(paths.leaf(c, this.file(ascii ? cm.asciiLeaves : cm.leaves, where.leaf), ascii));
    const out: Member[] = [];
    for (const [ord, record, texts = []] of shard?.[where.leaf] ?? []) {
      const title = record[1];
      let cls: MatchClass = CLASS.other;
      let reason: Reason | undefined;
      const ft = fold(title, this.ts);
      const at = ft.indexOf(q);
      if (at >= 0) {
        cls = at > 0 ? CLASS.title : ft.length === q.length ? CLASS.exact : CLASS.prefix;
        reason = { label: '', text: title, mark: locate(title, q, this.ts) };
      }
      for (let i = 0; i < texts.length; i += 2) {
        const field = texts[i] as Field;
        const text = texts[i + 1] as string;
        const f = fold(text, this.ts);
        const k = f.indexOf(q);
        if (k < 0) continue;
        const tc = isName(field) ? (k > 0 ? CLASS.title : f.length === q.length ? CLASS.exact : CLASS.prefix) : CLASS.other;
        if (!reason || tc < cls) {
          cls = tc;
          reason = { label: LABELS[field] ?? '', text, mark: locate(text, q, this.ts) };
        }
      }
      if (reason) out.push({ ord, cls, record, reason, masks: masksOf(c, record) });
    }
    return { small: out };
  }

  private async records(c: CollectionId, ords: number[]): Promise<Map<number, TargetRecord>> {
    const block = this.meta.collections[c].block;
    const blocks = [...new Set(ords.map((o) => Math.floor(o / block)))];
    const loaded = await Promise.all(blocks.map((b) => this.json<TargetRecord[]>(paths.block(c, b))));
    const out = new Map<number, TargetRecord>();
    for (const o of ords) {
      const rec = loaded[blocks.indexOf(Math.floor(o / block))]?.[o % block];
      if (rec) out.set(o, rec);
    }
    return out;
  }

  private async codes(q: string): Promise<(CodeEntry | DocEntry)[]> {
    if (q.length < 3 || !/\d/.test(q)) return [];
    const list = await this.json<(CodeEntry | DocEntry)[]>(paths.code(this.file(this.meta.codes, codeShardKey(q))));
    return (list ?? []).filter(([code, what]) => code === q || (what === CODE.credit && q.length >= CODE_PREFIX && code.startsWith(q)));
  }

  async search(text: string, filters: Filters = {}, page = 0): Promise<Outcome> {
    const q = fold(text, this.ts);
    const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Filters;
    const memo = JSON.stringify([q, FILTER_ORDER.map((f) => active[f] ?? ''), page]);
    const known = this.outcomes.get(memo);
    if (known) return known;
    const outcome = await this.compute(q, active, page);
    this.outcomes.set(memo, outcome);
    if (this.outcomes.size > REMEMBERED) this.outcomes.delete(this.outcomes.keys().next().value!);
    return outcome;
  }

  private async compute(q: string, active: Filters, page: number): Promise<Outcome> {
    const empty: Outcome = { folded: q, tooShort: q.length < 2, total: 0, byName: 0, byCode: 0, page: 0, pages: 0, items: [], others: [], codeMiss: false, facets: { province: [], city: [], industry: [], status: [], year: [] } };
    const browsing = q.length === 0 && Object.keys(active).length > 0;
    if (q.length < 2 && !browsing) return empty;
    const province = active.province ? this.meta.provinces.findIndex(([, name]) => name === active.province) : -1;
    // What the filters on a key's sets will need, fetched beside the key's file rather than after it.
    if ('key' in this.plan('e', q)) {
      if (province >= 0) void this.provinceMasks('e', province);
      for (const f of FACETS) {
        const b = active[f] ? this.meta.values[f].indexOf(active[f]) : -1;
        if (b >= 0) void this.valueSet('e', f, b);
      }
    }
    const [found, pagesFound, codes, geo] = await Promise.all([
      this.members('e', q),
      browsing ? Promise.resolve<Found>({ small: [] }) : this.members('p', q),
      browsing ? Promise.resolve([]) : this.codes(q),
      province >= 0 ? this.geo(province) : Promise.resolve(undefined),
    ]);
    // Enterprises found by a code come first, once each.
    const codeHits = codes.filter((x): x is CodeEntry => typeof x[2] === 'number');
    const codeMembers: Member[] = [];
    if (codeHits.length) {
      const recs = await this.records('e', [...new Set(codeHits.map((x) => x[2]))]);
      const seen = new Set<number>();
      for (const [code, what, ord] of codeHits) {
        const record = recs.get(ord);
        if (!record || seen.has(ord)) continue;
        seen.add(ord);
        codeMembers.push({ ord, cls: CLASS.exact, record, masks: masksOf('e', record), reason: { label: CODE_LABELS[what] ?? '', text: code.toUpperCase(), mark: [0, q.length] } });
      }
    }
    const docs: Item[] = codes
      .filter((x): x is DocEntry => typeof x[2] !== 'number')
      .map(([, , record]) => this.page(record, '', { label: 'doc', text: record[6] ?? '' }));
    const e = await this.select('e', q, found, codeMembers, active, page, geo);
    const p = browsing ? undefined : await this.select('p', q, pagesFound, [], active, 0, geo, OTHERS_MAX);
    const looksLikeCode = /^[0-9a-z]{6,}$/.test(q) && /\d/.test(q);
    return {
      folded: q,
      tooShort: false,
      total: e.total,
      byName: e.byName,
      byCode: e.byCode,
      page: e.page,
      pages: Math.ceil(e.total / PAGE_SIZE),
      items: e.items,
      others: [...docs, ...(p?.items ?? [])],
      codeMiss: looksLikeCode && codeMembers.length === 0 && e.total === 0,
      facets: e.facets,
    };
  }

  /** Applies the filters to one collection's matches, counts the choices and takes a page. */
  private async select(c: CollectionId, q: string, found: Found, extra: Member[], filters: Filters, page: number, geo: Geo | undefined, size = PAGE_SIZE) {
    const cm = this.meta.collections[c];
    const n = cm.n;
    const facetBits = new Map<Facet, number>();
    for (const f of FACETS) {
      const v = filters[f];
      if (v) facetBits.set(f, this.meta.values[f].indexOf(v));
    }
    const facets: Record<FilterName, Choice[]> = { province: [], city: [], industry: [], status: [], year: [] };
    const none = { total: 0, byName: 0, byCode: 0, page: 0, items: [] as Item[], facets };
    // A filter the collection does not carry (or an unknown value) leaves nothing of it.
    if ([...facetBits].some(([f, b]) => b < 0 || !cm.facets.includes(f))) return none;
    const pIndex = filters.province ? this.meta.provinces.findIndex(([, name]) => name === filters.province) : -1;
    if (filters.province && pIndex < 0) return none;
    const provRange = pIndex >= 0 ? cm.provinces.find(([p]) => p === pIndex) ?? [pIndex, 0, 0] : undefined;
    // Cities are chosen within a province; their ranges come with the province's geo file.
    const cityList = geo?.ranges[c] ?? [];
    const cIndex = filters.city && geo ? geo.cities.indexOf(filters.city) : -1;
    if (filters.city && cIndex < 0) return none;
    const cityRange = cIndex >= 0 ? cityList.find(([x]) => x === cIndex) ?? [cIndex, 0, 0] : undefined;
    const [from, to] = cityRange ? [cityRange[1], cityRange[2]] : provRange ? [provRange[1], provRange[2]] : [0, n];
    const geoActive = pIndex >= 0;
    const label = (list: [number, number][], names: (i: number) => string): Choice[] => list.filter(([, k]) => k > 0).map(([i, k]) => ({ value: names(i), count: k }));
    const cityName = (i: number) => geo!.cities[i]!;
    const provinceName = (i: number) => this.meta.provinces[i]![1];

    const extraOk = extra.filter((m) => m.ord >= from && m.ord < to && passes(m.masks ?? [], cm.facets, facetBits));
    const extraOrds = new Set(extra.map((m) => m.ord));

    if ('small' in found) {
      const all = [...extra, ...found.small.filter((m) => !extraOrds.has(m.ord))];
      const inRange = (m: Member, a: number, b: number) => m.ord >= a && m.ord < b;
      const facetOk = all.filter((m) => passes(m.masks ?? [], cm.facets, facetBits));
      facets.province = label(cm.provinces.map(([p, a, b]) => [p, facetOk.filter((m) => inRange(m, a, b)).length]), provinceName);
      facets.city = label(cityList.map(([x, a, b]) => [x, facetOk.filter((m) => inRange(m, a, b)).length]), cityName);
      cm.facets.forEach((f, fi) => {
        const others = new Map([...facetBits].filter(([g]) => g !== f));
        const counts = new Array<number>(this.meta.values[f].length).fill(0);
        for (const m of all) {
          if (m.ord < from || m.ord >= to || !passes(m.masks ?? [], cm.facets, others)) continue;
          const mask = m.masks![fi]!;
          for (let b = 0; b < counts.length; b++) if (bitOf(mask, b)) counts[b]!++;
        }
        facets[f] = label(counts.map((k, b) => [b, k]), (b) => this.meta.values[f][b]!);
      });
      const chosen = facetOk.filter((m) => inRange(m, from, to)).sort((a, b) => (extraOrds.has(b.ord) ? 1 : 0) - (extraOrds.has(a.ord) ? 1 : 0) || a.cls - b.cls || a.ord - b.ord);
      const pages = Math.max(1, Math.ceil(chosen.length / size));
      const at = Math.min(page, pages - 1);
      const slice = chosen.slice(at * size, at * size + size);
      const byName = chosen.filter((m) => m.cls !== CLASS.other && !extraOrds.has(m.ord)).length;
      return { total: chosen.length, byName, byCode: extraOk.length, page: at, items: slice.map((m) => this.item(c, m.ord, m.record!, m.reason!)), facets };
    }

    const k = found.big;
    let M = k.allBits;
    for (const [f, b] of facetBits) {
      const vb = await this.valueSet(c, f, b);
      M = and(M, vb ?? newBits(n));
    }
    if (extra.some((m) => has(M, m.ord))) {
      M = M === k.allBits ? M.slice() : M;
      for (const m of extra) M[m.ord >>> 5]! &= ~(1 << (m.ord & 31)); // listed once, among the code hits
    }
    const total = countRange(M, from, to) + extraOk.length;
    const named = and(M, k.titleBits);
    const byName = countRange(named, from, to);
    facets.province = label(cm.provinces.map(([p, a, b]) => [p, countRange(M, a, b)]), provinceName);
    facets.city = label(cityList.map(([x, a, b]) => [x, countRange(M, a, b)]), cityName);
    if (geoActive) {
      // Within a province, count from the masks of its targets.
      const pr = cm.provinces.find(([p]) => p === pIndex);
      const bytes = pr ? await this.provinceMasks(c, pIndex) : undefined;
      const counts = cm.facets.map((f) => new Array<number>(this.meta.values[f].length).fill(0));
      const others = cm.facets.map((f) => new Map([...facetBits].filter(([g]) => g !== f)));
      if (pr && bytes) {
        const r = new Reader(bytes);
        for (let o = pr[1]; o < pr[2]; o++) {
          const masks = cm.facets.map(() => r.varint());
          if (o < from || o >= to || !has(k.allBits, o)) continue;
          cm.facets.forEach((_, fi) => {
            if (!passes(masks, cm.facets, others[fi]!)) return;
            for (let b = 0; b < counts[fi]!.length; b++) if (bitOf(masks[fi]!, b)) counts[fi]![b]!++;
          });
        }
      }
      cm.facets.forEach((f, fi) => (facets[f] = label(counts[fi]!.map((x, b) => [b, x]), (b) => this.meta.values[f][b]!)));
    } else {
      const sizes = cm.facets.map((f) => this.meta.values[f].length + 1);
      const coord = cm.facets.map((f) => (facetBits.has(f) ? facetBits.get(f)! + 1 : 0));
      const cell = (co: number[]) => co.reduce((acc, x, i) => acc * sizes[i]! + x, 0);
      cm.facets.forEach((f, fi) => {
        const list: [number, number][] = [];
        for (let b = 0; b < sizes[fi]! - 1; b++) {
          const co = [...coord];
          co[fi] = b + 1;
          list.push([b, k.cells.get(cell(co)) ?? 0]);
        }
        facets[f] = label(list, (b) => this.meta.values[f][b]!);
      });
    }
    // Classes in rank order, each without the ones before it.
    const groups: [MatchClass, Bits][] = [
      [CLASS.exact, and(M, k.exactBits)],
      [CLASS.prefix, andNot(and(M, k.prefixBits), k.exactBits)],
      [CLASS.title, andNot(andNot(named, k.prefixBits), k.exactBits)],
      [CLASS.other, andNot(M, k.titleBits)],
    ];
    const pages = Math.max(1, Math.ceil(total / size));
    const at = Math.min(page, pages - 1);
    let skip = at * size;
    const picked: Member[] = [];
    for (const m of extraOk) {
      if (skip > 0) skip--;
      else if (picked.length < size) picked.push(m);
    }
    for (const [cls, bits] of groups) {
      if (picked.length >= size) break;
      const inGroup = countRange(bits, from, to);
      if (skip >= inGroup) {
        skip -= inGroup;
        continue;
      }
      for (const ord of membersIn(bits, from, to, skip, size - picked.length)) picked.push({ ord, cls });
      skip = 0;
    }
    const unfiltered = !geoActive && facetBits.size === 0 && extra.length === 0 && at === 0;
    const top = new Map(k.top.map(([o, , rec]) => [o, rec]));
    const need = picked.filter((m) => !m.record && !(unfiltered && top.has(m.ord))).map((m) => m.ord);
    const recs = need.length ? await this.records(c, need) : new Map<number, TargetRecord>();
    const items = picked.map((m) => {
      const record = m.record ?? top.get(m.ord) ?? recs.get(m.ord)!;
      return this.item(c, m.ord, record, m.reason ?? this.reasonFor(record, q, m.cls));
    });
    return { total, byName, byCode: extraOk.length, page: at, items, facets };
  }

  private reasonFor(record: TargetRecord, q: string, cls: MatchClass): Reason {
    const title = record[1];
    if (cls !== CLASS.other && fold(title, this.ts).includes(q)) return { label: '', text: title, mark: locate(title, q, this.ts) };
    const former = (record as EnterpriseRecord)[6];
    const text = Array.isArray(former) ? former.find((x) => fold(x, this.ts).includes(q)) : undefined;
    if (text) return { label: 'former', text, mark: locate(text, q, this.ts) };
    // Matched by a text the record does not carry (equipment): say which, and what it contains.
    return q ? { label: 'equipment', text: `…${q}…`, mark: [1, 1 + q.length] } : { label: '', text: title };
  }

  private item(c: CollectionId, ord: number, record: TargetRecord, reason: Reason): Item {
    const province = this.provinceOf(c, ord);
    if (c === 'e') {
      const [key, name, place, industry, status] = record as EnterpriseRecord;
      const names = (f: Facet, mask: number) => this.meta.values[f].filter((_, b) => bitOf(mask, b)).join('、');
      return { href: `/enterprises/${key}/`, title: name, kind: this.meta.kinds[4] ?? '', details: [[province, place].filter(Boolean).join(' '), names('industry', industry), names('status', status)], reason };
    }
    return this.page(record as PageRecord, province, reason);
  }

  private page([href, title, kind, place, , details, doc]: PageRecord, province: string, reason: Reason): Item {
    return { href, title, kind: this.meta.kinds[kind] ?? '', details: [[province === title ? '' : province, place].filter(Boolean).join(' '), details, reason.label === 'doc' ? '' : doc ?? ''].filter(Boolean), reason };
  }

  private provinceOf(c: CollectionId, ord: number): string {
    const ranges = this.meta.collections[c].provinces;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [v, a, b] = ranges[mid]!;
      if (ord < a) hi = mid - 1;
      else if (ord >= b) lo = mid + 1;
      else return this.meta.provinces[v]![1];
    }
    return '';
  }
}

const FILTER_ORDER: readonly FilterName[] = ['province', 'city', 'industry', 'status', 'year'];
const LABELS: Partial<Record<Field, string>> = { [FIELD.former]: 'former', [FIELD.alias]: 'alias', [FIELD.equipment]: 'equipment' };
const CODE_LABELS: Record<number, string> = { [CODE.credit]: 'credit', [CODE.stock]: 'stock', [CODE.line]: 'line' };

function masksOf(c: CollectionId, record: TargetRecord): number[] {
  return c === 'e' ? [(record as EnterpriseRecord)[3], (record as EnterpriseRecord)[4], (record as EnterpriseRecord)[5]] : [];
}

function passes(masks: readonly number[], facets: readonly Facet[], want: ReadonlyMap<Facet, number>): boolean {
  for (const [f, b] of want) {
    const i = facets.indexOf(f);
    if (i < 0 || !bitOf(masks[i] ?? 0, b)) return false;
  }
  return true;
}
