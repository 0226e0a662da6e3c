import type { Problem } from '../../schema/problem.ts';
import { problem } from '../../problems/catalogue.ts';
import type { Announcement } from '../record.ts';

/** The key of a row that identifies it within its kind of table, and a name people know it by. */
export function rowIdentity(a: Pick<Announcement, 'kind'>, data: Announcement['rows'][number]['data']): { key: string; names: string[] } {
  switch (a.kind) {
    case 'plan':
    case 'completion': {
      const d = data as Extract<Announcement, { kind: 'plan' }>['rows'][number]['data'];
      return { key: d.line_id, names: [d.line_id, d.enterprise_name] };
    }
    case 'target': {
      const d = data as Extract<Announcement, { kind: 'target' }>['rows'][number]['data'];
      return { key: `${d.region_code}/${d.industry}`, names: [d.region_code] };
    }
    case 'assessment': {
      const d = data as Extract<Announcement, { kind: 'assessment' }>['rows'][number]['data'];
      return { key: d.region_code, names: [d.region_code] };
    }
    case 'cards': {
      const d = data as Extract<Announcement, { kind: 'cards' }>['rows'][number]['data'];
      return { key: d.card_id, names: [d.card_id, d.enterprise_name] };
    }
  }
}

/**
 * Removed rows that a correction note does not name, by any of the names people know them by
 * (line_id, enterprise name …). Shared by the silently-dropped rule and the diff of a correction.
 */
export function unnamedInNote<T extends { names: readonly string[] }>(removed: readonly T[], note: string): T[] {
  return removed.filter((r) => !r.names.some((n) => note.includes(n)));
}

/**
 * silently-dropped: a correction omits rows of the announcement it supersedes, and its
 * correction_note names none of them (by line_id or enterprise name).
 */
export function checkSilentlyDropped(all: readonly Announcement[], validSupersedes: ReadonlySet<string>): Problem[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  const out: Problem[] = [];
  for (const a of all) {
    if (!validSupersedes.has(a.id)) continue;
    const old = byId.get(a.meta.supersedes!)!;
    const kept = new Set(a.rows.map((r) => rowIdentity(a, r.data).key));
    const dropped = old.rows.map((r) => rowIdentity(old, r.data)).filter(({ key }) => !kept.has(key));
    for (const { names } of unnamedInNote(dropped, a.meta.correction_note ?? '')) {
      out.push(problem('silently-dropped', { file: a.mdFile, line: a.keyLines.correction_note ?? a.keyLines.supersedes, column: 'correction_note' }, { value: names.join(' '), other: old.id }));
    }
  }
  return out;
}
