import type { Problem } from '../../schema/problem.ts';
import { problem } from '../../problems/catalogue.ts';
import type { Announcement } from '../record.ts';

/**
 * bad-supersedes: `supersedes` must name an existing announcement of the same kind, region and
 * year, not itself, not one another correction already supersedes, and never form a cycle.
 * Returns the problems and the set of ids whose `supersedes` is valid.
 */
export function checkSupersedes(all: readonly Announcement[]): { problems: Problem[]; valid: Set<string> } {
  const byId = new Map(all.map((a) => [a.id, a]));
  const problems: Problem[] = [];
  const valid = new Set<string>();
  const claimedBy = new Map<string, string>();
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const a of sorted) {
    const target = a.meta.supersedes;
    if (target === undefined) continue;
    const where = { file: a.mdFile, line: a.keyLines.supersedes, column: 'supersedes' };
    const old = byId.get(target);
    const bad = (detail: string) => problems.push(problem('bad-supersedes', where, { value: target, detail }));
    if (target === a.id) bad('不能更正自己');
    else if (!old) bad('没有这个编号的公告');
    else if (old.kind !== a.kind) bad(`原公告类别是 ${old.kind}，本公告是 ${a.kind}`);
    else if (old.meta.region !== a.meta.region) bad(`原公告地区是 ${old.meta.region}，本公告是 ${a.meta.region}`);
    else if (old.meta.year !== a.meta.year) bad(`原公告年份是 ${old.meta.year}，本公告是 ${a.meta.year}`);
    else if (claimedBy.has(target)) bad(`${claimedBy.get(target)} 已经更正了它；请更正最新的那一条`);
    else {
      // Walk the chain from the target; meeting `a` again is a cycle.
      let cur: Announcement | undefined = old;
      const seen = new Set([a.id]);
      let cycle = false;
      while (cur?.meta.supersedes !== undefined) {
        if (seen.has(cur.id)) { cycle = true; break; }
        seen.add(cur.id);
        cur = byId.get(cur.meta.supersedes);
      }
      if (cycle || (cur && seen.has(cur.id) && cur.id !== old.id)) bad('更正关系形成了循环');
      else {
        claimedBy.set(target, a.id);
        valid.add(a.id);
      }
    }
  }
  return { problems, valid };
}

/** Ids of announcements that a valid correction supersedes: they are no longer in force. */
export function supersededIds(all: readonly Announcement[], valid: ReadonlySet<string>): Set<string> {
  return new Set(all.filter((a) => valid.has(a.id)).map((a) => a.meta.supersedes!));
}
