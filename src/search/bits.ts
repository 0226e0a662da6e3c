/**
 * Sets of target numbers (ordinals) as bit sets, and their compact encodings on disk. Shared by
 * the index writer and the query engine. Pure; runs in the browser.
 *
 * On disk a set is one of: empty; every target; a bitmap (one bit per target); or the ascending
 * numbers as variable-length deltas — whichever is smallest.
 */

export type Bits = Uint32Array;

export const newBits = (n: number): Bits => new Uint32Array((n + 31) >>> 5);
export const has = (b: Bits, i: number): boolean => ((b[i >>> 5]! >>> (i & 31)) & 1) === 1;
export const set = (b: Bits, i: number): void => {
  b[i >>> 5]! |= 1 << (i & 31);
};

export function fromList(n: number, list: Iterable<number>): Bits {
  const b = newBits(n);
  for (const i of list) set(b, i);
  return b;
}

export function allBits(n: number): Bits {
  const b = newBits(n);
  b.fill(0xffffffff);
  if (n & 31) b[b.length - 1] = (1 << (n & 31)) - 1;
  return b;
}

/** a ∧ b, into a new set. */
export function and(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** a ∧ ¬b, into a new set. */
export function andNot(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & ~b[i]!;
  return out;
}

function pop32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How many members lie in [from, to). */
export function countRange(b: Bits, from: number, to: number): number {
  if (to <= from) return 0;
  const fw = from >>> 5;
  const tw = (to - 1) >>> 5;
  const lo = ~0 << (from & 31);
  const hi = (to & 31) === 0 ? ~0 : (1 << (to & 31)) - 1;
  if (fw === tw) return pop32(b[fw]! & lo & hi);
  let n = pop32(b[fw]! & lo) + pop32(b[tw]! & hi);
  for (let w = fw + 1; w < tw; w++) n += pop32(b[w]!);
  return n;
}

/** Members in [from, to), ascending; stops after `limit` of them once `skip` are passed. */
export function membersIn(b: Bits, from: number, to: number, skip = 0, limit = Infinity): number[] {
  const out: number[] = [];
  for (let w = from >>> 5; w <= (to - 1) >>> 5 && w < b.length; w++) {
    let x = b[w]!;
    while (x !== 0) {
      const bit = 31 - Math.clz32(x & -x);
      x &= x - 1;
      const i = (w << 5) + bit;
      if (i < from || i >= to) continue;
      if (skip > 0) skip--;
      else {
        out.push(i);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

// --- Encoding --------------------------------------------------------------------------------

const EMPTY = 0;
const BITMAP = 1;
const DELTAS = 2;
const ALL = 3;

/** Appends `v` as a variable-length unsigned integer (7 bits a byte, low first). */
export function putVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

export class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }
  varint(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = this.bytes[this.pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  }
}

/** Encodes an ascending list of distinct numbers below `n`, choosing the smallest form. */
export function encodeSet(n: number, sorted: ArrayLike<number>): number[] {
  const count = sorted.length;
  if (count === 0) return [EMPTY];
  if (count === n) return [ALL];
  const deltas: number[] = [DELTAS];
  putVarint(deltas, count);
  let prev = -1;
  for (let i = 0; i < count; i++) {
    putVarint(deltas, sorted[i]! - prev - 1);
    prev = sorted[i]!;
  }
  const bitmapSize = 1 + Math.ceil(n / 8);
  if (deltas.length <= bitmapSize) return deltas;
  const bytes = new Array<number>(bitmapSize).fill(0);
  bytes[0] = BITMAP;
  for (let i = 0; i < count; i++) bytes[1 + (sorted[i]! >>> 3)]! |= 1 << (sorted[i]! & 7);
  return bytes;
}

/** Reads a set written by `encodeSet` into a bit set of `n` targets. */
export function decodeSet(n: number, r: Reader): Bits {
  const kind = r.bytes[r.pos++]!;
  if (kind === EMPTY) return newBits(n);
  if (kind === ALL) return allBits(n);
  if (kind === BITMAP) {
    const b = newBits(n);
    const len = Math.ceil(n / 8);
    for (let i = 0; i < len; i++) {
      const byte = r.bytes[r.pos + i]!;
      if (byte) b[i >>> 2]! |= byte << ((i & 3) * 8);
    }
    r.pos += len;
    return b;
  }
  const b = newBits(n);
  const count = r.varint();
  let prev = -1;
  for (let i = 0; i < count; i++) {
    prev += r.varint() + 1;
    set(b, prev);
  }
  return b;
}

/**
 * A file of the index: a JSON head and binary parts after it. Layout: the head's length in bytes
 * (4 bytes, little-endian), the head as UTF-8 JSON, then the binary parts; the head gives the
 * offset of each part after the head.
 */
export function packFile(head: unknown, parts: number[] = []): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(head));
  const out = new Uint8Array(4 + json.length + parts.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(parts, 4 + json.length);
  return out;
}

export function unpackFile<T>(bytes: Uint8Array): { head: T; reader: (offset: number) => Reader } {
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + len))) as T;
  return { head, reader: (offset) => new Reader(bytes, 4 + len + offset) };
}

/** FNV-1a over UTF-16 code units: which shard a key lives in. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
