/**
 * The CI templates of docs/ci run `npm run validate -- --base <target branch>`: their validate
 * steps, taken from the YAML as written, run by bash in a data repository that has an `origin`,
 * with the variables GitHub Actions and GitLab CI set. A merge request that rewrites the lock of
 * the target branch fails; one that only adds to it passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { extendLock, formatLock } from '../../src/validate/lock.ts';
import { REPO } from '../support/scripts.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, PHASEOUT_DATA_DIR: '', ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const git = (cwd: string, ...args: string[]) => {
  const r = run('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], cwd);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
};

const md = (id: string) => `---\ntitle: 咸安区名单 ${id}\nkind: plan\nregion: "421202"\nyear: 2025\nissuer: 咸安区经济和信息化局\npublished: "2025-04-28"\n---\n正文。\n`;
const csv = (lineId: string) => `line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,deadline,status\n${lineId},咸安区温泉电石总厂,421202,电石,12500kVA电石炉,3,万吨,2025-12,planned\n`;

/**
 * A data repository as CI checks it out: this project's npm scripts and node_modules (linked), a
 * data root with two published announcements on `main`, pushed to a bare `origin`; then, on a
 * branch, `change` applied to the working files.
 */
function dataRepository(change: (data: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'phaseout-ci-'));
  made.push(dir);
  const origin = join(dir, 'origin.git');
  const work = join(dir, 'work');
  mkdirSync(work);
  git(dir, 'init', '-q', '--bare', origin);
  git(work, 'init', '-q', '-b', 'main');
  symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'), 'dir');
  writeFileSync(join(work, '.gitignore'), 'node_modules\n');
  // `npm run validate` runs this project's command, as in a data repository that is a copy of it.
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  pkg.scripts.validate = `tsx ${join(REPO, 'scripts', 'validate.ts')}`;
  writeFileSync(join(work, 'package.json'), JSON.stringify(pkg));
  const data = join(work, 'data');
  mkdirSync(join(data, 'announcements', '2025'), { recursive: true });
  const ids = ['2025-421202-plan', '2025-421202-plan-2'];
  ids.forEach((id, i) => {
    writeFileSync(join(data, 'announcements', '2025', `${id}.md`), md(id));
    writeFileSync(join(data, 'announcements', '2025', `${id}.csv`), csv(`XA-00${i + 1}`));
  });
  const files = ids.map((id, i) => ({ id, mdFile: '', csvFile: '', md: Buffer.from(md(id)), csv: Buffer.from(csv(`XA-00${i + 1}`)) }));
  writeFileSync(join(data, 'published.lock'), formatLock(extendLock({}, files).lock));
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', '发布');
  git(work, 'remote', 'add', 'origin', origin);
  git(work, 'push', '-q', 'origin', 'main');
  git(work, 'fetch', '-q', 'origin');
  git(work, 'checkout', '-q', '-b', 'office-change');
  change(data);
  return work;
}

/** The edit of an office that covers its tracks: a published table changed, its lock record re-hashed. */
const rewriteLock = (data: string) => {
  const edited = csv('XA-001').replace(',3,万吨', ',0.3,万吨');
  writeFileSync(join(data, 'announcements', '2025', '2025-421202-plan.csv'), edited);
  const lock = JSON.parse(readFileSync(join(data, 'published.lock'), 'utf8')) as Record<string, { md: string; csv: string }>;
  const { lock: fresh } = extendLock({}, [{ id: '2025-421202-plan', mdFile: '', csvFile: '', md: Buffer.from(md('2025-421202-plan')), csv: Buffer.from(edited) }]);
  writeFileSync(join(data, 'published.lock'), formatLock({ ...lock, ...fresh }));
};
/** A new announcement, not yet locked: nothing is rewritten. */
const addAnnouncement = (data: string) => {
  writeFileSync(join(data, 'announcements', '2025', '2025-421202-plan-3.md'), md('2025-421202-plan-3'));
  writeFileSync(join(data, 'announcements', '2025', '2025-421202-plan-3.csv'), csv('XA-003'));
};

const ci = (name: string) => parseYaml(readFileSync(join(REPO, 'docs', 'ci', name), 'utf8')) as Record<string, unknown>;

describe('GitHub Actions: the validate step of docs/ci/github-actions.yml', () => {
  const jobs = ci('github-actions.yml').jobs as Record<string, { steps: { run?: string; env?: Record<string, string> }[] }>;
  const step = jobs.build!.steps.find((s) => s.run?.includes('npm run validate'))!;
  // What GitHub substitutes for ${{ … }} in the step's env on a pull request into main.
  const env = { EVENT: 'pull_request', BASE_REF: 'main', BEFORE: '' };

  it('passes its env through ${{ }} expressions only (no expression inside the shell script)', () => {
    expect(Object.keys(step.env!)).toEqual(Object.keys(env));
    expect(step.run).not.toContain('${{');
  });

  it('fails a pull request that rewrites the lock of the target branch, with an annotation', () => {
    const r = run('bash', ['-e', '-c', step.run!], dataRepository(rewriteLock), env);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/::error file=data\/published\.lock,line=\d+,title=lock-rewritten::/);
  }, 60_000);

  it('passes one that only adds an announcement', () => {
    const r = run('bash', ['-e', '-c', step.run!], dataRepository(addAnnouncement), env);
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toContain('lock-rewritten');
  }, 60_000);
});

describe('GitLab CI: the validate job of docs/ci/gitlab-ci.yml', () => {
  const job = ci('gitlab-ci.yml').validate as { script: string[] };
  const script = job.script.join('\n');
  const env = { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_COMMIT_BEFORE_SHA: '' };

  it('fails a merge request that rewrites the lock of the target branch', () => {
    const r = run('bash', ['-e', '-c', script], dataRepository(rewriteLock), env);
    expect(r.status).toBe(1);
    expect(r.out).toContain('错误 [lock-rewritten]');
    expect(r.out).toContain('published.lock 改写了 origin/main 中 2025-421202-plan 的锁定记录');
  }, 60_000);

  it('passes one that only adds an announcement', () => {
    const r = run('bash', ['-e', '-c', script], dataRepository(addAnnouncement), env);
    expect(r.status, r.out).toBe(0);
  }, 60_000);
});
