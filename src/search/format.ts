/**
 * The files of the name index (written by write-index.ts, read by engine.ts), all under
 * `/search/x/`. Paths and shapes live here once, for both sides.
 *
 * Two collections: `e`, the enterprises, and `p`, the other pages a citizen may look for by name
 * (regions, industries, policy texts). In each, targets are numbered (ordinals) in the order of
 * their region code, so that a province or a city is a range of ordinals. Announcements and
 * policy texts are also found by their document numbers, which are codes.
 *
 * What the first search must fetch is kept small: `meta.json` holds only what every query needs
 * (the internal keys, the character map, the provinces); the cities of a province come with
 * `geo/<province>.json` when a province is chosen, and every result carries its own place.
 */
import { Reader } from './bits.ts';

export type CollectionId = 'e' | 'p';
export const COLLECTIONS: readonly CollectionId[] = ['e', 'p'];

/** What a text of a target is; it says on the result why the target matched. */
export const FIELD = { title: 0, former: 1, alias: 2, equipment: 3 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];
/** Fields that are names: a match in them counts as a match by name. */
export const isName = (f: Field) => f === FIELD.title || f === FIELD.former;

/** How well a target matched: exact name, name starts with the query, name contains it, another text does. */
export const CLASS = { exact: 0, prefix: 1, title: 2, other: 3 } as const;
export type MatchClass = (typeof CLASS)[keyof typeof CLASS];

/** Filters that are sets of values per target, kept as bit masks. Province and city are ranges. */
export const FACETS = ['industry', 'status', 'year'] as const;
export type Facet = (typeof FACETS)[number];
export const GEO = ['province', 'city'] as const;
export type FilterName = (typeof GEO)[number] | Facet;
export const FILTERS: readonly FilterName[] = ['province', 'city', 'industry', 'status', 'year'];

/**
 * A target as a result shows it, without its ordinal. `place` is where it is below the province
 * (city, county), as written. Enterprise: key, name, place, one mask per facet, former names.
 * Page (region, industry, policy text, announcement): href, title, kind, place, year, details,
 * document number.
 */
export type EnterpriseRecord = [key: string, name: string, place: string, industry: number, status: number, year: number, former?: string[]];
export type PageRecord = [href: string, title: string, kind: number, place: string, year: number, details: string, doc?: string];
export type TargetRecord = EnterpriseRecord | PageRecord;

/** Texts of a target other than its title that contain a key: field, then the text as written. */
export type MatchedTexts = (Field | string)[];

/** A leaf: every target with a text containing the key; the title is in the record, other texts follow. */
export type LeafEntry = [ordinal: number, record: TargetRecord, texts?: MatchedTexts];

/** Head of a key (a key more than `leafMax` targets contain). Sets are binary parts of the pack. */
export interface KeyHead {
  /** Targets with any text containing the key. */
  n: number;
  /** Of which with a name containing it. */
  titles: number;
  /** Targets whose name is the key. */
  exact: number[];
  /** Offsets of the binary parts: every target, names containing, names starting with, the cube. */
  all: number;
  title: number;
  prefix: number;
  cube: number;
  /** The first page with no filter: ordinal, class, record. */
  top: [number, MatchClass, TargetRecord][];
}

/**
 * Files that hold many small entries (leaves, keys, codes) are packs: an entry's key is hashed
 * into one of `buckets` buckets, and consecutive buckets share a file, cut where the file would
 * pass its aimed size. `cuts` is the number of buckets in each file, as base64 varints, so a
 * file count of a thousand costs about a kilobyte of meta, and no file is much bigger than aimed
 * unless one entry alone is.
 */
export interface Pack {
  buckets: number;
  cuts: string;
}

export interface CollectionMeta {
  /** Number of targets. */
  n: number;
  /** Facets this collection's targets carry (a mask each, in this order). */
  facets: Facet[];
  /** [province, first ordinal, one past the last] of each province (index into meta.provinces) present. */
  provinces: [number, number, number][];
  /** Keys more than leafMax targets contain: sorted, each written as (length shared with the one before, as one character from '0') + the rest, joined by '|'. */
  keys: string;
  /** How many targets a record block holds. */
  block: number;
  /** Leaves whose key has a character other than an ASCII letter or digit, and the others (codes typed as names). */
  leaves: Pack;
  asciiLeaves: Pack;
  keyPack: Pack;
}

export interface Meta {
  version: 2;
  leafMax: number;
  codes: Pack;
  /** Traditional → Simplified pairs for the characters the index holds. */
  ts: string;
  provinces: [code: string, name: string][];
  /** Values of each facet, by bit. */
  values: Record<Facet, string[]>;
  kinds: string[];
  collections: Record<CollectionId, CollectionMeta>;
  /** Pagefind bundles besides /pagefind/, merged into it for full-text search (a large record is indexed in parts). */
  fullText: string[];
}

/** The cities of one province: their names, and their ranges of ordinals in each collection. */
export interface Geo {
  cities: string[];
  ranges: Record<CollectionId, [city: number, from: number, to: number][]>;
}

export const BASE = '/search/x';
export const paths = {
  meta: `${BASE}/meta.json`,
  leaf: (c: CollectionId, file: number, ascii: boolean) => `${BASE}/${c}/${ascii ? 'la' : 'l'}/${file}.json`,
  key: (c: CollectionId, file: number) => `${BASE}/${c}/k/${file}.bin`,
  block: (c: CollectionId, block: number) => `${BASE}/${c}/r/${block}.json`,
  geo: (province: number) => `${BASE}/geo/${province}.json`,
  /** Facet masks of the targets of one province, in ordinal order. */
  province: (c: CollectionId, province: number) => `${BASE}/${c}/g/${province}.bin`,
  /** The targets with one value of a facet. */
  value: (c: CollectionId, facet: Facet, bit: number) => `${BASE}/${c}/v/${facet}-${bit}.bin`,
  code: (file: number) => `${BASE}/code/${file}.json`,
};

/** A code entry: the code as folded, what it is, the enterprise's ordinal. */
export const CODE = { credit: 0, stock: 1, line: 2, doc: 3 } as const;
export type CodeEntry = [code: string, what: number, ordinal: number];
/** A document number leads to its announcement or policy text, whose record it carries (its place from the province down). */
export type DocEntry = [code: string, what: typeof CODE.doc, page: PageRecord];
/** Codes are filed under their first 8 characters, shorter ones whole: a credit code is found by its first 8 or more. */
export const CODE_PREFIX = 8;
export const codeShardKey = (code: string) => code.slice(0, CODE_PREFIX);

export const isAscii = (s: string) => /^[0-9a-z]*$/.test(s);

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

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The first bucket of each file of a pack, and one past the last bucket at the end. */
export function packStarts(p: Pack): Int32Array {
  const r = new Reader(fromBase64(p.cuts));
  const starts: number[] = [0];
  while (r.pos < r.bytes.length) starts.push(starts[starts.length - 1]! + r.varint());
  return Int32Array.from(starts);
}

/** Which file of a pack holds the entry whose key hashes to `hash`. */
export function fileOf(starts: Int32Array, buckets: number, hash: number): number {
  const b = hash % buckets;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= b) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
