import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Model } from '../derive/model.ts';
import { readPolicyTexts } from '../read/policies.ts';
import { encodeSet, hashKey, packFile, putVarint } from './bits.ts';
import { collectSearchData, hasBit, type Collection, type SearchData } from './collect.ts';
import { fullTextDocuments } from './fulltext.ts';
import { buildGrams, type KeySets } from './grams.ts';
import {
  CLASS, COLLECTIONS, FIELD, codeShardKey, encodeKeys, paths, type CodeEntry, type CollectionId, type DocEntry, type CollectionMeta, type KeyHead, type LeafEntry, type MatchClass, type MatchedTexts, type Meta, type TargetRecord,
} from './format.ts';
import { shippedPairs, traditionalToSimplified } from './t2s.ts';

/** Targets a leaf lists at most (a leaf carries their records, so this bounds a leaf's bytes). */
export const LEAF_MAX = 150;
/** Targets per record block, the unit in which results past the first page are fetched. */
export const BLOCK = 32;
/** Aimed bytes of a leaf shard and of a code shard. */
const LEAF_SHARD_BYTES = 10000;
const CODES_PER_SHARD = 120;
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
  const stats = writeNameIndex(model, policies, siteDir);
  const docs = fullTextDocuments(model, policies);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  try {
    for (const r of docs) {
      const res = await index.addHTMLFile({ url: r.url, content: r.html });
      if (res.errors.length) throw new Error(`Pagefind 无法索引 ${r.url}：${res.errors.join('；')}`);
    }
    const w = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (w.errors.length) throw new Error(`Pagefind 无法写出索引：${w.errors.join('；')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  // The search page talks to pagefind.js directly; Pagefind's ready-made UIs are not shipped.
  for (const f of readdirSync(join(siteDir, 'pagefind'))) {
    if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(f)) rmSync(join(siteDir, 'pagefind', f));
  }
  return { ...stats, fullTextDocuments: docs.length };
}

/** The name index alone (no Pagefind): the part the build's search figures measure. */
export function writeNameIndex(model: Model, policies: Parameters<typeof collectSearchData>[1], siteDir: string): Omit<IndexStats, 'fullTextDocuments'> {
  const map = traditionalToSimplified();
  const data = collectSearchData(model, policies, map);
  const files = new Map<string, Uint8Array | string>();
  const collections = {} as Record<CollectionId, CollectionMeta>;
  let internalKeys = 0;
  let leaves = 0;
  for (const id of COLLECTIONS) {
    const c = data.collections[id];
    const built = writeCollection(c, data, files);
    collections[id] = built.meta;
    internalKeys += built.internalKeys;
    leaves += built.leaves;
  }
  const codeShards = writeCodes([...data.codes, ...data.docs], files);
  const meta: Meta = {
    version: 1,
    leafMax: LEAF_MAX,
    codeShards,
    ts: shippedPairs(map, data.alphabet),
    provinces: data.provinces,
    cities: data.cities,
    values: data.values,
    kinds: data.kinds,
    collections,
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
  return { records: data.collections.e.targets.length + data.collections.p.targets.length, enterprises: data.collections.e.targets.length, pages: data.collections.p.targets.length, codes: data.codes.length, internalKeys, leaves, files: files.size, bytes };
}

function writeCollection(c: Collection, data: SearchData, files: Map<string, Uint8Array | string>): { meta: CollectionMeta; internalKeys: number; leaves: number } {
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
    const touched: number[] = [];
    for (let i = 0; i < members.length; i++) {
      for (const cell of cellsOf[members[i]!]!) if (cubeCounts[cell]!++ === 0) touched.push(cell);
    }
    touched.sort((a, b) => a - b);
    const out: number[] = [];
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
    // Where every target matched by its name (always, for enterprises), the title set is the same.
    head.title = k.titles.length === k.all.length ? head.all : add(encodeSet(n, k.titles));
    return { head, parts };
  };

  const keyed = new Map<string, { head: KeyHead; parts: number[] }>();
  const grams = buildGrams(c, LEAF_MAX_FOR(c), (k) => keyed.set(k.key, keyFile(k)));
  // Every target: the key of the empty query (browsing by filters alone).
  const everyone = Int32Array.from({ length: n }, (_, i) => i);
  keyed.set('', keyFile({ key: '', all: everyone, titles: everyone, prefix: new Int32Array(0), exact: new Int32Array(0) }));

  // Key files, sharded by a hash of the key.
  const keyShards = Math.max(1, keyed.size);
  const byKeyShard = new Map<number, string[]>();
  for (const key of keyed.keys()) {
    const s = hashKey(key) % keyShards;
    const list = byKeyShard.get(s);
    if (list) list.push(key);
    else byKeyShard.set(s, [key]);
  }
  for (const [s, keys] of byKeyShard) {
    const parts: number[] = [];
    const heads: Record<string, KeyHead> = {};
    for (const key of keys) {
      const { head, parts: own } = keyed.get(key)!;
      const base = parts.length;
      for (const b of own) parts.push(b);
      heads[key] = { ...head, all: head.all + base, title: head.title + base, prefix: head.prefix + base, cube: head.cube + base };
    }
    files.set(paths.key(c.id, s), packFile(heads, parts));
  }

  // Leaves, with their targets' records and the texts that contain the key.
  const leafJson = new Map<string, string>();
  let leafBytes = 0;
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
    const json = JSON.stringify(entries);
    leafJson.set(key, json);
    leafBytes += json.length * 2;
  }
  const leafShards = Math.max(1, Math.ceil(leafBytes / LEAF_SHARD_BYTES));
  const byLeafShard = new Map<number, string[]>();
  for (const key of leafJson.keys()) {
    const s = hashKey(key) % leafShards;
    const list = byLeafShard.get(s);
    if (list) list.push(key);
    else byLeafShard.set(s, [key]);
  }
  // Every shard is written, empty or not: a query for a string no name contains reads '{}', not a 404.
  for (let s = 0; s < leafShards; s++) {
    const keys = byLeafShard.get(s) ?? [];
    files.set(paths.leaf(c.id, s), `{${keys.map((k) => `${JSON.stringify(k)}:${leafJson.get(k)}`).join(',')}}`);
  }

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
    meta: { n, facets: c.facets, provinces, cities, keys: encodeKeys(grams.keys), block: BLOCK, leafShards, keyShards },
    internalKeys: grams.keys.length,
    leaves: grams.leaves.size,
  };
}

const LEAF_MAX_FOR = (_c: Collection) => LEAF_MAX;

function writeCodes(codes: readonly (CodeEntry | DocEntry)[], files: Map<string, Uint8Array | string>): number {
  const shards = Math.max(1, Math.ceil(codes.length / CODES_PER_SHARD));
  const by = new Map<number, (CodeEntry | DocEntry)[]>();
  for (const e of codes) {
    const s = hashKey(codeShardKey(e[0])) % shards;
    const list = by.get(s);
    if (list) list.push(e);
    else by.set(s, [e]);
  }
  for (let s = 0; s < shards; s++) files.set(paths.code(s), JSON.stringify(by.get(s) ?? []));
  return shards;
}
