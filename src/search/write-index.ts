import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Model } from '../derive/model.ts';
import { readPolicyTexts, type PolicyText } from '../read/policies.ts';
import { encodeSet, hashKey, packFile, putVarint } from './bits.ts';
import { collectSearchData, hasBit, type Collection, type SearchData } from './collect.ts';
import { fullTextDocuments, type SearchDoc } from './fulltext.ts';
import { buildGrams, type KeySets } from './grams.ts';
import {
  CLASS, COLLECTIONS, FIELD, codeShardKey, encodeKeys, isAscii, paths, toBase64, type CollectionId, type CollectionMeta, type Geo, type KeyHead, type LeafEntry, type MatchClass, type MatchedTexts, type Meta,
  type Pack, type TargetRecord,
} from './format.ts';
import { shippedPairs, traditionalToSimplified } from './t2s.ts';

/** Targets a leaf lists at most (a leaf carries their records, so this bounds a leaf's bytes). */
export const LEAF_MAX = 150;
/** Targets per record block, the unit in which results past the first page are fetched. */
export const BLOCK = 32;
/** Aimed bytes of a file of leaves, of keys and of codes (see Pack in format.ts). */
export const AIM = { leaves: 24_000, keys: 24_000, codes: 16_000, pages: 4_000 };
/** Buckets per file of a pack: more buckets, files closer to their aimed size. */
const BUCKETS_PER_FILE = 64;
const PAGE = 20;

export interface IndexStats {
  /** Targets of the name index (enterprises and pages), for the build log. */
  records: number;
  /** Targets per collection. */
  enterprises: number;
  pages: number;
  codes: number;
  internalKeys: number;
  leaves: number;
  files: number;
  bytes: number;
  fullTextDocuments: number;
}

/**
 * Writes the search index into a built site: the name index at /search/x/ (see format.ts and
 * docs/architecture.md) and Pagefind over announcement bodies and policy texts at /pagefind/.
 */
export async function writeSearchIndex(model: Model, siteDir: string, policiesDir = 'content/policies'): Promise<IndexStats> {
  const policies = readPolicyTexts(policiesDir);
  const bundles = fullTextBundles(fullTextDocuments(model, policies));
  const stats = writeNameIndex(model, policies, siteDir, bundles.map((b) => b.path).slice(1));
  const fullText = await writeFullTextIndex(bundles, siteDir);
  return { ...stats, fullTextDocuments: fullText.documents };
}

/**
 * Characters of documents one Pagefind bundle indexes at most. Pagefind's indexer holds about
 * ninety times the text it indexes while it writes (1.4 GB for the 15 million characters of a
 * national record), so a large record is indexed as several bundles, one after the other, which
 * the search page merges (Pagefind's mergeIndex): the indexer's memory stays near a third.
 */
export const FULL_TEXT_BUNDLE_CHARS = 6_000_000;

export interface FullTextBundle {
  /** Where it is served: /pagefind/ for the first, /pagefind/2/, /pagefind/3/ … for the others. */
  path: string;
  docs: SearchDoc[];
}

/** The documents cut into bundles of about `chars` characters each, in order. */
export function fullTextBundles(docs: readonly SearchDoc[], chars = FULL_TEXT_BUNDLE_CHARS): FullTextBundle[] {
  const out: FullTextBundle[] = [{ path: '/pagefind/', docs: [] }];
  let size = 0;
  for (const d of docs) {
    if (size > 0 && size + d.html.length > chars) {
      out.push({ path: `/pagefind/${out.length + 1}/`, docs: [] });
      size = 0;
    }
    out[out.length - 1]!.docs.push(d);
    size += d.html.length;
  }
  return out;
}

/** Pagefind over what the name index does not hold: announcement titles and bodies, policy texts (fulltext.ts). */
export async function writeFullTextIndex(bundles: readonly FullTextBundle[], siteDir: string): Promise<{ documents: number }> {
  let documents = 0;
  rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
  for (const bundle of bundles) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
    try {
      for (const r of bundle.docs) {
        const res = await index.addHTMLFile({ url: r.url, content: r.html });
        if (res.errors.length) throw new Error(`Pagefind 无法索引 ${r.url}：${res.errors.join('；')}`);
      }
      const dir = join(siteDir, bundle.path);
      const w = await index.writeFiles({ outputPath: dir });
      if (w.errors.length) throw new Error(`Pagefind 无法写出索引：${w.errors.join('；')}`);
      // The search page talks to pagefind.js directly; Pagefind's ready-made UIs are not shipped.
      for (const f of readdirSync(dir)) {
        if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(f)) rmSync(join(dir, f));
      }
    } finally {
      await index.deleteIndex();
      await pagefind.close();
    }
    documents += bundle.docs.length;
  }
  return { documents };
}

/** The name index alone (no Pagefind): the part the build's search figures measure. */
export function writeNameIndex(model: Model, policies: readonly PolicyText[], siteDir: string, fullText: string[] = []): Omit<IndexStats, 'fullTextDocuments'> {
  const map = traditionalToSimplified();
  const data = collectSearchData(model, policies, map);
  const files = new Map<string, Uint8Array | string>();
  const collections = {} as Record<CollectionId, CollectionMeta>;
  const geo = data.provinces.map((): Geo => ({ cities: [], ranges: { e: [], p: [] } }));
  const local = data.cities.map(([name, p]) => (p >= 0 ? geo[p]!.cities.push(name) - 1 : -1));
  let internalKeys = 0;
  let leaves = 0;
  for (const id of COLLECTIONS) {
    const c = data.collections[id];
    const built = writeCollection(c, data, files);
    collections[id] = built.meta;
    for (const [city, from, to] of built.cities) {
      const p = data.cities[city]![1];
      if (p >= 0) geo[p]!.ranges[id].push([local[city]!, from, to]);
    }
    internalKeys += built.internalKeys;
    leaves += built.leaves;
  }
  geo.forEach((g, p) => files.set(paths.geo(p), JSON.stringify(g)));
  const codes = writePack(
    [...data.codes, ...data.docs].map((e) => ({ hash: hashKey(codeShardKey(e[0])), body: JSON.stringify(e), value: e })),
    AIM.codes,
    (file, entries) => files.set(paths.code(file), `[${entries.map((e) => e.body).join(',')}]`),
  );
  const meta: Meta = {
    version: 2,
    leafMax: LEAF_MAX,
    codes,
    ts: shippedPairs(map, data.alphabet),
    provinces: data.provinces,
    values: data.values,
    kinds: data.kinds,
    collections,
    fullText,
  };
  files.set(paths.meta, JSON.stringify(meta));
  const root = join(siteDir, 'search', 'x');
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  const made = new Set<string>();
  for (const [path, body] of files) {
    const file = join(siteDir, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, body);
    bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
  const { e, p } = data.collections;
  return { records: e.targets.length + p.targets.length, enterprises: e.targets.length, pages: p.targets.length, codes: data.codes.length + data.docs.length, internalKeys, leaves, files: files.size, bytes };
}

interface Packed<T> {
  hash: number;
  /** The entry as written; its UTF-8 length is what the file aims at. */
  body: string;
  value: T;
  /** Binary parts, if the file is binary. */
  size?: number;
}

/**
 * Writes entries as a pack (format.ts, Pack): hashed into buckets, consecutive buckets in one
 * file until the file would pass `aim` bytes. Every file is written, empty or not, so that a
 * lookup of a key that is nowhere reads an empty file rather than a missing one.
 */
function writePack<T>(entries: readonly Packed<T>[], aim: number, write: (file: number, entries: Packed<T>[]) => void): Pack {
  const sizeOf = (e: Packed<T>) => e.size ?? Buffer.byteLength(e.body);
  let total = 0;
  for (const e of entries) total += sizeOf(e);
  const buckets = Math.max(1, Math.ceil(total / aim)) * BUCKETS_PER_FILE;
  const inBucket: Packed<T>[][] = Array.from({ length: buckets }, () => []);
  for (const e of entries) inBucket[e.hash % buckets]!.push(e);
  const counts: number[] = [];
  let file: Packed<T>[] = [];
  let fileBytes = 0;
  let fileBuckets = 0;
  const flush = () => {
    write(counts.length, file);
    counts.push(fileBuckets);
    file = [];
    fileBytes = 0;
    fileBuckets = 0;
  };
  for (const list of inBucket) {
    let size = 0;
    for (const e of list) size += sizeOf(e);
    if (fileBuckets > 0 && fileBytes + size > aim) flush();
    for (const e of list) file.push(e);
    fileBytes += size;
    fileBuckets++;
  }
  flush();
  const bytes: number[] = [];
  for (const n of counts) putVarint(bytes, n);
  return { buckets, cuts: toBase64(bytes) };
}

interface Written {
  meta: CollectionMeta;
  /** [city, from, to] of each city present. */
  cities: [number, number, number][];
  internalKeys: number;
  leaves: number;
}

function writeCollection(c: Collection, data: SearchData, files: Map<string, Uint8Array | string>): Written {
  const n = c.targets.length;
  const record = (o: number): TargetRecord => c.targets[o]!.record;
  // The cube: for every combination of one value (or any) per facet, how many targets. Each
  // target adds one to every combination its masks allow; cells are numbered in mixed radix.
  const sizes = c.facets.map((f) => data.values[f].length + 1);
  const cellsOf = c.targets.map((t) => {
    let cells = [0];
    t.masks.forEach((mask, fi) => {
      const coords = [0];
      for (let b = 0; b < sizes[fi]! - 1; b++) if (hasBit(mask, b)) coords.push(b + 1);
      cells = cells.flatMap((cell) => coords.map((x) => cell * sizes[fi]! + x));
    });
    return cells;
  });
  const cubeCounts = new Int32Array(sizes.reduce((a, b) => a * b, 1));
  const cube = (members: ArrayLike<number>): number[] => {
    const out: number[] = [];
    if (c.facets.length === 0) return out;
    const touched: number[] = [];
    for (let i = 0; i < members.length; i++) {
      for (const cell of cellsOf[members[i]!]!) if (cubeCounts[cell]!++ === 0) touched.push(cell);
    }
    touched.sort((a, b) => a - b);
    putVarint(out, touched.length);
    let prev = -1;
    for (const cell of touched) {
      putVarint(out, cell - prev - 1);
      putVarint(out, cubeCounts[cell]!);
      cubeCounts[cell] = 0;
      prev = cell;
    }
    return out;
  };
  const contains = (sorted: ArrayLike<number>, v: number) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! === v) return true;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const keyFile = (k: KeySets): { head: KeyHead; parts: number[] } => {
    const top: [number, MatchClass, TargetRecord][] = [];
    const take = (list: ArrayLike<number>, cls: MatchClass, skip: (o: number) => boolean) => {
      for (let i = 0; i < list.length && top.length < PAGE; i++) if (!skip(list[i]!)) top.push([list[i]!, cls, record(list[i]!)]);
    };
    take(k.exact, CLASS.exact, () => false);
    take(k.prefix, CLASS.prefix, (o) => contains(k.exact, o));
    take(k.titles, CLASS.title, (o) => contains(k.prefix, o));
    take(k.all, CLASS.other, (o) => contains(k.titles, o));
    const parts: number[] = [];
    const add = (bytes: number[]) => {
      const at = parts.length;
      for (const b of bytes) parts.push(b);
      return at;
    };
    const head: KeyHead = {
      n: k.all.length,
      titles: k.titles.length,
      exact: [...k.exact],
      all: add(encodeSet(n, k.all)),
      title: -1,
      prefix: add(encodeSet(n, k.prefix)),
      cube: add(cube(k.all)),
      top,
    };
    // Where every target matched by its name, the name set is the same.
    head.title = k.titles.length === k.all.length ? head.all : add(encodeSet(n, k.titles));
    return { head, parts };
  };

  const keyed: Packed<{ key: string; head: KeyHead; parts: number[] }>[] = [];
  const addKey = (k: KeySets) => {
    const { head, parts } = keyFile(k);
    keyed.push({ hash: hashKey(k.key), body: JSON.stringify(head), size: Buffer.byteLength(JSON.stringify(head)) + parts.length + k.key.length * 3 + 4, value: { key: k.key, head, parts } });
  };
  const grams = buildGrams(c, LEAF_MAX, addKey);
  // Every target: the key of the empty query (browsing by filters alone).
  if (c.facets.length > 0) {
    const everyone = Int32Array.from({ length: n }, (_, i) => i);
    addKey({ key: '', all: everyone, titles: everyone, prefix: new Int32Array(0), exact: new Int32Array(0) });
  }
  const keyPack = writePack(keyed, c.id === 'e' ? AIM.keys : AIM.pages, (file, entries) => {
    const parts: number[] = [];
    const heads: Record<string, KeyHead> = {};
    for (const { value: { key, head, parts: own } } of entries) {
      const base = parts.length;
      for (const b of own) parts.push(b);
      heads[key] = { ...head, all: head.all + base, title: head.title + base, prefix: head.prefix + base, cube: head.cube + base };
    }
    files.set(paths.key(c.id, file), packFile(heads, parts));
  });

  // Leaves, with their targets' records and the texts that contain the key. Keys of ASCII
  // letters and digits alone (what a code typed into the box looks up) are packed apart, so that
  // a code's lookup by name reads a small file.
  const leafEntries: Packed<string>[] = [];
  const asciiEntries: Packed<string>[] = [];
  for (const [key, hits] of grams.leaves) {
    const entries: LeafEntry[] = hits.map((h) => {
      const t = c.targets[h.ordinal]!;
      const texts: MatchedTexts = [];
      for (const ti of h.texts) {
        const x = t.texts[grams.textSlot[ti]!]!;
        if (x.field !== FIELD.title) texts.push(x.field, x.raw);
      }
      return texts.length ? [h.ordinal, t.record, texts] : [h.ordinal, t.record];
    });
    (isAscii(key) ? asciiEntries : leafEntries).push({ hash: hashKey(key), body: `${JSON.stringify(key)}:${JSON.stringify(entries)}`, value: key });
  }
  const writeLeaves = (ascii: boolean) => (file: number, entries: Packed<string>[]) => files.set(paths.leaf(c.id, file, ascii), `{${entries.map((e) => e.body).join(',')}}`);
  // Pages are few and looked up with every query beside the enterprises: small files.
  const aim = c.id === 'e' ? AIM.leaves : AIM.pages;
  const leaves = writePack(leafEntries, aim, writeLeaves(false));
  const asciiLeaves = writePack(asciiEntries, aim, writeLeaves(true));

  // Record blocks, for results past the first page.
  for (let b = 0; b * BLOCK < n; b++) {
    files.set(paths.block(c.id, b), JSON.stringify(c.targets.slice(b * BLOCK, (b + 1) * BLOCK).map((t) => t.record)));
  }

  // Ranges of provinces and cities, the masks of each province's targets, and each facet value's targets.
  const ranges = (of: (o: number) => number) => {
    const out: [number, number, number][] = [];
    for (let o = 0; o < n; o++) {
      const v = of(o);
      if (v < 0) continue;
      const last = out[out.length - 1];
      if (last && last[0] === v && last[2] === o) last[2] = o + 1;
      else out.push([v, o, o + 1]);
    }
    return out;
  };
  const provinces = ranges((o) => c.targets[o]!.province);
  const cities = ranges((o) => c.targets[o]!.city);
  if (c.facets.length > 0) {
    for (const [p, from, to] of provinces) {
      const bytes: number[] = [];
      for (let o = from; o < to; o++) for (const m of c.targets[o]!.masks) putVarint(bytes, m);
      files.set(paths.province(c.id, p), Uint8Array.from(bytes));
    }
    c.facets.forEach((f, fi) => {
      data.values[f].forEach((_, b) => {
        const members: number[] = [];
        for (let o = 0; o < n; o++) if (hasBit(c.targets[o]!.masks[fi]!, b)) members.push(o);
        files.set(paths.value(c.id, f, b), Uint8Array.from(encodeSet(n, members)));
      });
    });
  }
  return {
    meta: { n, facets: c.facets, provinces, keys: encodeKeys(grams.keys), block: BLOCK, leaves, asciiLeaves, keyPack },
    cities,
    internalKeys: grams.keys.length,
    leaves: grams.leaves.size,
  };
}
