/** The release id comes from the data alone: the as-of date and the lock's entries. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lockDigest, releaseOf } from '../../src/derive/release.ts';
import { buildModel } from '../../src/derive/model.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';

const lock = { b: { md: 'a'.repeat(64), csv: 'b'.repeat(64) }, a: { md: 'c'.repeat(64), csv: 'd'.repeat(64) } };

describe('a release', () => {
  it('is named by the as-of date and 8 hex digits of the lock, whatever the order of its entries', () => {
    const r = releaseOf('2025-12-20', lock, []);
    expect(r.id).toMatch(/^2025-12-20-[0-9a-f]{8}$/);
    expect(releaseOf('2025-12-20', { a: lock.a, b: lock.b }, []).id).toBe(r.id);
  });

  it('changes when an announcement is locked or a recorded hash differs', () => {
    const more = { ...lock, c: { md: 'e'.repeat(64), csv: 'f'.repeat(64) } };
    expect(lockDigest(more)).not.toBe(lockDigest(lock));
    expect(lockDigest({ ...lock, a: { ...lock.a, csv: '0'.repeat(64) } })).not.toBe(lockDigest(lock));
  });

  it('of the sample record: its as-of date and its last change, the announcement published last', () => {
    const model = buildModel(validateDataRoot(join(import.meta.dirname, '../../data')));
    expect(model.release.asOf).toBe(model.asOf);
    expect(model.release.id.startsWith(`${model.asOf}-`)).toBe(true);
    expect(model.release.lastChange).toEqual({ date: model.chronological.at(-1)!.meta.published, announcement: model.chronological.at(-1)!.id });
  });
});
