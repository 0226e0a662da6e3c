/**
 * `npm run validate` as a publisher and CI run it: scripts/validate.ts's main, in process.
 * Exit status: 0 clean or warnings only, 1 errors, 2 the command itself could not run.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schema/problem.ts';
import { runScript } from '../support/scripts.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (kind: 'valid' | 'invalid', name: string) => join(REPO, 'test', 'fixtures', kind, name, 'data');

const validate = (args: string[], env: Record<string, string | undefined> = {}) => runScript('validate', args, { env });
const json = (stdout: string) => ReportSchema.parse(JSON.parse(stdout));

describe('scripts/validate.ts', () => {
  it('a valid data root: exit 0 and a report that matches the schema', async () => {
    const r = await validate(['--data', fixture('valid', 'minimal-plan'), '--format', 'json']);
    expect(r.stderr).not.toMatch(/Error|at .+:\d+:\d+/);
    expect(r.status).toBe(0);
    const report = json(r.stdout);
    expect(report.errors).toBe(0);
    // No lock file: the announcement is new, which is only a reminder.
    expect(report.problems.map((p) => p.code)).toEqual(['not-locked']);
  });

  it('warnings only: exit 0', async () => {
    const r = await validate(['--data', fixture('invalid', 'not-in-plan'), '--format', 'json']);
    expect(r.status).toBe(0);
    const report = json(r.stdout);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBeGreaterThan(0);
  });

  it('errors: exit 1, every file in one report, as the contract\'s JSON', async () => {
    const r = await validate(['--data', fixture('invalid', 'two-broken-files-one-gbk'), '--format', 'json']);
    expect(r.status).toBe(1);
    const report = json(r.stdout);
    const expected = (JSON.parse(readFileSync(join(fixture('invalid', 'two-broken-files-one-gbk'), '..', 'expected.json'), 'utf8')) as { problems: { code: string; file: string; line?: number }[] }).problems;
    const got = report.problems.filter((p) => p.code !== 'not-locked');
    expect(got.map((p) => [p.code, p.file, p.line ?? null]).sort()).toEqual(expected.map((p) => [p.code, p.file, p.line ?? null]).sort());
    for (const p of report.problems) {
      expect(Object.keys(p).slice(0, 3)).toEqual(['severity', 'code', 'file']);
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.hint).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(report.errors).toBe(report.problems.filter((p) => p.severity === 'error').length);
    expect(report.warnings).toBe(report.problems.filter((p) => p.severity === 'warning').length);
  });

  it('--format github prints workflow commands with file and line', async () => {
    const dir = fixture('invalid', 'two-broken-files-one-gbk');
    const r = await validate(['--data', dir, '--format', 'github']);
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split('\n');
    const prefix = relative(REPO, dir).split('\\').join('/');
    expect(out.some((l) => l.startsWith(`::error file=${prefix}/announcements/2025/2025-421221-plan.csv,line=2,title=bad-date (deadline)::`))).toBe(true);
    expect(out.some((l) => l.startsWith(`::error file=${prefix}/announcements/2025/2025-421202-plan.csv,line=2,`))).toBe(true);
    expect(out.some((l) => l.startsWith(`::error file=${prefix}/announcements/2025/2025-421202-plan.csv,title=encoding-gbk::`))).toBe(true);
    expect(out.some((l) => l.startsWith('::warning file='))).toBe(true);
    for (const l of out) expect(l).toMatch(/^::(error|warning) file=[^,:]+(,line=\d+)?,title=[^:]+::\S/);
  });

  it('the default text format is a Chinese report with a summary', async () => {
    const r = await validate(['--data', fixture('invalid', 'bad-date-slashes')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('错误 [bad-date] 第 2 行 shutdown_date 列');
    expect(r.stdout).toMatch(/1 个错误/);
  });

  it('a data root that does not exist: exit 2, one sentence, no stack trace', async () => {
    const r = await validate(['--data', join(REPO, 'test', 'fixtures', 'no-such-dir'), '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('数据目录不存在');
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  it('an unknown option is an error, not ignored: exit 2, naming it', async () => {
    const r = await validate(['--data', fixture('valid', 'minimal-plan'), '--formt', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('不认识的选项 --formt');
  });

  it('an unknown format: exit 2', async () => {
    const r = await validate(['--data', fixture('valid', 'minimal-plan'), '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('xml');
  });

  it('PHASEOUT_DATA_DIR names the data root when --data is not given', async () => {
    const r = await validate(['--format', 'json'], { PHASEOUT_DATA_DIR: fixture('invalid', 'bad-enum') });
    expect(r.status).toBe(1);
    expect(json(r.stdout).problems.map((p) => p.code)).toContain('bad-enum');
    const clean = await validate(['--format', 'json'], { PHASEOUT_DATA_DIR: fixture('valid', 'minimal-plan') });
    expect(clean.status).toBe(0);
  });

  it('--data wins over PHASEOUT_DATA_DIR; --data=DIR works too', async () => {
    const r = await validate(['--data', fixture('valid', 'minimal-plan'), '--format', 'json'], { PHASEOUT_DATA_DIR: fixture('invalid', 'bad-enum') });
    expect(r.status).toBe(0);
    const eq = await validate([`--data=${fixture('invalid', 'bad-enum')}`, '--format=json']);
    expect(eq.status).toBe(1);
    expect(json(eq.stdout).errors).toBe(1);
  });

  it('a PHASEOUT_DATA_DIR that does not exist: exit 2', async () => {
    const r = await validate(['--format', 'json'], { PHASEOUT_DATA_DIR: join(REPO, 'test', 'fixtures', 'no-such-dir') });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
