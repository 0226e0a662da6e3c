/**
 * The synthetic data generator (tools/synth.ts, `npm run synth`): deterministic, valid under
 * the data contract, about the size asked for, and clearly synthetic.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../src/text/credit-code.ts';
import { shortName, synthAnnouncements, writeSynth, type SynthStats } from '../../tools/synth.ts';
import { validateDataRoot, type ValidatedRecord } from '../../src/validate/validate.ts';
import type { LineRow } from '../../src/schema/line.ts';
import type { TargetRow } from '../../src/schema/target.ts';

const tmp = mkdtempSync(join(tmpdir(), 'phaseout-synth-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** sha256 of every file under `dir`, by relative path. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, createHash('sha256').update(readFileSync(join(dir, r))).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** One digest over everything the generator yields, without touching the disk. */
function digest(lines: number, seed: number): string {
  const h = createHash('sha256');
  for (const a of synthAnnouncements({ lines, seed })) h.update(a.mdPath).update(a.md).update(a.csvPath).update(a.csv);
  return h.digest('hex');
}

describe('synth: determinism', () => {
  it('same lines and seed → byte-identical files, lock included', () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    const sa = writeSynth(a, { lines: 300, seed: 42, lock: true });
    const sb = writeSynth(b, { lines: 300, seed: 42, lock: true });
    expect(sb).toEqual(sa);
    const ha = hashes(a);
    expect(ha.size).toBe(sa.files);
    expect(ha.has('published.lock')).toBe(true);
    expect(hashes(b)).toEqual(ha);
  });

  it('same seed → same output; another seed → different output', () => {
    const d42 = digest(2000, 42);
    expect(digest(2000, 42)).toBe(d42);
    expect(digest(2000, 43)).not.toBe(d42);
    expect(digest(2001, 42)).not.toBe(d42);
  });

  it('refuses a non-empty output directory', () => {
    expect(() => writeSynth(join(tmp, 'a'), { lines: 10, seed: 1 })).toThrow(/不是空的/);
  });
});

describe('synth: a data root of about 2,000 lines', () => {
  const N = 2000;
  let stats: SynthStats;
  let record: ValidatedRecord;
  const lineRows = () =>
    record.announcements.flatMap((a) => (a.kind === 'plan' || a.kind === 'completion' ? a.rows.map((r) => ({ a, row: r.data as LineRow })) : []));

  beforeAll(() => {
    const dir = join(tmp, 'n2000');
    stats = writeSynth(dir, { lines: N, seed: 7, lock: true });
    record = validateDataRoot(dir);
  }, 120_000); // writing ~3,700 small files is slow on a busy disk

  it('validates with 0 errors; the only warnings are missing dates (the lock covers every announcement)', () => {
    const { report } = record;
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.slice(0, 5)).toEqual([]);
    expect(report.errors).toBe(0);
    expect(new Set(report.problems.map((p) => p.code))).toEqual(new Set(['missing-date']));
    expect(record.announcements.length).toBe(stats.announcements);
  });

  it('counts are near N: every physical line once, ~0.6 enterprises per line, all 31 provinces', () => {
    const ids = new Set(lineRows().map(({ row }) => `${row.region_code.slice(0, 2)}:${row.line_id}`));
    expect(stats.lines).toBe(N);
    expect(ids.size).toBe(N);
    const enterprises = new Set(lineRows().map(({ row }) => row.enterprise_name));
    expect(enterprises.size).toBe(stats.enterprises);
    expect(stats.enterprises).toBeGreaterThan(N * 0.5);
    expect(stats.enterprises).toBeLessThan(N * 0.75);
    expect(stats.provinces).toBe(31);
    const counties = new Set(lineRows().map(({ row }) => row.region_code));
    expect(counties.size).toBe(stats.counties);
    for (const c of counties) expect(record.regions.get(c)?.level).toBe('county');
  });

  it('every industry used has its own unit (its first), and ~20 industries are used', () => {
    const used = new Set<string>();
    for (const { row } of lineRows()) {
      used.add(row.industry);
      expect(row.capacity_unit).toBe(record.taxonomy.get(row.industry)!.units[0]);
    }
    for (const a of record.announcements) {
      if (a.kind !== 'target') continue;
      for (const { data } of a.rows as { data: TargetRow }[]) {
        if (data.capacity === undefined) expect(data.count).toBeGreaterThan(0); // 煤炭: 处 only
        else expect(data.capacity_unit).toBe(record.taxonomy.get(data.industry)!.units[0]);
      }
    }
    expect(used.size).toBeGreaterThanOrEqual(18);
  });

  it('names are clearly synthetic; ~70% of enterprises have a valid credit code', () => {
    const byName = new Map<string, string | undefined>();
    for (const { row } of lineRows()) {
      expect(row.enterprise_name).toMatch(/合成|示例/);
      byName.set(row.enterprise_name, row.credit_code);
    }
    const codes = [...byName.values()].filter((c): c is string => c !== undefined);
    for (const c of codes) expect(checkCreditCode(c)).toMatchObject({ ok: true, orgDigitOk: true });
    expect(new Set(codes).size).toBe(codes.length);
    const share = codes.length / byName.size;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    for (const a of record.announcements) expect(a.meta.example).toBe(true);
  });

  it('has the shape of the programme: spring plans, December completions, carry-overs, corrections, targets', () => {
    const kinds = new Map<string, number>();
    for (const a of record.announcements) {
      kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
      const month = Number(a.meta.published.slice(5, 7));
      if (a.kind === 'plan' && !a.meta.supersedes) expect([3, 4]).toContain(month);
      if (a.kind === 'completion' && !a.meta.supersedes) expect(month).toBe(12);
      if ((a.kind === 'plan' || a.kind === 'completion') && !a.meta.supersedes) expect(a.meta.year).toBe(Number(a.meta.published.slice(0, 4)));
    }
    expect(kinds.get('plan')).toBeGreaterThan(0);
    expect(kinds.get('completion')).toBe(kinds.get('plan')! - record.announcements.filter((a) => a.kind === 'plan' && a.meta.supersedes).length + record.announcements.filter((a) => a.kind === 'completion' && a.meta.supersedes).length);
    expect(kinds.get('target')).toBeGreaterThan(31);
    expect(stats.corrections).toBeGreaterThan(0);
    expect(record.superseded.size).toBe(stats.corrections);
    // Lines carried into later years' plans keep their id.
    const yearsOf = new Map<string, Set<number>>();
    for (const { a, row } of lineRows()) {
      if (a.kind !== 'plan') continue;
      const s = yearsOf.get(row.line_id) ?? new Set<number>();
      s.add(a.meta.year);
      yearsOf.set(row.line_id, s);
    }
    const carried = [...yearsOf.values()].filter((s) => s.size > 1).length;
    expect(carried).toBeGreaterThan(N * 0.05);
    const statuses = new Set(lineRows().filter(({ a }) => a.kind === 'completion').map(({ row }) => row.status));
    expect(statuses).toEqual(new Set(['accepted', 'dismantled', 'sealed', 'shutdown', 'incomplete']));
  });
});

describe('synth: helpers', () => {
  it('short place names', () => {
    expect(shortName('楚雄彝族自治州')).toBe('楚雄');
    expect(shortName('唐山市')).toBe('唐山');
    expect(shortName('恩施土家族苗族自治州')).toBe('恩施');
    expect(shortName('涉县')).toBe('涉县');
    expect(shortName('广西壮族自治区')).toBe('广西');
  });
});
