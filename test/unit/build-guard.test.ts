/**
 * Builds that cannot hurt (src/build/guard.ts): the output folder is never the data or the
 * repository, one build at a time writes a folder, and folders left by interrupted builds go.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireBuildLock, lockPath, refuseOutDir, removeStaleFolders, SITE_MARKER } from '../../src/build/guard.ts';
import { moveInto } from '../../src/build/pipeline.ts';

const tmp = mkdtempSync(join(tmpdir(), 'phaseout-guard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the output folder', () => {
  const repo = join(tmp, 'repo');
  const data = join(repo, 'data');
  mkdirSync(data, { recursive: true });
  const where = { dataRoot: data, repo };

  it.each([
    ['the data root itself', data, '不能是数据目录本身'],
    ['a folder inside the data root', join(data, 'announcements'), '不能在数据目录之内'],
    ['a folder containing the data root', tmp, '不能包含数据目录'],
    ['the repository', repo, '不能包含数据目录'],
  ])('is refused when it is %s', (_what, out, message) => {
    expect(refuseOutDir(out, where)).toContain(message);
  });

  it('is refused when it contains the repository but not the data root', () => {
    const elsewhere = { dataRoot: join(tmpdir(), 'phaseout-guard-elsewhere', 'data'), repo };
    expect(refuseOutDir(repo, elsewhere)).toBe('输出目录不能是项目目录本身');
    expect(refuseOutDir(tmp, elsewhere)).toBe('输出目录不能包含项目目录');
  });

  it('is refused when it holds files that no build wrote, and accepted when a build wrote them', () => {
    const docs = join(repo, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'notes.md'), '# notes\n');
    expect(refuseOutDir(docs, where)).toContain('不是以前生成的网站');
    const site = join(repo, 'dist');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html>');
    writeFileSync(join(site, SITE_MARKER), '');
    expect(refuseOutDir(site, where)).toBeUndefined();
    expect(refuseOutDir(join(repo, 'new-folder'), where)).toBeUndefined();
  });
});

describe('the build lock', () => {
  const noWait = { sleep: async () => {}, waiting: () => {} };

  it('names its owner, and is released', async () => {
    const out = join(tmp, 'lock-a', 'dist');
    mkdirSync(join(tmp, 'lock-a'));
    const release = await acquireBuildLock(out, { pid: 4242, alive: () => true, ...noWait });
    expect(readFileSync(lockPath(out), 'utf8').trim()).toBe('4242');
    release!();
    expect(existsSync(lockPath(out))).toBe(false);
  });

  it('makes a second build wait while the first one runs, then lets it in', async () => {
    const out = join(tmp, 'lock-b', 'dist');
    mkdirSync(join(tmp, 'lock-b'));
    const first = await acquireBuildLock(out, { pid: 1, alive: () => true, ...noWait });
    const told: number[] = [];
    let sleeps = 0;
    const second = acquireBuildLock(out, {
      pid: 2, alive: () => true, waiting: (owner) => told.push(owner),
      sleep: async () => {
        if (++sleeps === 3) first!(); // the first build finishes while the second waits
      },
    });
    const release = await second;
    expect(told).toEqual([1]);
    expect(sleeps).toBe(3);
    expect(readFileSync(lockPath(out), 'utf8').trim()).toBe('2');
    release!();
  });

  it('gives up after the longest wait, leaving the owner its lock', async () => {
    const out = join(tmp, 'lock-c', 'dist');
    mkdirSync(join(tmp, 'lock-c'));
    await acquireBuildLock(out, { pid: 1, alive: () => true, ...noWait });
    expect(await acquireBuildLock(out, { pid: 2, alive: () => true, ...noWait }, 1000)).toBeUndefined();
    expect(readFileSync(lockPath(out), 'utf8').trim()).toBe('1');
  });

  it('takes over the lock of a build that is gone', async () => {
    const out = join(tmp, 'lock-d', 'dist');
    mkdirSync(join(tmp, 'lock-d'));
    writeFileSync(lockPath(out), '999999\n');
    const release = await acquireBuildLock(out, { pid: 7, alive: (pid) => pid !== 999999, ...noWait });
    expect(readFileSync(lockPath(out), 'utf8').trim()).toBe('7');
    release!();
  });
});

describe('folders left by interrupted builds', () => {
  it('are removed when their owner is gone, kept while it runs; other folders are never touched', () => {
    const parent = join(tmp, 'stale');
    for (const name of ['dist', 'dist.tmp-111', 'dist.files-111', 'dist.old-222', 'dist.tmp-333', 'dist.files-333', 'dist.tmp-abc', 'dist2.tmp-111', 'distx']) mkdirSync(join(parent, name), { recursive: true });
    const removed = removeStaleFolders(join(parent, 'dist'), (pid) => pid === 333);
    expect(removed).toEqual(['dist.files-111', 'dist.old-222', 'dist.tmp-111']);
    for (const kept of ['dist', 'dist.tmp-333', 'dist.files-333', 'dist.tmp-abc', 'dist2.tmp-111', 'distx']) expect(existsSync(join(parent, kept)), kept).toBe(true);
  });
});

describe('files written before the pages', () => {
  it('move into the built site: whole folders where the site has none, file by file where it has', () => {
    const from = join(tmp, 'move/from');
    const to = join(tmp, 'move/to');
    for (const [path, text] of [['data/lines.csv', 'a'], ['data/rows/x.csv', 'b'], ['pagefind/p.js', 'c']] as const) {
      mkdirSync(dirname(join(from, path)), { recursive: true });
      writeFileSync(join(from, path), text);
    }
    mkdirSync(join(to, 'data'), { recursive: true });
    writeFileSync(join(to, 'data/index.html'), 'page');
    moveInto(from, to);
    expect(readFileSync(join(to, 'data/index.html'), 'utf8')).toBe('page');
    expect(readFileSync(join(to, 'data/lines.csv'), 'utf8')).toBe('a');
    expect(readFileSync(join(to, 'data/rows/x.csv'), 'utf8')).toBe('b');
    expect(readFileSync(join(to, 'pagefind/p.js'), 'utf8')).toBe('c');
    expect(existsSync(from)).toBe(false);
  });

  it('never replace a page', () => {
    const from = join(tmp, 'clash/from');
    const to = join(tmp, 'clash/to');
    for (const dir of [from, to]) {
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, 'data/index.html'), dir);
    }
    expect(() => moveInto(from, to)).toThrow('页面和其他文件的路径相同：/data/index.html');
    expect(readFileSync(join(to, 'data/index.html'), 'utf8')).toBe(to);
  });
});
