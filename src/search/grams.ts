import type { Collection } from './collect.ts';
import { FIELD } from './format.ts';

/**
 * The n-gram index of one collection, built level by level. A key is a string of two or more
 * folded characters. Keys more than `leafMax` targets contain are *internal*: their targets are
 * kept as sets (every target, titles containing, titles starting with, titles equal), and the
 * index grows one character longer below them. A key at most `leafMax` targets contain is a
 * *leaf*: it lists those targets with their texts that contain it, and stops there.
 *
 * Every query then has one place to look: walk its prefixes while they are internal keys. If
 * the whole query is an internal key, its sets are the exact answer; otherwise the first prefix
 * that is not internal is a leaf (or contained nowhere), and the leaf's texts, checked for the
 * whole query, are the exact answer. Every string that occurs is reached, because each prefix of
 * an occurring string occurs at the same place.
 *
 * Cost: each starting position of each text is extended while its key is internal, so the work is
 * the total length of the texts times the depth of the common keys — linear in the record.
 * Internal keys are handed to `onKey` as soon as their level is done, so only one level's sets
 * are held at a time.
 */
export interface KeySets {
  key: string;
  all: Int32Array;
  titles: Int32Array;
  prefix: Int32Array;
  exact: Int32Array;
}

export interface LeafHit {
  ordinal: number;
  /** Indices into the collection's flattened texts. */
  texts: number[];
}

export interface GramIndex {
  /** Internal keys, sorted. */
  keys: string[];
  leaves: Map<string, LeafHit[]>;
  /** The flattened texts: target and position in the target's texts. */
  textTarget: Int32Array;
  textSlot: Int32Array;
  /** Positions examined over all levels: the work done, for the growth test. */
  steps: number;
}

class IntList {
  data = new Int32Array(16);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

interface Tally {
  count: number;
  last: number;
}

interface Building {
  all: IntList;
  titles: IntList;
  prefix: IntList;
  exact: IntList;
  lastAll: number;
  lastTitle: number;
  lastPrefix: number;
  lastExact: number;
}

export function buildGrams(c: Collection, leafMax: number, onKey: (k: KeySets) => void): GramIndex {
  const strings: string[] = [];
  const isTitle: boolean[] = [];
  const target = new IntList();
  const slot = new IntList();
  c.targets.forEach((t, ordinal) => {
    t.texts.forEach((x, i) => {
      strings.push(x.folded);
      isTitle.push(x.field === FIELD.title || x.field === FIELD.former);
      target.push(ordinal);
      slot.push(i);
    });
  });
  const textTarget = target.toArray();
  // Active positions of this level: text index and start, in text order.
  let posText = new IntList();
  let posStart = new IntList();
  for (let ti = 0; ti < strings.length; ti++) for (let i = 0; i + 2 <= strings[ti]!.length; i++) {
    posText.push(ti);
    posStart.push(i);
  }
  const keys: string[] = [];
  const internal = new Set<string>();
  const leaves = new Map<string, LeafHit[]>();
  let steps = 0;
  for (let len = 2; posText.length > 0; len++) {
    steps += posText.length;
    // Sweep 1: how many targets contain each key of this length.
    const tally = new Map<string, Tally>();
    for (let p = 0; p < posText.length; p++) {
      const ti = posText.data[p]!;
      const g = strings[ti]!.substr(posStart.data[p]!, len);
      const who = textTarget[ti]!;
      const k = tally.get(g);
      if (!k) tally.set(g, { count: 1, last: who });
      else if (k.last !== who) {
        k.count++;
        k.last = who;
      }
    }
    // Sweep 2: internal keys gather their sets and go one character further; leaves list their hits.
    const building = new Map<string, Building>();
    const nextText = new IntList();
    const nextStart = new IntList();
    for (let p = 0; p < posText.length; p++) {
      const ti = posText.data[p]!;
      const start = posStart.data[p]!;
      const s = strings[ti]!;
      const g = s.substr(start, len);
      const who = textTarget[ti]!;
      if (tally.get(g)!.count > leafMax) {
        let b = building.get(g);
        if (!b) {
          b = { all: new IntList(), titles: new IntList(), prefix: new IntList(), exact: new IntList(), lastAll: -1, lastTitle: -1, lastPrefix: -1, lastExact: -1 };
          building.set(g, b);
        }
        if (b.lastAll !== who) b.all.push((b.lastAll = who));
        if (isTitle[ti]) {
          if (b.lastTitle !== who) b.titles.push((b.lastTitle = who));
          if (start === 0 && b.lastPrefix !== who) b.prefix.push((b.lastPrefix = who));
          if (start === 0 && s.length === len && b.lastExact !== who) b.exact.push((b.lastExact = who));
        }
        if (start + len < s.length) {
          nextText.push(ti);
          nextStart.push(start);
        }
      } else if (len === 2 || internal.has(g.substring(1))) {
        // A minimal rare string: rare, while both strings one character shorter are common.
        let hits = leaves.get(g);
        if (!hits) leaves.set(g, (hits = []));
        const lastHit = hits[hits.length - 1];
        if (lastHit?.ordinal === who) {
          if (lastHit.texts[lastHit.texts.length - 1] !== ti) lastHit.texts.push(ti);
        } else hits.push({ ordinal: who, texts: [ti] });
      }
    }
    const level = [...building.keys()].sort();
    for (const key of level) {
      const b = building.get(key)!;
      keys.push(key);
      internal.add(key);
      onKey({ key, all: b.all.toArray(), titles: b.titles.toArray(), prefix: b.prefix.toArray(), exact: b.exact.toArray() });
    }
    posText = nextText;
    posStart = nextStart;
  }
  keys.sort();
  return { keys, leaves, textTarget, textSlot: slot.toArray(), steps };
}
