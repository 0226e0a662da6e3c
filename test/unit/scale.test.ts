/**
 * Legal data never breaks the validator (issue 15, §2): national-scale inputs full of warnings are
 * reported, not crashed on (more than about 125,000 problems used to overflow the stack through
 * `push(...problems)`), and every step grows about linearly with its input: reading the tables,
 * the front matter, the text report. Growth is measured inside each test as a ratio of two
 * sizes (test/support/growth.ts), never against a fixed time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson, formatText } from '../../src/output/report.ts';
import { MAX_FRONT_MATTER, parseFrontMatter } from '../../src/read/frontmatter.ts';
import { ReportSchema, type Problem, type Report } from '../../src/schema/problem.ts';
import { MAX_ROWS } from '../../src/validate/table.ts';
import { validateRaw } from '../../src/validate/validate.ts';
import { FACTOR, growth, LINEAR_AT_MOST } from '../support/growth.ts';
import { runScript } from '../support/scripts.ts';
import { announcementMd, COMPLETION_HEADER, PLAN_HEADER, rawRoot } from '../../tools/scale-roots.ts';

const scratch = mkdtempSync(join(tmpdir(), 'phaseout-scale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const count = (r: Report, code: string) => r.problems.reduce((n, p) => n + (p.code === code ? 1 : 0), 0);

describe('large legal inputs are reported, not crashed on', () => {
  it('130 files × 1,000 rows of not-in-plan, through the command: 130,000 warnings, exit 0, the JSON report', async () => {
    const root = join(scratch, 'not-in-plan');
    mkdirSync(join(root, 'announcements', '2025'), { recursive: true });
    for (let f = 0; f < 130; f++) {
      const id = `2025-421202-completion-${f + 1}`;
      const rows = Array.from({ length: 1000 }, (_, i) => `L${f}-${i},企业${i},421202,电石,电石炉,1,万吨,shutdown,2025-06-01`);
      writeFileSync(join(root, 'announcements', '2025', `${id}.md`), announcementMd('completion'));
      writeFileSync(join(root, 'announcements', '2025', `${id}.csv`), `${COMPLETION_HEADER}\n${rows.join('\n')}\n`);
    }
    const r = await runScript('validate', ['--data', root, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.errors).toBe(0);
    expect(count(report, 'not-in-plan')).toBe(130_000);
    const text = await runScript('validate', ['--data', root]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('0 个错误，130130 个提示');
  }, 120_000);

  it(`a table at the ${MAX_ROWS.toLocaleString('en')}-row limit, every row with a warning`, () => {
    // Older lists name only the enterprise: a blank equipment is a warning (missing-equipment).
    const raw = rawRoot(1, MAX_ROWS, 'plan', PLAN_HEADER, (_, i) => `L${i},企业${i},421202,电石,,1,万吨,2025-12,planned`);
    const { report, announcements } = validateRaw(raw);
    expect(report.errors).toBe(0);
    expect(count(report, 'missing-equipment')).toBe(MAX_ROWS);
    expect(announcements[0]!.rows.length).toBe(MAX_ROWS);
    const text = formatText(report, { dataDir: 'data' });
    expect(text.split('\n').length).toBeGreaterThan(2 * MAX_ROWS);
    expect(JSON.parse(formatJson(report)).warnings).toBe(MAX_ROWS + 1);
  }, 120_000);

  it('a header of 100,000 columns: every unknown column reported, in time linear in the columns', () => {
    const header = (n: number) => `${PLAN_HEADER},${Array.from({ length: n }, (_, i) => `列${i}`).join(',')}`;
    const root = (n: number) => rawRoot(1, 3, 'plan', header(n), (_, i) => `L${i},企业${i},421202,电石,电石炉,1,万吨,2025-12,planned`);
    const { report } = validateRaw(root(100_000));
    expect(count(report, 'unknown-column')).toBe(100_000);
    expect(count(report, 'row-length')).toBe(3);
    const small = root(100_000 / FACTOR);
    const large = root(100_000);
    expect(growth(() => validateRaw(small), () => validateRaw(large), 3)).toBeLessThan(LINEAR_AT_MOST);
  }, 120_000);
});

describe('every step grows about linearly', () => {
  it('validation of tables full of warnings', () => {
    const root = (rows: number) => rawRoot(4, rows, 'completion', COMPLETION_HEADER, (f, i) => `L${f}-${i},企业${i},421202,电石,,1,万吨,dismantled,`);
    const small = root(2_500);
    const large = root(2_500 * FACTOR);
    const { report } = validateRaw(large);
    expect(count(report, 'missing-date')).toBe(4 * 2_500 * FACTOR);
    expect(growth(() => validateRaw(small), () => validateRaw(large), 3)).toBeLessThan(LINEAR_AT_MOST);
  }, 120_000);

  it('the text report (100,000 warnings used to take over 100 s)', () => {
    const problems = (n: number): Report => {
      const ps: Problem[] = [];
      for (let i = 0; i < n; i++) ps.push({ severity: 'warning', code: 'not-in-plan', file: `announcements/2025/f${i % 50}.csv`, line: i + 2, column: 'line_id', value: `L${i}`, message: `清单编号 “L${i}” 不在本地区的任何计划淘汰名单中`, hint: '请核对清单编号是否与计划名单一致。' });
      return { errors: 0, warnings: n, problems: ps };
    };
    const small = problems(12_500);
    const large = problems(12_500 * FACTOR);
    expect(formatText(large, { dataDir: 'data' })).toContain('0 个错误，100000 个提示');
    expect(growth(() => formatText(small, { dataDir: 'data' }), () => formatText(large, { dataDir: 'data' }), 3)).toBeLessThan(LINEAR_AT_MOST);
  });

  // Front matter up to its 64 KB limit: one long line (the trailing-space trim used to retry from
  // every space: a 1 MB line took over 5 minutes), many keys (the yaml library compares each key
  // with every earlier one unless told not to), long flow collections, deep ones.
  const frontMatter: Record<string, (n: number) => string> = {
    'a long line with spaces inside': (n) => `title: a${' '.repeat(n)}b\u00e9\n`,
    'a long quoted line': (n) => `title: "${'咸安区 '.repeat(n / 4)}"\n`,
    'many keys': (n) => `${Array.from({ length: Math.floor(n / 16) }, (_, i) => `key${i}: value`).join('\n')}\n`,
    'a flow mapping of many keys': (n) => `contact: { ${Array.from({ length: Math.floor(n / 10) }, (_, i) => `k${i}: v`).join(', ')} }\n`,
    'a long list': (n) => `sources:\n${'  - { title: 标题, url: "https://a.cn/" }\n'.repeat(Math.floor(n / 42))}`,
    'nested flow sequences, 60 deep, repeated': (n) => `sources: [${`${'['.repeat(60)}a${']'.repeat(60)}, `.repeat(Math.floor(n / 125))}]\n`,
  };
  it.each(Object.entries(frontMatter))('front matter: %s', (_, make) => {
    const n = MAX_FRONT_MATTER - 200;
    const small = `---\n${make(n / FACTOR)}---\n正文。\n`;
    const large = `---\n${make(n)}---\n正文。\n`;
    expect(large.length).toBeGreaterThan(MAX_FRONT_MATTER * 0.75);
    expect(large.length).toBeLessThan(MAX_FRONT_MATTER);
    expect(parseFrontMatter(large)).not.toMatchObject({ detail: expect.stringContaining('超过') });
    expect(growth(() => parseFrontMatter(small), () => parseFrontMatter(large), 3)).toBeLessThan(LINEAR_AT_MOST);
  }, 60_000);

  it('front matter past its limit (a 1 MB line) is refused at once', () => {
    const r = parseFrontMatter(`---\ntitle: a${' '.repeat(1024 * 1024 - 100)}b\u00e9\n---\n正文。\n`);
    expect(r).toMatchObject({ ok: false, reason: 'syntax', line: 2 });
    expect((r as { detail: string }).detail).toContain('前置信息超过 64 KB');
  });

  it('front matter: repeated keys are still found, in one pass', () => {
    const r = parseFrontMatter(`---\n${Array.from({ length: 2_000 }, (_, i) => `contact: { name: 张${i} }`).join('\n')}\n---\n`);
    expect(r).toMatchObject({ ok: false, reason: 'syntax', line: 3, detail: '字段 contact 出现了两次（第 2 行和第 3 行）；每个字段只能写一次，请删去多余的一行' });
  });
});
