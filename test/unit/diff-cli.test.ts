/**
 * `npm run diff` on a temporary git repository: an office commits a data root, then adds an
 * announcement, edits a published one and an unpublished one, and deletes a published one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendLock, formatLock } from '../../src/validate/lock.ts';
import { runScript } from '../support/scripts.ts';


/** `npm run diff` run in `cwd`, in process; git sees the environment of this process plus `env`. */
const diff = (cwd: string, args: string[] = [], env: Record<string, string> = {}) => runScript('diff', args, { cwd, env: { ...process.env, PHASEOUT_DATA_DIR: '', ...env } });

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const md = (title: string, kind: string, published: string) =>
  `---\ntitle: ${title}\nkind: ${kind}\nregion: "140100"\nyear: 2025\nissuer: 太原市工业和信息化局\npublished: "${published}"\n---\n正文。\n`;
const HEADER = 'line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,deadline,status,shutdown_date,dismantled_date';
const L1 = 'TY-001,甲水泥有限公司,140121,水泥,Φ2.5×10m机立窑生产线,8,万吨,2025-11-30,planned,,';
const L2 = 'TY-002,乙焦化有限公司,140181,焦炭,炭化室高度3.8米焦炉,30,万吨,2025-11-30,planned,,';

/** A temporary git repository with a data root at `data/`, its author configured locally. */
function newRepo(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  git(root, 'init', '-q');
  git(root, 'config', 'user.name', 'Test Office');
  git(root, 'config', 'user.email', 'office@example.org');
  git(root, 'config', 'commit.gpgsign', 'false');
  const data = join(root, 'data');
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(data, rel)), { recursive: true });
    writeFileSync(join(data, rel), text);
  };
  /** Records the given announcements in published.lock, as `npm run lock` does. */
  const lock = (...paths: string[]) => {
    const lockFile = join(data, 'published.lock');
    const current = existsSync(lockFile) ? JSON.parse(readFileSync(lockFile, 'utf8')) : {};
    const files = paths.map((p) => ({
      id: p.split('/').pop()!, mdFile: `${p}.md`, csvFile: `${p}.csv`,
      md: readFileSync(join(data, `${p}.md`)), csv: readFileSync(join(data, `${p}.csv`)),
    }));
    writeFileSync(lockFile, formatLock(extendLock(current, files).lock));
  };
  const commit = (message: string) => {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', message);
  };
  return { root, data, write, lock, commit, remove: (rel: string) => unlinkSync(join(data, rel)) };
}

let repo: string;
let dataDir: string;

beforeAll(() => {
  const r = newRepo('phaseout-diff-cli-');
  repo = r.root;
  dataDir = r.data;
  r.write('announcements/2025/2025-140100-plan.md', md('太原市2025年淘汰落后产能企业名单', 'plan', '2025-04-25'));
  r.write('announcements/2025/2025-140100-plan.csv', `${HEADER}\n${L1}\n${L2}\n`);
  r.write('announcements/2025/2025-140100-plan-b.md', md('太原市2025年第二批名单（草稿）', 'plan', '2025-05-10'));
  r.write('announcements/2025/2025-140100-plan-b.csv', `${HEADER}\nTY-003,丙铁合金有限公司,140181,铁合金,3200千伏安矿热炉,1.2,万吨,2025-11-30,planned,,\n`);
  r.write('announcements/2024/2024-140100-plan.md', md('太原市2024年名单', 'plan', '2024-04-25').replace('year: 2025', 'year: 2024'));
  r.write('announcements/2024/2024-140100-plan.csv', `${HEADER}\nTY-900,丁造纸有限公司,140121,造纸,1092mm纸机,1,万吨,2024-11-30,planned,,\n`);
  // Published: the 2025 plan and the 2024 plan are locked; plan-b is not yet.
  r.lock('announcements/2025/2025-140100-plan', 'announcements/2024/2024-140100-plan');
  r.commit('Publish the 2025 plan');

  // The office's next commit, not yet committed: a completion (locked), an edit of the published
  // plan, an edit of the unpublished draft, and the published 2024 plan deleted.
  r.write('announcements/2025/2025-140100-completion.md', md('太原市2025年淘汰落后产能完成情况', 'completion', '2025-12-20'));
  r.write('announcements/2025/2025-140100-completion.csv', `${HEADER}\n${L1.replace('planned,,', 'dismantled,2025-09-01,2025-10-01')}\n${L2.replace('planned,,', 'shutdown,2025-08-01,')}\n`);
  r.lock('announcements/2025/2025-140100-completion');
  r.write('announcements/2025/2025-140100-plan.csv', `${HEADER}\n${L2.replace(',30,', ',40,')}\n${L1}\nTY-004,戊印染有限公司,140121,印染,印染生产线,1000,万米,2025-11-30,planned,,\n`);
  r.write('announcements/2025/2025-140100-plan-b.md', md('太原市2025年第二批淘汰落后产能企业名单', 'plan', '2025-05-10'));
  r.remove('announcements/2024/2024-140100-plan.md');
  r.remove('announcements/2024/2024-140100-plan.csv');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run diff', () => {
  it('tells a reviewer what the commit adds, edits and removes, and that published announcements cannot change', async () => {
    const r = await diff(repo);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const short = git(repo, 'rev-parse', '--short', 'HEAD').trim();
    expect(r.stdout).toBe(`与 HEAD（${short}）相比，数据目录 data 的改动：

新增公告 1 条：
  + 2025-140100-completion 完成名单「太原市2025年淘汰落后产能完成情况」，2025-12-20 发布
    共 2 行：已关停 1，已拆除 1

删除公告 1 条：
  - 2024-140100-plan 计划淘汰名单「太原市2024年名单」 【已发布】
    删除的文件：announcements/2024/2024-140100-plan.md、announcements/2024/2024-140100-plan.csv
    这是已发布的公告（在 HEAD 的 published.lock 中）：npm run validate 会以 lock-mismatch 拒绝删除。已发布的公告不能删除：请恢复这些文件（在仓库根目录运行 git checkout HEAD -- data/announcements/2024/2024-140100-plan.md data/announcements/2024/2024-140100-plan.csv），如需撤回其中的行，另发一条更正公告：npm run new -- --supersedes 2024-140100-plan，在 correction_note 中写明更正了什么、为什么。

修改公告 2 条：
  ~ 2025-140100-plan 【已发布】
    改动的文件：announcements/2025/2025-140100-plan.csv
    表格：新增 1 行，删除 0 行，修改 1 行，未变 1 行
      + TY-004 戊印染有限公司（第 4 行）
      ~ TY-002 乙焦化有限公司（第 2 行）：产能 30 → 40
    这是已发布的公告（在 HEAD 的 published.lock 中）：npm run validate 会以 lock-mismatch 拒绝这一改动。已发布的公告不能修改：请恢复原文件（在仓库根目录运行 git checkout HEAD -- data/announcements/2025/2025-140100-plan.csv），另发一条更正公告：npm run new -- --supersedes 2025-140100-plan，在 correction_note 中写明更正了什么、为什么。
  ~ 2025-140100-plan-b 【未发布】
    改动的文件：announcements/2025/2025-140100-plan-b.md
    front matter：标题 太原市2025年第二批名单（草稿） → 太原市2025年第二批淘汰落后产能企业名单
    表格未变（共 1 行）
    尚未锁定（不在 published.lock 中），发布前可以修改。

published.lock：
  新锁定 1 条：2025-140100-completion
`);
  });

  it('prints the same comparison as JSON', async () => {
    const r = await diff(repo, ['--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ revision: 'HEAD', dataDir: 'data', lock: { added: ['2025-140100-completion'], changed: [], removed: [] }, otherFiles: [] });
    expect(out.commit).toBe(git(repo, 'rev-parse', 'HEAD').trim());
    expect(out.added).toMatchObject([{ id: '2025-140100-completion', kind: 'completion', rows: { total: 2, shutdown: 1, dismantled: 1 }, errors: 0 }]);
    expect(out.removed).toEqual([{ id: '2024-140100-plan', files: ['announcements/2024/2024-140100-plan.md', 'announcements/2024/2024-140100-plan.csv'], kind: 'plan', title: '太原市2024年名单', published: true }]);
    expect(out.edited.map((e: { id: string; published: boolean }) => [e.id, e.published])).toEqual([['2025-140100-plan', true], ['2025-140100-plan-b', false]]);
    expect(out.edited[0].rows.changed[0].fields).toEqual([{ column: 'capacity', before: 30, after: 40 }]);
  });

  it('reads the data root from --data or PHASEOUT_DATA_DIR, wherever the command runs, and gives the same output', async () => {
    const here = await diff(repo);
    const elsewhere = tmpdir();
    expect((await diff(elsewhere, ['HEAD', '--data', dataDir])).stdout).toBe(here.stdout);
    expect((await diff(elsewhere, [], { PHASEOUT_DATA_DIR: dataDir })).stdout).toBe(here.stdout);
  });

  it('shows a new correction against what it supersedes, and rows its note leaves out', async () => {
    const r = newRepo('phaseout-diff-correction-');
    try {
      r.write('announcements/2025/2025-140100-plan.md', md('太原市2025年淘汰落后产能企业名单', 'plan', '2025-04-25'));
      r.write('announcements/2025/2025-140100-plan.csv', `${HEADER}\n${L1}\n${L2}\n`);
      r.lock('announcements/2025/2025-140100-plan');
      r.commit('Publish');
      r.write('announcements/2025/2025-140100-plan-2.md', md('太原市2025年淘汰落后产能企业名单（更正）', 'plan', '2025-05-12')
        .replace('---\n正文', 'supersedes: 2025-140100-plan\ncorrection_note: TY-002的产能应为40万吨。\n---\n正文'));
      r.write('announcements/2025/2025-140100-plan-2.csv', `${HEADER}\n${L2.replace(',30,', ',40,')}\n`);
      const out = await diff(r.root);
      expect(out.status).toBe(0);
      expect(out.stdout.split('\n').slice(2).join('\n')).toBe(`新增公告 1 条：
  + 2025-140100-plan-2 计划淘汰名单「太原市2025年淘汰落后产能企业名单（更正）」，2025-05-12 发布
    共 1 行：计划淘汰 1
    更正 2025-140100-plan：新增 0 行，删除 1 行，修改 1 行，未变 0 行
      - TY-001 甲水泥有限公司（原第 2 行）
      ~ TY-002 乙焦化有限公司（第 2 行）：产能 30 → 40
    注意：删除的 TY-001 甲水泥有限公司 在更正说明（correction_note）中没有提到。
`);
    } finally {
      rmSync(r.root, { recursive: true, force: true });
    }
  });

  it('says there is no change against a revision equal to the working files', async () => {
    const clean = mkdtempSync(join(tmpdir(), 'phaseout-diff-clean-'));
    try {
      git(clean, 'init', '-q');
      mkdirSync(join(clean, 'data'));
      writeFileSync(join(clean, 'data', 'regions.csv'), 'code,name,parent,valid_from,valid_to\n');
      git(clean, 'add', '-A');
      git(clean, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'x');
      const r = await diff(clean);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\n\n没有改动。\n$/);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('exits 2 with one Chinese line when the revision does not exist', async () => {
    const r = await diff(repo, ['no-such-branch']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('无法运行：找不到版本 no-such-branch（仓库还没有提交，或版本名写错了）\n');
  });

  it('exits 2 with one Chinese line when the data root is not in a git repository', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'phaseout-diff-nogit-'));
    try {
      mkdirSync(join(bare, 'data'));
      const r = await diff(bare, [], { GIT_CEILING_DIRECTORIES: dirname(bare) });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^无法运行：数据目录 .* 不在 git 仓库中\n$/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown option or output format', async () => {
    expect((await diff(repo, ['--colour'])).status).toBe(2);
    expect((await diff(repo, ['--format', 'xml'])).stderr).toBe('无法运行：不认识的输出格式 xml，可用 text、json\n');
  });
});
