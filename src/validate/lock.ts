import { createHash } from 'node:crypto';
import type { Problem } from '../schema/problem.ts';
import { LOCK_FILE, LockSchema, type Lock } from '../schema/lock.ts';

export { LOCK_FILE };
import { problem } from '../problems/catalogue.ts';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Parses `published.lock`; a broken lock is a problem, and nothing counts as locked. */
export function parseLock(text: string | undefined): { lock: Lock; problems: Problem[] } {
  if (text === undefined) return { lock: {}, problems: [] };
  try {
    const parsed = LockSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { lock: parsed.data, problems: [] };
    const i = parsed.error.issues[0]!;
    return { lock: {}, problems: [problem('lock-syntax', { file: LOCK_FILE }, { detail: `${i.path.join('.')}: ${i.message}` })] };
  } catch (e) {
    return { lock: {}, problems: [problem('lock-syntax', { file: LOCK_FILE }, { detail: (e as Error).message })] };
  }
}

/** The bytes of one announcement's two files (undefined where a file is missing). */
export interface AnnouncementFiles {
  id: string;
  mdFile: string;
  csvFile: string;
  md?: Uint8Array | undefined;
  csv?: Uint8Array | undefined;
}

/** lock-mismatch for changed or vanished locked files; not-locked for new announcements. */
export function checkLock(lock: Lock, files: readonly AnnouncementFiles[]): Problem[] {
  const out: Problem[] = [];
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const id of Object.keys(lock).sort()) {
    const entry = lock[id]!;
    const f = byId.get(id);
    for (const which of ['md', 'csv'] as const) {
      const bytes = f?.[which];
      const year = /^(\d{4})-/.exec(id)?.[1] ?? '<年份>';
      const file = f ? (which === 'md' ? f.mdFile : f.csvFile) : `announcements/${year}/${id}.${which}`;
      if (bytes === undefined) out.push(problem('lock-mismatch', { file }, { value: id, which: `.${which}`, gone: 1 }));
      else if (sha256(bytes) !== entry[which]) out.push(problem('lock-mismatch', { file }, { value: id, which: `.${which}` }));
    }
  }
  for (const f of files) {
    if (!Object.hasOwn(lock, f.id)) out.push(problem('not-locked', { file: f.mdFile }, { value: f.id }));
  }
  return out;
}

/** The lock with every given announcement added (existing entries are never rewritten). */
export function extendLock(lock: Lock, files: readonly AnnouncementFiles[]): { lock: Lock; added: string[] } {
  const next: Lock = { ...lock };
  const added: string[] = [];
  for (const f of files) {
    if (f.id in next || !f.md || !f.csv) continue;
    next[f.id] = { md: sha256(f.md), csv: sha256(f.csv) };
    added.push(f.id);
  }
  const sorted: Lock = {};
  for (const id of Object.keys(next).sort()) sorted[id] = next[id]!;
  return { lock: sorted, added };
}

export const formatLock = (lock: Lock) => `${JSON.stringify(lock, null, 2)}\n`;
