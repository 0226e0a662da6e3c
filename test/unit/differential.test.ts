/**
 * The differential test of the redesign (issue 13): today's validator reports, on every fixture,
 * the sample record and synthetic records, exactly the problems the validator reported before the
 * code was reorganised (test/fixtures/differential/before-redesign.json, made once by commit
 * 3144dfc) — except the differences intended.json names with their reasons.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { writeSynth } from '../../tools/synth.ts';

const REPO = join(import.meta.dirname, '../..');
const DIR = join(REPO, 'test/fixtures/differential');
type Row = [string, string, string, number | null, string | null, string | null, string, string];
const before = JSON.parse(readFileSync(join(DIR, 'before-redesign.json'), 'utf8')) as Record<string, Row[]>;
/**
 * An allowed difference: one problem added or removed, or (`message`) every problem of a code in a
 * case may be worded otherwise — same severity, code, file, line, column and value.
 */
type Intended = { case: string; problem: Row; change: 'added' | 'removed'; reason: string } | { case: string; code: string; change: 'message'; reason: string };
const intended = JSON.parse(readFileSync(join(DIR, 'intended.json'), 'utf8')) as Intended[];

const tmp = mkdtempSync(join(tmpdir(), 'phaseout-differential-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SYNTH: Record<string, { lines: number; seed: number; lock: boolean }> = {
  'synth/1000-1': { lines: 1000, seed: 1, lock: true },
  'synth/1000-2': { lines: 1000, seed: 2, lock: false },
  'synth/3000-3': { lines: 3000, seed: 3, lock: true },
};

function rootOf(name: string): string {
  const synth = SYNTH[name];
  if (synth) {
    const dir = join(tmp, name.replace('/', '-'));
    if (!existsSync(dir)) writeSynth(dir, synth);
    return dir;
  }
  if (name === 'data') return join(REPO, 'data');
  const [kind, c] = name.split('/') as [string, string];
  return kind === 'site' ? join(REPO, 'test/fixtures/site', c) : join(REPO, 'test/fixtures', kind, c, 'data');
}

const now = (name: string): Row[] =>
  validateDataRoot(rootOf(name)).report.problems.map((p) => [p.severity, p.code, p.file, p.line ?? null, p.column ?? null, p.value ?? null, p.message, p.hint]);

const key = (r: Row) => JSON.stringify(r);

describe('the validator reports what it reported before the redesign', () => {
  it('covers every fixture data root that existed then', () => {
    const onDisk = ['valid', 'invalid'].flatMap((k) => readdirSync(join(REPO, 'test/fixtures', k)).filter((c) => existsSync(join(REPO, 'test/fixtures', k, c, 'data'))).map((c) => `${k}/${c}`));
    const sites = readdirSync(join(REPO, 'test/fixtures/site')).filter((c) => statSync(join(REPO, 'test/fixtures/site', c)).isDirectory()).map((c) => `site/${c}`);
    const missing = Object.keys(before).filter((c) => !SYNTH[c] && c !== 'data' && !onDisk.includes(c) && !sites.includes(c));
    expect(missing, 'cases removed since').toEqual([]);
  });

  it.each(Object.keys(before))('%s', (name) => {
    const was = new Map<string, number>();
    for (const r of before[name]!) was.set(key(r), (was.get(key(r)) ?? 0) + 1);
    const added: Row[] = [];
    for (const r of now(name)) {
      const n = was.get(key(r));
      if (n) was.set(key(r), n - 1);
      else added.push(r);
    }
    const removed = [...was].flatMap(([k, n]) => Array.from({ length: n }, () => JSON.parse(k) as Row));
    // Rewordings: a removed problem of a code whose messages may change pairs with an added one at the same place.
    const reworded = new Set(intended.flatMap((i) => (i.case === name && i.change === 'message' ? [i.code] : [])));
    const place = (r: Row) => JSON.stringify(r.slice(0, 6));
    const offered = new Map<string, number>();
    for (const r of added) if (reworded.has(r[1])) offered.set(place(r), (offered.get(place(r)) ?? 0) + 1);
    const paired = new Map<string, number>();
    const removedLeft = removed.filter((r) => {
      const n = reworded.has(r[1]) ? (offered.get(place(r)) ?? 0) : 0;
      if (n === 0) return true;
      offered.set(place(r), n - 1);
      paired.set(place(r), (paired.get(place(r)) ?? 0) + 1);
      return false;
    });
    const addedLeft = added.filter((r) => {
      const n = paired.get(place(r)) ?? 0;
      if (!reworded.has(r[1]) || n === 0) return true;
      paired.set(place(r), n - 1);
      return false;
    });
    const allowed = (change: 'added' | 'removed') => (r: Row) => !intended.some((i) => i.case === name && i.change === change && 'problem' in i && key(i.problem) === key(r));
    expect(addedLeft.filter(allowed('added')), 'reported now, not before').toEqual([]);
    expect(removedLeft.filter(allowed('removed')), 'reported before, not now').toEqual([]);
  });
});
