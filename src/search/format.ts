/**
 * The files of the name index (written by write-index.ts, read by engine.ts), all under
 * `/search/x/`. Paths and shapes live here once, for both sides.
 *
 * Two collections: `e`, the enterprises, and `p`, the other pages a citizen may look for
 * (announcements, regions, industries, policy texts). In each, targets are numbered (ordinals)
 * in the order of their region code, so that a province or a city is a range of ordinals.
 */

export type CollectionId = 'e' | 'p';
export const COLLECTIONS: readonly CollectionId[] = ['e', 'p'];

/** What a text of a target is; it says on the result why the target matched. */
export const FIELD = { title: 0, former: 1, alias: 2 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];

/** How well a target matched: exact title, title starts with the query, title contains it, another text does. */
export const CLASS = { exact: 0, prefix: 1, title: 2, other: 3 } as const;
export type MatchClass = (typeof CLASS)[keyof typeof CLASS];

/** Filters that are sets of values per target, kept as bit masks. Province and city are ranges. */
export const FACETS = ['industry', 'status', 'year'] as const;
export type Facet = (typeof FACETS)[number];
export const GEO = ['province', 'city'] as const;
export type FilterName = (typeof GEO)[number] | Facet;
export const FILTERS: readonly FilterName[] = ['province', 'city', 'industry', 'status', 'year'];

/**
 * A target as a result shows it, without its ordinal. Enterprise: key, name, place (county or
 * other region below the city), then one mask per facet of the collection, then former names.
 * Page: href, title, kind, place, masks, document number.
 */
export type EnterpriseRecord = [key: string, name: string, place: string, industry: number, status: number, year: number, former: string[]];
export type PageRecord = [href: string, title: string, kind: number, place: string, year: number, doc: string];
export type TargetRecord = EnterpriseRecord | PageRecord;

/** Texts of a target other than its title that contain a key: field, then the text as written. */
export type MatchedTexts = (Field | string)[];

/** A leaf: every target with a text containing the key; the title is in the record, other texts follow. */
export type LeafEntry = [ordinal: number, record: TargetRecord, texts?: MatchedTexts];

/** Head of a key file (a key more than `leafMax` targets contain). Sets are binary parts. */
export interface KeyHead {
  /** Targets with any text containing the key. */
  n: number;
  /** Of which with the title (name) containing it. */
  titles: number;
  /** Targets whose title is the key. */
  exact: number[];
  /** Offsets of the binary parts: every target, titles containing, titles starting with, the cube. */
  all: number;
  title: number;
  prefix: number;
  cube: number;
  /** The first page with no filter: ordinal, class, record. */
  top: [number, MatchClass, TargetRecord][];
}

export interface CollectionMeta {
  /** Number of targets. */
  n: number;
  /** Facets this collection's targets carry (a mask each, in this order). */
  facets: Facet[];
  /** First ordinal of each province (index into meta.provinces) present, and one past its last: [province, from, to]. */
  provinces: [number, number, number][];
  cities: [number, number, number][];
  /** Keys more than leafMax targets contain: sorted, each written as (length shared with the one before, as one character from '0') + the rest, joined by '|'. */
  keys: string;
  /** How many targets a record block holds. */
  block: number;
  /** Leaf files and key files: a key's file is the hash of the key modulo these. */
  leafShards: number;
  keyShards: number;
}

export interface Meta {
  version: 1;
  leafMax: number;
  codeShards: number;
  /** Traditional → Simplified pairs for the characters the index holds. */
  ts: string;
  provinces: [code: string, name: string][];
  cities: [code: string, name: string, province: number][];
  /** Values of each facet, by bit. */
  values: Record<Facet, string[]>;
  kinds: string[];
  collections: Record<CollectionId, CollectionMeta>;
}

export const BASE = '/search/x';
export const paths = {
  meta: `${BASE}/meta.json`,
  leaf: (c: CollectionId, shard: number) => `${BASE}/${c}/l/${shard}.bin`,
  key: (c: CollectionId, shard: number) => `${BASE}/${c}/k/${shard}.bin`,
  block: (c: CollectionId, block: number) => `${BASE}/${c}/r/${block}.json`,
  /** Facet masks of the targets of one province, in ordinal order. */
  province: (c: CollectionId, province: number) => `${BASE}/${c}/g/${province}.bin`,
  /** The targets with one value of a facet. */
  value: (c: CollectionId, facet: Facet, bit: number) => `${BASE}/${c}/v/${facet}-${bit}.bin`,
  code: (shard: number) => `${BASE}/code/${shard}.json`,
};

/** A code entry: the code as folded, what it is, the enterprise's ordinal. */
export const CODE = { credit: 0, stock: 1, line: 2, doc: 3 } as const;
export type CodeEntry = [code: string, what: number, ordinal: number];
/** A document number leads to its announcement or policy text: href, title, kind, details. */
export type DocEntry = [code: string, what: number, page: [href: string, title: string, kind: number, details: string]];
/** Codes are filed under their first 8 characters, shorter ones whole: a credit code is found by its first 8 or more. */
export const CODE_PREFIX = 8;
export const codeShardKey = (code: string) => code.slice(0, CODE_PREFIX);

/** Decodes the internal-key list of a collection. */
export function parseKeys(encoded: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  if (!encoded) return out;
  for (const part of encoded.split('|')) {
    const shared = part.charCodeAt(0) - 48;
    prev = prev.slice(0, shared) + part.slice(1);
    out.add(prev);
  }
  return out;
}

export function encodeKeys(sorted: readonly string[]): string {
  let prev = '';
  return sorted
    .map((k) => {
      let shared = 0;
      while (shared < prev.length && shared < k.length && prev[shared] === k[shared]) shared++;
      prev = k;
      return String.fromCharCode(48 + shared) + k.slice(shared);
    })
    .join('|');
}
