/**
 * `npm run diff` against revisions an office or an attacker may have made: a lock rewritten (exit
 * 1, as `npm run validate -- --base` reports it), and a crafted tree whose paths would leave the
 * temporary folder the old state is written to (`..`, absolute paths, symbolic links).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extendLock, formatLock } from '../../src/validate/lock.ts';
import { runScript } from '../support/scripts.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function git(cwd: string, args: string[], input?: Buffer): string {
  const r = spawnSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, input, encoding: 'buffer' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8').trim();
}

const md = (id: string, published: string) =>
  `---\ntitle: 咸安区名单 ${id}\nkind: plan\nregion: "421202"\nyear: 2025\nissuer: 咸安区经济和信息化局\npublished: "${published}"\n---\n正文。\n`;
const csv = (lineId: string) =>
  `line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,deadline,status\n${lineId},咸安区温泉电石总厂,421202,电石,12500kVA电石炉,3,万吨,2025-12,planned\n`;

/** A repository whose data root holds two published announcements, committed. */
function publishedRepo(): { root: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), 'phaseout-diff-rewrite-'));
  made.push(root);
  const data = join(root, 'data');
  const ids = ['2025-421202-plan', '2025-421202-plan-2'];
  mkdirSync(join(data, 'announcements', '2025'), { recursive: true });
  ids.forEach((id, i) => {
    writeFileSync(join(data, 'announcements', '2025', `${id}.md`), md(id, `2025-04-2${i + 1}`));
    writeFileSync(join(data, 'announcements', '2025', `${id}.csv`), csv(`XA-00${i + 1}`));
  });
  const files = ids.map((id) => ({
    id, mdFile: `announcements/2025/${id}.md`, csvFile: `announcements/2025/${id}.csv`,
    md: Buffer.from(md(id, `2025-04-2${ids.indexOf(id) + 1}`)), csv: Buffer.from(csv(`XA-00${ids.indexOf(id) + 1}`)),
  }));
  writeFileSync(join(data, 'published.lock'), formatLock(extendLock({}, files).lock));
  git(root, ['init', '-q']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', '发布']);
  return { root, data };
}

const diff = (cwd: string, args: string[] = []) => runScript('diff', args, { cwd, env: { ...process.env, PHASEOUT_DATA_DIR: '' } });

describe('npm run diff exits 1 when it reports a rewritten lock', () => {
  it('an entry removed with the announcement it locked', async () => {
    const { root, data } = publishedRepo();
    unlinkSync(join(data, 'announcements', '2025', '2025-421202-plan-2.md'));
    unlinkSync(join(data, 'announcements', '2025', '2025-421202-plan-2.csv'));
    const files = [{ id: '2025-421202-plan', mdFile: '', csvFile: '', md: Buffer.from(md('2025-421202-plan', '2025-04-21')), csv: Buffer.from(csv('XA-001')) }];
    writeFileSync(join(data, 'published.lock'), formatLock(extendLock({}, files).lock));
    const r = await diff(root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('注意：删除了 1 条锁定记录：2025-421202-plan-2');
    expect(r.stdout).toContain('npm run validate -- --base HEAD 会以 lock-rewritten 拒绝这些改动');
    const v = await runScript('validate', ['--data', data, '--base', 'HEAD', '--format', 'json'], { cwd: root, env: {} });
    expect(v.status).toBe(1);
    expect((JSON.parse(v.stdout) as { problems: { code: string; value?: string }[] }).problems.filter((p) => p.code === 'lock-rewritten').map((p) => p.value)).toEqual(['2025-421202-plan-2']);
  });

  it('the whole lock deleted', async () => {
    const { root, data } = publishedRepo();
    unlinkSync(join(data, 'published.lock'));
    const r = await diff(root, ['--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ lock: { removed: ['2025-421202-plan', '2025-421202-plan-2'] }, rewritten: 2 });
  });

  it('but not when the lock only grows', async () => {
    const { root } = publishedRepo();
    const r = await diff(root);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('没有改动');
  });
});

describe('npm run diff writes nothing outside its temporary folder, whatever the revision holds', () => {
  it('a crafted tree with .., . , absolute-looking names and symbolic links', async () => {
    const { root, data } = publishedRepo();
    const mark = `phaseout-escape-${process.pid}-${Date.now()}`;
    const blob = (text: string) => git(root, ['hash-object', '-w', '--stdin'], Buffer.from(text));
    /** A tree object as git stores it, written with --literally (git itself refuses such names). */
    const tree = (entries: [string, string, string][]) => {
      const body = Buffer.concat(entries.map(([mode, name, id]) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(id, 'hex')])));
      return git(root, ['hash-object', '-t', 'tree', '--literally', '-w', '--stdin'], body);
    };
    const evil = blob('不应写到临时目录之外\n');
    const escape = tree([['100644', `${mark}.txt`, evil]]);
    const announcements = git(root, ['rev-parse', 'HEAD:data/announcements']);
    const crafted = tree([
      ['40000', '..', escape], // data/../<mark>.txt: the repository root, or the temporary folder's parent
      ['40000', 'announcements', tree([['40000', '..', tree([['40000', '..', tree([['40000', '..', escape]])]])], ['40000', '2025', git(root, ['rev-parse', `${announcements}:2025`])]])],
      ['100644', `/tmp/${mark}-absolute.txt`, evil],
      ['100644', `..\\${mark}-backslash.txt`, evil],
      ['120000', 'published.lock', blob('/etc/passwd')], // a symbolic link in place of the lock
      ['40000', '.', escape],
    ]);
    const top = tree([['40000', 'data', crafted], ['40000', '..', escape]]);
    const commit = git(root, ['commit-tree', top, '-m', '构造的版本']);
    const r = await diff(root, [commit]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    // Every place a path of the tree could have led to.
    const places = [tmpdir(), dirname(tmpdir()), root, dirname(root), data, join(data, 'announcements'), '/tmp', '/'];
    for (const dir of places) {
      const found = existsSync(dir) ? readdirSync(dir).filter((f) => f.includes(mark)) : [];
      expect(found, dir).toEqual([]);
    }
  });
});
