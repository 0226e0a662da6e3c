/**
 * Cases on disk: every folder under test/fixtures/valid and test/fixtures/invalid is a data root
 * (`<case>/data/`) and what validating it must report (`<case>/expected.json`).
 *
 * valid/<case>/expected.json    {"errors": 0, "warnings": [{code, file, line?, column?}…]}
 * invalid/<case>/expected.json  {"problems": [{severity, code, file, line?, column?}…],
 *                                "keepNotLocked"?: true, "limits"?: {…LIMITS overrides}}
 *
 * Problems are compared as a multiset of (severity, code, file, line, column), order-insensitive.
 * `not-locked` warnings are dropped on both sides unless the case sets "keepNotLocked".
 *
 * Every case is validated on TODAY, the day the command-line tests' clock reads (scripts/cli.ts,
 * captureEffects). A case with "base": "<file>" is validated as `--base` would: the file, beside
 * `data/`, is published.lock as it was at the base revision.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/problems/catalogue.ts';
import { LIMITS } from '../../src/read/load.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { ReportSchema, type Problem, type Report } from '../../src/schema/problem.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface Expected {
  severity?: 'error' | 'warning';
  code: string;
  file: string;
  line?: number;
  column?: string;
}
interface ValidCase { errors: 0; warnings: Expected[] }
interface InvalidCase { problems: Expected[]; keepNotLocked?: boolean; limits?: Partial<typeof LIMITS>; base?: string }

/** The day of validation of every case. */
const TODAY = '2026-12-01';

/** Invalid cases about a scenario rather than one code (their names need not start with a code). */
const SCENARIOS = new Set(['two-broken-files-one-gbk']);

/**
 * Codes whose cases are too big to commit (gigabytes of data, a million rows): they are
 * generated at test time by test/unit/corpus.test.ts, which checks that its generated cases cover
 * every code that no case on disk expects.
 */
const GENERATED_CASE_CODES = ['data-root-too-large', 'too-many-rows'] as const;
const generated = new Set<string>(GENERATED_CASE_CODES);

const casesOf = (kind: 'valid' | 'invalid') =>
  readdirSync(join(FIXTURES, kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

const readExpected = <T>(kind: string, name: string): T =>
  JSON.parse(readFileSync(join(FIXTURES, kind, name, 'expected.json'), 'utf8')) as T;

const tuple = (p: Expected | Problem, severity = p.severity) =>
  JSON.stringify([severity, p.code, p.file, p.line ?? null, p.column ?? null]);
const tuples = (ps: readonly (Expected | Problem)[], severity?: 'error' | 'warning') =>
  ps.map((p) => tuple(p, severity ?? p.severity)).sort();

function validate(kind: string, name: string, limits: Partial<typeof LIMITS> = {}, baseLock?: string): Report {
  const root = join(FIXTURES, kind, name, 'data');
  const saved = { ...LIMITS };
  Object.assign(LIMITS, limits);
  const base = baseLock === undefined ? undefined : { revision: 'origin/main', text: readFileSync(join(FIXTURES, kind, name, baseLock), 'utf8'), path: 'data/published.lock' };
  try {
    return validateDataRoot(root, { today: TODAY, base }).report;
  } finally {
    Object.assign(LIMITS, saved);
  }
}

/** Every problem speaks to a publisher: a Chinese message and a Chinese hint. */
function expectWellWorded(report: Report) {
  expect(ReportSchema.safeParse(report).success).toBe(true);
  for (const p of report.problems) {
    expect(p.message.trim(), `${p.code} message`).not.toBe('');
    expect(p.hint.trim(), `${p.code} hint`).not.toBe('');
    expect(p.message, `${p.code} message is Chinese`).toMatch(/[\u4e00-\u9fff]/);
    expect(p.hint, `${p.code} hint is Chinese`).toMatch(/[\u4e00-\u9fff]/);
    expect(p.message, `${p.code} message has no unfilled parameter`).not.toMatch(/undefined|NaN|\[object/);
    expect(p.hint, `${p.code} hint has no unfilled parameter`).not.toMatch(/undefined|NaN|\[object/);
    expect(p.file, 'file is relative with / separators').not.toMatch(/^\/|\\/);
  }
  expect(report.errors).toBe(report.problems.filter((p) => p.severity === 'error').length);
  expect(report.warnings).toBe(report.problems.filter((p) => p.severity === 'warning').length);
}

describe('valid data roots', () => {
  for (const name of casesOf('valid')) {
    it(name, () => {
      const expected = readExpected<ValidCase>('valid', name);
      expect(existsSync(join(FIXTURES, 'valid', name, 'data'))).toBe(true);
      const report = validate('valid', name);
      expectWellWorded(report);
      expect(tuples(report.problems.filter((p) => p.severity === 'error'))).toEqual([]);
      expect(report.errors).toBe(expected.errors);
      const warnings = report.problems.filter((p) => p.severity === 'warning' && p.code !== 'not-locked');
      expect(tuples(warnings)).toEqual(tuples(expected.warnings, 'warning'));
    });
  }
});

describe('invalid data roots', () => {
  const codes = new Set(Object.keys(CATALOGUE));
  for (const name of casesOf('invalid')) {
    it(name, () => {
      const expected = readExpected<InvalidCase>('invalid', name);
      expect(expected.problems.length, 'a case expects at least one problem').toBeGreaterThan(0);
      for (const p of expected.problems) {
        expect(codes.has(p.code), `${p.code} is in the catalogue`).toBe(true);
        expect(p.severity, `${p.code} has the catalogue's severity`).toBe(CATALOGUE[p.code as keyof typeof CATALOGUE].severity);
      }
      if (!SCENARIOS.has(name)) {
        expect(expected.problems.some((p) => name === p.code || name.startsWith(`${p.code}-`)), 'case is named after a code it expects').toBe(true);
      }
      const report = validate('invalid', name, expected.limits, expected.base);
      expectWellWorded(report);
      const keep = (p: Expected | Problem) => expected.keepNotLocked === true || p.code !== 'not-locked';
      expect(tuples(report.problems.filter(keep))).toEqual(tuples(expected.problems.filter(keep)));
      if (expected.problems.some((p) => p.severity === 'error')) expect(report.errors).toBeGreaterThan(0);
      else expect(report.warnings).toBeGreaterThan(0);
    });
  }
});

describe('the cases cover the catalogue', () => {
  it('every problem code is expected by at least one invalid case', () => {
    const covered = new Set(casesOf('invalid').flatMap((name) => readExpected<InvalidCase>('invalid', name).problems.map((p) => p.code)));
    const missing = Object.keys(CATALOGUE).filter((code) => !covered.has(code) && !generated.has(code));
    expect(missing).toEqual([]);
  });

  it('every code has a case named after it', () => {
    const names = casesOf('invalid');
    const missing = Object.keys(CATALOGUE).filter((code) => !generated.has(code) && !names.some((n) => n === code || n.startsWith(`${code}-`)));
    expect(missing).toEqual([]);
  });

  it('the acceptance case reports both files, one of them GBK, in one run', () => {
    const report = validate('invalid', 'two-broken-files-one-gbk');
    const files = new Set(report.problems.filter((p) => p.severity === 'error' && p.code !== 'encoding-gbk').map((p) => p.file));
    expect(files.size).toBe(2);
    expect(report.problems.some((p) => p.code === 'encoding-gbk')).toBe(true);
    // The GBK file's cell is read correctly: the value is the Chinese text as written.
    expect(report.problems.find((p) => p.code === 'number-with-unit')?.value).toBe('8万吨');
  });
});

describe('what the valid cases read', () => {
  const read = (name: string) => validateDataRoot(join(FIXTURES, 'valid', name, 'data'));
  const rowsOf = (name: string, id: string): Record<string, unknown>[] =>
    read(name).announcements.find((a) => a.id === id)?.rows.map((r) => ({ line: r.line, ...r.data, ...r.extra })) ?? [];

  it('chinese-headers: aliases, full-width digits and letters are folded', () => {
    const rows = rowsOf('chinese-headers', '2025-421202-plan');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]).toMatchObject({
      line_id: 'XA-001', credit_code: '91421202123456788H', region_code: '421202', industry: 'calcium-carbide',
      capacity: 3, deadline: '2025-12', status: 'planned', note: '原文',
    });
    expect(rows[1]).toMatchObject({ credit_code: '91421202123456788H', industry: 'cement', capacity: 8.5, status: 'planned' });
    expect(rows[2]).toMatchObject({ industry: 'cement', status: 'shutdown' });
  });

  it('multiline-cells: quoted line breaks are kept in the cell, rows keep their first physical line', () => {
    const rows = rowsOf('multiline-cells', '2025-421202-plan');
    expect(rows.map((r) => r.line)).toEqual([2, 4, 7]);
    expect(rows[0]).toMatchObject({ equipment: '12500kVA电石炉\n（2台，"内燃式"）' });
    expect(rows[2]).toMatchObject({ enterprise_name: '咸宁市\n\n第三电石厂' });
  });

  it('yaml-scalars: numeric and unquoted codes and dates are read as the contract means them', () => {
    const byId = new Map(read('yaml-scalars').announcements.map((a) => [a.id, a.meta]));
    expect(byId.get('2025-421202-plan')).toMatchObject({ region: '421202', published: '2025-04-28', year: 2025 });
    expect(byId.get('2025-000000-plan')).toMatchObject({ region: '000000' });
    expect(byId.get('2025-000000-target')).toMatchObject({ region: '000000', published: '2025-02-01' });
  });

  it('utf8-bom: the BOM is not part of the first header or the title', () => {
    const a = read('utf8-bom').announcements[0]!;
    expect(a.columns[0]).toBe('line_id');
    expect(a.meta.title).toBe('咸安区2025年淘汰落后产能计划名单');
  });

  it('correction: the corrected announcement is no longer in force', () => {
    expect([...read('correction').superseded]).toEqual(['2025-421202-plan']);
  });

  it('industries-csv: a new industry and a new alias of a built-in one', () => {
    const r = read('industries-csv');
    expect(r.taxonomy.lookup('卫生陶瓷')?.id).toBe('ceramics');
    expect(r.taxonomy.get('ceramics')?.units).toEqual(['万平方米', '万件']);
    expect(r.taxonomy.lookup('水泥粉磨站')?.id).toBe('cement');
    expect(rowsOf('industries-csv', '2025-421202-plan').map((x) => x.industry)).toEqual(['ceramics', 'ceramics', 'cement']);
  });

  it('regions-csv: a historical code inside a historical parent', () => {
    const r = read('regions-csv');
    expect(r.regions.get('341402')).toMatchObject({ name: '居巢区', parent: '341400', valid_to: '2011-08-21' });
    expect(r.regions.contains('340000', '341402')).toBe(true);
  });

  it('assessment: 否 vetoes a total of 85 to 不合格', () => {
    const veto = rowsOf('assessment', '2025-420000-assessment').find((x) => x.region_code === '420200');
    expect(veto).toMatchObject({ target_completed: false, total: 85, grade: 'fail' });
  });

  it('completion-under-parent-plan: document numbers are normalised to 〔〕', () => {
    const byId = new Map(read('completion-under-parent-plan').announcements.map((a) => [a.id, a.meta]));
    expect(byId.get('2025-421200-plan')?.doc_number).toBe('咸经信发〔2025〕12号');
    expect(byId.get('2025-421202-completion')?.doc_number).toBe('咸安经信〔2025〕30号');
  });

  it('correction-lowers-status: only the correction is in force', () => {
    expect([...read('correction-lowers-status').superseded]).toEqual(['2025-421202-completion']);
  });

  it('comment-period: the comment window and the channel for objections are read', () => {
    expect(read('comment-period').announcements[0]!.meta.comment_period).toEqual({ from: '2025-04-28', to: '2025-05-07', channel: '公示期内如有异议，请致电 0715-8123456，或来信寄咸安区经济和信息化局' });
  });

  it('line-identity-corrected: a correction may change what a line_id names, and later announcements follow it', () => {
    expect([...read('line-identity-corrected').superseded]).toEqual(['2024-421202-plan']);
  });

  it('locked: the lock records what the published rows resolve to', () => {
    const refs = read('locked').references;
    expect(refs?.industries['电石']).toBe('calcium-carbide');
    expect(refs?.regions['421202']).toEqual({ name: '咸安区', parent: '421200' });
  });

  it('extra-columns: x_ columns are kept as written', () => {
    const a = read('extra-columns').announcements[0]!;
    expect(a.extraColumns).toEqual(['x_原序号', 'x_source', 'X_空列']);
    expect(a.rows[0]!.extra).toEqual({ x_原序号: '3', x_source: '原表第3行' });
  });
});
