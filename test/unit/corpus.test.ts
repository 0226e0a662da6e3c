/**
 * The corpus of broken data roots, through the command publishers and CI run. Every
 * test/fixtures/invalid/<case>/data, and a few roots generated here at test time (too big to
 * commit, or symlinks that git would not keep), go through
 * `scripts/validate.ts --data <dir> --format json`, its main run in process. Whatever the
 * bytes, the command must end with a report, never a crash: exit 1 (0 only for the warning-only
 * cases listed below), stdout the contract's JSON, nothing at all on stderr (no stack trace), and
 * the problems the case's expected.json names.
 *
 * test/unit/fixtures.test.ts checks the same cases in-process, problem for problem; this file
 * checks what a publisher sees from the command line.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/problems/catalogue.ts';
import { LIMITS } from '../../src/read/load.ts';
import { MAX_ROWS } from '../../src/validate/table.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { ReportSchema, type Report } from '../../src/schema/problem.ts';
import { runScript } from '../support/scripts.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const INVALID = join(REPO, 'test', 'fixtures', 'invalid');
const VALID = join(REPO, 'test', 'fixtures', 'valid');

interface Expected {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  line?: number;
  column?: string;
}
interface InvalidCase { problems: Expected[]; limits?: Partial<typeof LIMITS>; base?: string }

/** Cases on disk that report warnings only: the command exits 0 for them. */
const WARNING_ONLY = new Set([
  'credit-code-org-digit', 'deadline-before-published', 'missing-date', 'missing-equipment', 'not-in-plan', 'not-locked',
  'not-locked-id-constructor', 'not-locked-no-lock', 'silently-dropped', 'targets-exceed',
]);

/**
 * Cases on disk that lower LIMITS in-process (expected.json "limits"): the command runs with the
 * real limits, so it must still end cleanly, but their code is checked by the generated case named.
 */
const LOWERED_LIMITS: Record<string, string> = { 'file-too-large': 'file-too-large-sparse' };

const A = 'announcements/2025/2025-421202-plan';

/** A data root made at test time, and what the command must report for it. */
interface Generated {
  name: string;
  make: (root: string, scratch: string) => void;
  expected: Pick<Expected, 'code' | 'file' | 'line'>[];
}

/** One valid announcement to start from. */
const base = (root: string) => cpSync(join(VALID, 'minimal-plan', 'data'), root, { recursive: true });

/** A file of `size` bytes that takes no disk space: the limits look at sizes before reading. */
const sparse = (file: string, size: number) => {
  writeFileSync(file, '');
  truncateSync(file, size);
};

const GENERATED: Generated[] = [
  {
    // Symlinks that leave the data root, to a file and to a folder: git would not keep them.
    name: 'unexpected-file-symlinks',
    make: (root, scratch) => {
      base(root);
      mkdirSync(join(scratch, 'outside', '2026'), { recursive: true });
      cpSync(join(root, `${A}.md`), join(scratch, 'outside', '2026', '2026-421202-plan.md'));
      cpSync(join(root, `${A}.csv`), join(scratch, 'outside', '2026', '2026-421202-plan.csv'));
      writeFileSync(join(scratch, 'outside', 'regions.csv'), 'code,name,parent\n');
      symlinkSync('/etc/passwd', join(root, 'announcements', '2025', 'x.csv'));
      symlinkSync(join(scratch, 'outside', '2026'), join(root, 'announcements', '2026'), 'dir');
      symlinkSync('../outside/regions.csv', join(root, 'regions.csv'));
    },
    expected: [
      { code: 'unexpected-file', file: 'announcements/2025/x.csv' },
      { code: 'unexpected-file', file: 'announcements/2026' },
      { code: 'unexpected-file', file: 'regions.csv' },
    ],
  },
  {
    // A million rows (as a spreadsheet full to the bottom exports them), under the size limit.
    name: 'too-many-rows-million',
    make: (root) => {
      base(root);
      const csv = readFileSync(join(root, `${A}.csv`), 'utf8').trimEnd();
      const width = csv.split('\n')[0]!.split(',').length;
      const tail = ','.repeat(width - 1);
      const rows = Array.from({ length: 1_000_000 }, (_, i) => `${i + 2}${tail}`);
      writeFileSync(join(root, `${A}.csv`), `${csv}\n${rows.join('\n')}\n`);
    },
    expected: [{ code: 'too-many-rows', file: `${A}.csv` }],
  },
  {
    // A table over the size limit of the whole data root (2 GiB); sparse, so instant.
    name: 'data-root-too-large-sparse',
    make: (root) => {
      base(root);
      sparse(join(root, `${A}.csv`), LIMITS.rootBytes + 1);
    },
    expected: [{ code: 'data-root-too-large', file: '.' }],
  },
  {
    // Both files of an announcement over their own limits.
    name: 'file-too-large-sparse',
    make: (root) => {
      base(root);
      sparse(join(root, `${A}.md`), LIMITS.mdBytes + 1);
      sparse(join(root, `${A}.csv`), LIMITS.csvBytes + 1);
    },
    expected: [{ code: 'file-too-large', file: `${A}.md` }, { code: 'file-too-large', file: `${A}.csv` }],
  },
];

interface Run { status: number; stdout: string; stderr: string }

/** `npm run validate -- --data <dir> --format json [--base <revision>]`, in process. */
const runCli = (dataDir: string, base?: string): Promise<Run> => runScript('validate', ['--data', dataDir, '--format', 'json', ...(base ? ['--base', base] : [])]);

/**
 * A case with "base" (published.lock at the base revision, beside data/) as CI runs it: the data
 * root in a git repository whose commit holds the base lock, the case's own lock (or none) in
 * the working tree, and `--base HEAD`.
 */
function baseRepository(name: string, baseLock: string): string {
  const work = join(scratch, 'base', name);
  cpSync(join(INVALID, name, 'data'), join(work, 'data'), { recursive: true });
  const lock = join(work, 'data', 'published.lock');
  const current = existsSync(lock) ? readFileSync(lock) : undefined;
  writeFileSync(lock, readFileSync(join(INVALID, name, baseLock)));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', ...args], { cwd: work, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', '基准版本');
  if (current) writeFileSync(lock, current);
  else rmSync(lock);
  return join(work, 'data');
}

const onDisk = readdirSync(INVALID, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const expectedOf = (name: string) => JSON.parse(readFileSync(join(INVALID, name, 'expected.json'), 'utf8')) as InvalidCase;

const scratch = mkdtempSync(join(tmpdir(), 'phaseout-corpus-'));
const runs = new Map<string, Run>();

beforeAll(async () => {
  const dirs: [string, string][] = onDisk.map((name) => [name, join(INVALID, name, 'data')]);
  for (const g of GENERATED) {
    const root = join(scratch, g.name, 'data');
    mkdirSync(root, { recursive: true });
    g.make(root, join(scratch, g.name));
    dirs.push([g.name, root]);
  }
  for (const [name, dir] of dirs) {
    const base = onDisk.includes(name) ? expectedOf(name).base : undefined;
    runs.set(name, base ? await runCli(baseRepository(name, base), 'HEAD') : await runCli(dir));
  }
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The command ended as designed: exit 0/1 matching the report, the contract's JSON, a silent stderr. */
function report(name: string): Report {
  const r = runs.get(name);
  expect(r, `${name} was run`).toBeDefined();
  expect(r!.stderr, 'nothing on stderr: no stack trace, no warning').toBe('');
  expect([0, 1], `exit status (stdout starts ${r!.stdout.slice(0, 200)})`).toContain(r!.status);
  const parsed = ReportSchema.safeParse(JSON.parse(r!.stdout));
  expect(parsed.success, 'stdout is the contract\'s JSON report').toBe(true);
  const rep = parsed.data!;
  expect(r!.status, 'exit 1 exactly when there are errors').toBe(rep.errors > 0 ? 1 : 0);
  expect(rep.problems.length, 'a report names its problems').toBe(rep.errors + rep.warnings);
  return rep;
}

const key = (p: { severity?: string | undefined; code: string; file: string; line?: number | undefined; column?: string | undefined }) =>
  [p.severity ?? '', p.code, p.file, p.line ?? '', p.column ?? ''].join(' | ');

describe('every broken data root on disk: a report and exit 1, never a crash', () => {
  it('the corpus has at least 30 cases', () => {
    expect(onDisk.length + GENERATED.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of onDisk) {
    it(name, () => {
      const rep = report(name);
      const expected = expectedOf(name);
      if (expected.limits) {
        // Run with the real limits: no finding to check here, see LOWERED_LIMITS.
        expect(LOWERED_LIMITS[name], `${name} lowers LIMITS: name the generated case that covers it`).toBeDefined();
        return;
      }
      expect(runs.get(name)!.status, WARNING_ONLY.has(name) ? 'warnings only: exit 0' : 'errors: exit 1').toBe(WARNING_ONLY.has(name) ? 0 : 1);
      const got = rep.problems.map((p) => key(p));
      for (const p of expected.problems) expect(got, `${name} reports ${key(p)}`).toContain(key(p));
    });
  }

  it('the warning-only list is exactly the cases that expect no error', () => {
    const noErrors = onDisk.filter((n) => !expectedOf(n).limits && !expectedOf(n).problems.some((p) => p.severity === 'error'));
    expect(noErrors).toEqual([...WARNING_ONLY].sort());
  });
});

describe('generated broken data roots: a report and exit 1', () => {
  for (const g of GENERATED) {
    it(g.name, () => {
      const rep = report(g.name);
      expect(runs.get(g.name)!.status).toBe(1);
      const got = rep.problems.map((p) => key({ code: p.code, file: p.file, line: p.line }));
      for (const p of g.expected) expect(got, `${g.name} reports ${key(p)}`).toContain(key(p));
    });
  }

  it('the cases that lower LIMITS on disk are covered here with the real limits', () => {
    for (const [name, generated] of Object.entries(LOWERED_LIMITS)) {
      const codes = expectedOf(name).problems.map((p) => p.code);
      const covers = GENERATED.find((g) => g.name === generated)?.expected.map((p) => p.code) ?? [];
      for (const code of codes) expect(covers, `${generated} covers ${code} of ${name}`).toContain(code);
    }
  });

  it('every code that no case on disk expects is expected by a generated case', () => {
    // test/unit/fixtures.test.ts lets these codes go without a case on disk (GENERATED_CASE_CODES).
    const onDiskCodes = new Set(onDisk.flatMap((n) => expectedOf(n).problems.map((p) => p.code)));
    const generatedCodes = new Set(GENERATED.flatMap((g) => g.expected.map((p) => p.code)));
    const uncovered = Object.keys(CATALOGUE).filter((c) => !onDiskCodes.has(c) && !generatedCodes.has(c));
    expect(uncovered).toEqual([]);
  });
});

describe('limits and roots the command cannot be given cheaply, in-process', () => {
  it('data-root-too-large: more files than LIMITS.files (lowered, then restored)', () => {
    const root = join(scratch, 'too-many-files', 'data');
    base(root);
    for (let i = 0; i < 5; i++) writeFileSync(join(root, 'announcements', '2025', `2025-421202-plan-${i + 2}.csv`), 'line_id\n');
    const saved = { ...LIMITS };
    Object.assign(LIMITS, { files: 4 });
    try {
      const rep = validateDataRoot(root).report;
      expect(ReportSchema.safeParse(rep).success).toBe(true);
      expect(rep.problems.filter((p) => p.code === 'data-root-too-large').map((p) => p.file)).toEqual(['.']);
    } finally {
      Object.assign(LIMITS, saved);
    }
    expect(LIMITS).toEqual(saved);
  });

  it('too-many-rows: the limit is what the generated case exceeds', () => {
    expect(MAX_ROWS).toBeLessThan(1_000_000);
  });

  it('a data root reached through a symlink is read as itself, not as unexpected files', async () => {
    const link = join(scratch, 'linked-root');
    symlinkSync(join(VALID, 'minimal-plan', 'data'), link, 'dir');
    const r = await runCli(link);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rep = ReportSchema.parse(JSON.parse(r.stdout));
    expect(rep.problems.map((p) => p.code)).toEqual(['not-locked']);
  });
});
