import type { Region, RegionLevel } from '../schema/region.ts';
import builtin from './regions-gbt2260.json' with { type: 'json' };

/** Regions known to one data root: GB/T 2260 (see scripts/gen-regions.ts) plus `regions.csv`. */
export interface RegionTable {
  get(code: string): Region | undefined;
  /** Whether `code` is `ancestor` or lies inside it. 000000 contains every code. */
  contains(ancestor: string, code: string): boolean;
  /** The chain from the nation down to `code` (inclusive); empty for an unknown code. */
  chain(code: string): Region[];
  readonly all: readonly Region[];
}

export const NATIONAL = '000000';
export const REGION_TABLE_SOURCE = { source: builtin.source, vintage: builtin.vintage };

export function levelOf(code: string): RegionLevel {
  if (code === NATIONAL) return 'nation';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export interface ExtraRegion {
  code: string;
  name: string;
  parent: string;
  valid_from?: string | undefined;
  valid_to?: string | undefined;
}

export function buildRegionTable(extra: readonly ExtraRegion[] = []): RegionTable {
  const byCode = new Map<string, Region>();
  byCode.set(NATIONAL, { code: NATIONAL, name: '全国', level: 'nation' });
  for (const [code, name, parent] of builtin.regions as [string, string, string][]) {
    byCode.set(code, { code, name, parent, level: levelOf(code) });
  }
  for (const e of extra) {
    const r: Region = { code: e.code, name: e.name, parent: e.parent, level: levelOf(e.code) };
    if (e.valid_from) r.valid_from = e.valid_from;
    if (e.valid_to) r.valid_to = e.valid_to;
    byCode.set(e.code, r);
  }
  // Chains are asked for once per row and per announcement: remember them.
  const chains = new Map<string, Region[]>();
  const chain = (code: string): Region[] => {
    const known = chains.get(code);
    if (known) return known;
    const out = walkUp(code);
    chains.set(code, out);
    return out;
  };
  const walkUp = (code: string): Region[] => {
    const out: Region[] = [];
    const seen = new Set<string>();
    for (let r = byCode.get(code); r && !seen.has(r.code); r = r.parent ? byCode.get(r.parent) : undefined) {
      seen.add(r.code);
      out.unshift(r);
    }
    return out;
  };
  return {
    get: (code) => byCode.get(code),
    contains: (ancestor, code) => {
      if (ancestor === NATIONAL) return true;
      for (const r of chain(code)) if (r.code === ancestor) return true;
      return false;
    },
    chain,
    all: [...byCode.values()],
  };
}
