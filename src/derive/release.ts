/**
 * The release a build publishes, named from the data alone: its as-of date and a short hash of
 * `published.lock`, so the same record always gives the same release id and any newly locked
 * announcement gives a new one. Citations, the Data Package version and /data/index.json use it.
 */
import { createHash } from 'node:crypto';
import type { Lock } from '../schema/lock.ts';
import type { Announcement } from '../validate/record.ts';

export interface Release {
  /** e.g. 2025-12-20-3f9a0c1b: the as-of date, then 8 hex digits of the lock's hash. */
  id: string;
  /** The latest publication date among announcements in force. */
  asOf: string;
  /** The announcement published last, which is the record's last change. */
  lastChange: { date: string; announcement: string } | undefined;
}

/** SHA-256 of the lock's entries in id order (the file's formatting does not count). */
export function lockDigest(lock: Lock): string {
  const h = createHash('sha256');
  for (const id of Object.keys(lock).sort()) {
    const e = lock[id]!;
    h.update(`${id}\t${e.md}\t${e.csv}\n`);
  }
  return h.digest('hex');
}

export function releaseOf(asOf: string, lock: Lock, chronological: readonly Announcement[]): Release {
  const last = chronological.at(-1);
  return {
    id: `${asOf}-${lockDigest(lock).slice(0, 8)}`,
    asOf,
    lastChange: last && { date: last.meta.published, announcement: last.id },
  };
}
