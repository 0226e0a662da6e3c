import type { Problem } from '../schema/problem.ts';
import type { References, RegionReference } from '../schema/lock.ts';
import type { Region } from '../schema/region.ts';
import { problem } from '../problems/catalogue.ts';
import type { Taxonomy } from '../reference/industries.ts';
import type { RegionTable } from '../reference/regions.ts';
import { sameRegion } from './lock.ts';
import type { Announcement } from './record.ts';

/** Where the reference tables of a data root define each spelling and code, to place a problem. */
export interface ReferenceSources {
  /** Spelling (id, name or alias as written in industries.csv) → its row and column. */
  industries: Map<string, { line: number; column: string }>;
  /** Region code → its row in regions.csv. */
  regions: Map<string, number>;
}

const regionRef = (r: Region): RegionReference => ({
  name: r.name,
  ...(r.parent !== undefined && { parent: r.parent }),
  ...(r.valid_from !== undefined && { valid_from: r.valid_from }),
  ...(r.valid_to !== undefined && { valid_to: r.valid_to }),
});

/**
 * What the rows of the published announcements (`published(id)`) resolve to: every spelling of
 * every industry they are in, and every region code they use with its ancestors. `npm run lock`
 * records it in the lock; keys are sorted so the same record writes the same bytes.
 */
export function collectReferences(announcements: readonly Announcement[], published: (id: string) => boolean, taxonomy: Taxonomy, regions: RegionTable): References {
  const industries = new Set<string>();
  const codes = new Set<string>();
  for (const a of announcements) {
    if (!published(a.id)) continue;
    codes.add(a.meta.region);
    for (const row of a.rows) {
      const d = row.data as { region_code?: string; industry?: string };
      if (d.region_code !== undefined) codes.add(d.region_code);
      if (d.industry !== undefined) industries.add(d.industry);
    }
  }
  const spellings: Record<string, string> = {};
  for (const i of taxonomy.industries) {
    for (const s of [i.id, i.name, ...i.aliases]) {
      const to = taxonomy.lookup(s);
      if (to && industries.has(to.id)) spellings[s] = to.id;
    }
  }
  const byCode: Record<string, RegionReference> = {};
  for (const code of codes) for (const r of regions.chain(code)) byCode[r.code] = regionRef(r);
  return { industries: sortedKeys(spellings), regions: sortedKeys(byCode) };
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
}

/** References recorded before, with what `next` adds (a recorded entry is never rewritten). */
export function mergeReferences(recorded: References | undefined, next: References): References {
  if (!recorded) return next;
  return {
    industries: sortedKeys({ ...next.industries, ...recorded.industries }),
    regions: sortedKeys({ ...next.regions, ...recorded.regions }),
  };
}

const industryText = (taxonomy: Taxonomy, id: string | undefined) => {
  if (id === undefined) return '不认识的行业';
  const name = taxonomy.get(id)?.name;
  return name && name !== id ? `${name}（${id}）` : id;
};

function regionText(r: RegionReference | undefined): string {
  if (!r) return '不存在的代码';
  const validity = r.valid_from || r.valid_to ? `，有效期 ${r.valid_from ?? '…'} 至 ${r.valid_to ?? '…'}` : '';
  return `“${r.name}”（上级 ${r.parent ?? '无'}${validity}）`;
}

/**
 * reference-changed: a spelling or region code that published rows resolved one way when they
 * were locked resolves another way now. Placed on the row of industries.csv or regions.csv that
 * now defines it, or on the whole file when no row does (the row was deleted).
 */
export function checkReferences(recorded: References, taxonomy: Taxonomy, regions: RegionTable, sources: ReferenceSources): Problem[] {
  const out: Problem[] = [];
  for (const [spelling, id] of Object.entries(recorded.industries)) {
    const now = taxonomy.lookup(spelling)?.id;
    if (now === id) continue;
    const at = sources.industries.get(spelling);
    out.push(problem('reference-changed', { file: 'industries.csv', line: at?.line, column: at?.column }, {
      value: spelling, what: `行业写法“${spelling}”`, before: industryText(taxonomy, id), after: industryText(taxonomy, now),
    }));
  }
  for (const [code, was] of Object.entries(recorded.regions)) {
    const r = regions.get(code);
    const now = r && regionRef(r);
    if (now && sameRegion(now, was)) continue;
    const column = !now ? 'code' : now.name !== was.name ? 'name' : now.parent !== was.parent ? 'parent' : now.valid_from !== was.valid_from ? 'valid_from' : 'valid_to';
    out.push(problem('reference-changed', { file: 'regions.csv', line: sources.regions.get(code), column: sources.regions.has(code) ? column : undefined }, {
      value: code, what: `地区代码 ${code}`, before: regionText(was), after: regionText(now),
    }));
  }
  return out;
}
