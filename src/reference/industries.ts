import type { Industry } from '../schema/industry.ts';
import { BUILTIN_INDUSTRIES } from './industries-builtin.ts';
import { toHalfWidth, trimCell } from '../text/normalize.ts';

/** The industry taxonomy in force for one data root: built in, extended by `industries.csv`. */
export interface Taxonomy {
  readonly industries: readonly Industry[];
  get(id: string): Industry | undefined;
  /** Finds an industry by id, name or alias as a cell may write it. */
  lookup(written: string): Industry | undefined;
}

const key = (s: string) => toHalfWidth(trimCell(s)).replace(/\s+/g, '').toLowerCase();

/** Builds a taxonomy; `extra` rows add industries, or aliases and units to a built-in one. */
export function buildTaxonomy(extra: readonly Industry[] = []): Taxonomy {
  const byId = new Map<string, Industry>();
  for (const i of BUILTIN_INDUSTRIES) byId.set(i.id, { ...i, aliases: [...i.aliases], units: [...i.units] });
  for (const e of extra) {
    const existing = byId.get(e.id) ?? [...byId.values()].find((i) => i.name === e.name);
    if (existing) {
      for (const a of e.aliases) if (!existing.aliases.includes(a)) existing.aliases.push(a);
      for (const u of e.units) if (!existing.units.includes(u)) existing.units.push(u);
    } else {
      byId.set(e.id, { ...e });
    }
  }
  const index = new Map<string, Industry>();
  for (const i of byId.values()) {
    for (const name of [i.id, i.name, ...i.aliases]) if (!index.has(key(name))) index.set(key(name), i);
  }
  const industries = [...byId.values()];
  return {
    industries,
    get: (id) => byId.get(id),
    // Keys are their own key (key() is idempotent): most cells are written as a key already.
    lookup: (written) => index.get(written) ?? index.get(key(written)),
  };
}

/** Canonical form of a capacity unit as written (full-width folded, spaces removed). */
export function normaliseUnit(u: string): string {
  return toHalfWidth(trimCell(u)).replace(/\s+/g, '');
}
