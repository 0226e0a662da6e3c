/**
 * `npm run diff -- [<git revision>] [--data DIR] [--format text|json]`: what the working files of
 * a data root change against a git revision (default HEAD), for whoever reviews an office's
 * commit: announcements added, removed and edited, and edits to published ones called out.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { KIND_LABELS, type Kind } from '../src/schema/announcement.ts';
import { LINE_STATUSES } from '../src/schema/line.ts';
import {
  cellText, columnLabel, compareRecords, isEmptyDiff,
  type DiffRow, type FieldChange, type RecordComparison, type RecordState, type RowCounts, type TableDiff,
} from '../src/derive/diff.ts';
import type { Taxonomy } from '../src/reference/industries.ts';
import { readDataRoot } from '../src/read/load.ts';
import { checkLockRewritten, parseLock } from '../src/validate/lock.ts';
import { LOCK_FILE } from '../src/schema/lock.ts';
import type { Problem } from '../src/schema/problem.ts';
import { validateRaw } from '../src/validate/validate.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';
import { commitOf, git, repositoryOf } from './git.ts';

/** Git's object id of some bytes, to skip reading files that did not change. */
const blobId = (bytes: Uint8Array) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/**
 * A path of the revision's tree as a path inside the temporary folder, or undefined when it could
 * leave it: an empty, `.` or `..` component (a crafted tree can hold them; git itself refuses to
 * check them out). Absolute paths have an empty first component.
 */
export function safeRelative(rel: string): string | undefined {
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) return undefined;
  return parts.join(sep);
}

/**
 * The data root as it was at `commit`, written to a temporary folder so that it is read exactly
 * as the validator reads a data root. Unchanged files are copied from the working tree. Nothing
 * is written outside the folder, whatever the tree holds: paths that could leave it are skipped,
 * symbolic links and submodules are not made, and no file is written over or through another.
 */
function oldState(root: string, top: string, prefix: string, commit: string, env: Effects['env']): RecordState {
  const listing = git(top, ['ls-tree', '-r', '-z', commit, '--', ...(prefix ? [prefix] : [])], '无法列出该版本的文件', env).toString('utf8');
  const tmp = mkdtempSync(join(tmpdir(), 'phaseout-diff-'));
  try {
    for (const entry of listing.split('\0')) {
      if (!entry) continue;
      const tab = entry.indexOf('\t');
      const [mode, type, id] = entry.slice(0, tab).split(' ');
      const path = entry.slice(tab + 1);
      if (type !== 'blob' || mode === '120000' || !path.startsWith(prefix)) continue; // submodules and symbolic links hold no data
      const rel = safeRelative(path.slice(prefix.length));
      if (rel === undefined) continue;
      const target = join(tmp, rel);
      if (!target.startsWith(tmp + sep)) continue;
      const working = join(root, rel);
      let bytes: Uint8Array | undefined;
      if (existsSync(working) && statSync(working).isFile()) {
        const current = readFileSync(working);
        if (blobId(current) === id) bytes = current;
      }
      // By the object id: no path of the tree is ever given to git as an argument.
      bytes ??= git(top, ['cat-file', 'blob', id!], `无法读取该版本的文件 ${path}`, env);
      try {
        mkdirSync(dirname(target), { recursive: true });
        // Every folder on the way is one made here, never a link.
        if (!lstatSync(dirname(target)).isDirectory()) continue;
        writeFileSync(target, bytes, { flag: 'wx' });
      } catch {
        continue; // a tree that holds a file and a folder of one name: the second is not data
      }
    }
    const raw = readDataRoot(tmp);
    return { raw, record: validateRaw(raw) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ── text ────────────────────────────────────────────────────────────────────────────────────

function countsText(c: RowCounts): string {
  const parts = [...LINE_STATUSES, 'yellow', 'red'].flatMap((k) => {
    const n = c[k as keyof RowCounts];
    if (!n) return [];
    const label = k === 'yellow' ? '黄牌' : k === 'red' ? '红牌' : cellText('plan', 'status', k);
    return [`${label} ${n}`];
  });
  return `共 ${c.total} 行${parts.length ? `：${parts.join('，')}` : ''}`;
}

/** How a row is named: line_id and enterprise; for targets, region and industry (the key's two parts). */
function rowText(kind: Kind, r: Pick<DiffRow, 'key' | 'names'>, taxonomy: Taxonomy): string {
  if (kind !== 'target') return r.names.join(' ');
  const [region, industry] = r.key.split('/');
  return `${region} ${cellText(kind, 'industry', industry ?? '', taxonomy)}`;
}

const fieldsText = (kind: Kind | 'meta', fields: readonly FieldChange[], taxonomy: Taxonomy) =>
  fields.map((f) => `${columnLabel(kind, f.column)} ${cellText(kind, f.column, f.before, taxonomy)} → ${cellText(kind, f.column, f.after, taxonomy)}`).join('；');

function tableText(d: TableDiff, indent: string, taxonomy: Taxonomy): string[] {
  const out = [`新增 ${d.added.length} 行，删除 ${d.removed.length} 行，修改 ${d.changed.length} 行，未变 ${d.unchanged} 行`];
  for (const r of d.added) out.push(`${indent}+ ${rowText(d.kind, r, taxonomy)}（第 ${r.line} 行）`);
  for (const r of d.removed) out.push(`${indent}- ${rowText(d.kind, r, taxonomy)}（原第 ${r.line} 行）`);
  for (const c of d.changed) out.push(`${indent}~ ${rowText(d.kind, c, taxonomy)}（第 ${c.afterLine} 行）：${fieldsText(d.kind, c.fields, taxonomy)}`);
  return out;
}

const titled = (kind: Kind | undefined, title: string | undefined) => [kind ? KIND_LABELS[kind] : undefined, title ? `「${title}」` : undefined].filter(Boolean).join('');

function formatText(c: RecordComparison, ctx: { rev: string; short: string; dataDir: string; repoPath: (f: string) => string; taxonomy: Taxonomy; rewritten: readonly Problem[] }): string {
  const { rev } = ctx;
  const out: string[] = [`与 ${rev}（${ctx.short}）相比，数据目录 ${ctx.dataDir} 的改动：`, ''];
  const errors = (n: number) => (n > 0 ? [`    有 ${n} 个错误，请运行 npm run validate 查看；有错误的行不计入上面的数字。`] : []);
  const publishHint = (id: string) => `另发一条更正公告：npm run new -- --supersedes ${id}，在 correction_note 中写明更正了什么、为什么。`;

  if (c.added.length) {
    out.push(`新增公告 ${c.added.length} 条：`);
    for (const a of c.added) {
      out.push(`  + ${a.id} ${titled(a.kind, a.title)}${a.published ? `，${a.published} 发布` : ''}`.trimEnd());
      if (a.rows) out.push(`    ${countsText(a.rows)}`);
      else out.push('    无法读取这条公告（front matter 或表格有错误）。');
      if (a.correction) {
        if (a.correction.diff) {
          out.push(`    更正 ${a.correction.supersedes}：${tableText(a.correction.diff, '      ', ctx.taxonomy).join('\n')}`);
          for (const r of a.correction.unexplained) out.push(`    注意：删除的 ${rowText(a.correction.diff.kind, r, ctx.taxonomy)} 在更正说明（correction_note）中没有提到。`);
        } else {
          out.push(`    更正 ${a.correction.supersedes}，但找不到可比较的原公告。`);
        }
      }
      for (const line of errors(a.errors)) out.push(line);
    }
    out.push('');
  }

  if (c.removed.length) {
    out.push(`删除公告 ${c.removed.length} 条：`);
    for (const r of c.removed) {
      out.push(`  - ${r.id} ${titled(r.kind, r.title)}${r.published ? ' 【已发布】' : ' 【未发布】'}`.replace(/ +【/, ' 【'));
      out.push(`    删除的文件：${r.files.join('、')}`);
      if (r.published) {
        out.push(`    这是已发布的公告（在 ${rev} 的 published.lock 中）：npm run validate 会以 lock-mismatch 拒绝删除。已发布的公告不能删除：请恢复这些文件（在仓库根目录运行 git checkout ${rev} -- ${r.files.map(ctx.repoPath).join(' ')}），如需撤回其中的行，${publishHint(r.id)}`);
      }
    }
    out.push('');
  }

  if (c.edited.length) {
    out.push(`修改公告 ${c.edited.length} 条：`);
    for (const e of c.edited) {
      out.push(`  ~ ${e.id}${e.published ? ' 【已发布】' : ' 【未发布】'}`);
      out.push(`    改动的文件：${e.files.join('、')}`);
      if (e.unreadable) {
        out.push(`    无法读取${e.unreadable === 'before' ? ` ${rev} 中的` : e.unreadable === 'after' ? '改动后的' : '两个版本的'}公告（front matter 或表格有错误），不能逐行比较。`);
      }
      if (e.meta.length) out.push(`    front matter：${fieldsText('meta', e.meta, ctx.taxonomy)}`);
      if (e.bodyChanged) out.push('    正文有改动');
      if (e.rows && isEmptyDiff(e.rows)) out.push(`    表格未变（共 ${e.rows.unchanged} 行）`);
      else if (e.rows) out.push(`    表格：${tableText(e.rows, '      ', ctx.taxonomy).join('\n')}`);
      else if (!e.unreadable) out.push('    类别改变了，表格不能逐行比较。');
      for (const line of errors(e.errors)) out.push(line);
      if (e.published) {
        out.push(`    这是已发布的公告（在 ${rev} 的 published.lock 中）：npm run validate 会以 lock-mismatch 拒绝这一改动。已发布的公告不能修改：请恢复原文件（在仓库根目录运行 git checkout ${rev} -- ${e.files.map(ctx.repoPath).join(' ')}），${publishHint(e.id)}`);
      } else {
        out.push('    尚未锁定（不在 published.lock 中），发布前可以修改。');
      }
    }
    out.push('');
  }

  const { lock } = c;
  const references = ctx.rewritten.filter((p) => p.value?.startsWith('_references'));
  if (lock.added.length || lock.changed.length || lock.removed.length || references.length) {
    out.push('published.lock：');
    if (lock.added.length) out.push(`  新锁定 ${lock.added.length} 条：${lock.added.join('、')}`);
    if (lock.changed.length) out.push(`  注意：改写了 ${lock.changed.length} 条已发布公告的锁定记录：${lock.changed.join('、')}。锁定记录不能改写：已发布的公告不能修改，更正请另发公告。`);
    if (lock.removed.length) out.push(`  注意：删除了 ${lock.removed.length} 条锁定记录：${lock.removed.join('、')}。已发布的公告不能撤销发布。`);
    if (references.length) out.push(`  注意：改写或删除了 ${references.length} 条已发布公告的行业、地区记录（_references）：${references.map((p) => p.value!.replace(/^_references 中/, '').replace(/ 的记录$/, '')).join('、')}。这些记录不能改写。`);
    if (ctx.rewritten.length) out.push(`  npm run validate -- --base ${rev} 会以 lock-rewritten 拒绝这些改动：请从 ${rev} 还原 published.lock 后重新运行 npm run lock。`);
    out.push('');
  }
  if (c.otherFiles.length) {
    const what = { added: '新增', removed: '删除', modified: '有改动' } as const;
    out.push(`其他文件：${c.otherFiles.map((f) => `${f.path} ${what[f.change]}`).join('，')}`, '');
  }
  if (out.length === 2) out.push('没有改动。', '');
  return `${out.join('\n').trimEnd()}\n`;
}

const USAGE = 'npm run diff -- [版本] [--data 目录] [--format text|json]';

/**
 * Compares the working files of the data root with a revision; exit 1 when the lock of the
 * revision is rewritten (an entry removed or changed, or the lock deleted), as
 * `npm run validate -- --base` reports it; 0 otherwise.
 */
export function main(argv: readonly string[], fx: Effects): number {
  const { values, positionals } = parseOptions(argv, { data: { type: 'string' }, format: { type: 'string', default: 'text' } }, USAGE, true);
  const format = values.format;
  if (format !== 'text' && format !== 'json') fail(`不认识的输出格式 ${format}，可用 text、json`);
  if (positionals.length > 1) fail(`只能比较一个版本，却给了 ${positionals.length} 个：${positionals.join(' ')}`);
  const rev = positionals[0] ?? 'HEAD';
  const root = dataRoot(values.data, fx);
  const env = fx.env;
  const { top, prefix } = repositoryOf(root, env);
  const commit = commitOf(top, rev, env);
  const short = git(top, ['rev-parse', '--short', commit], `找不到版本 ${rev}`, env).toString('utf8').trim();

  const before = oldState(root, top, prefix, commit, fx.env);
  const afterRaw = readDataRoot(root);
  const after: RecordState = { raw: afterRaw, record: validateRaw(afterRaw) };
  const comparison = compareRecords(before, after);
  const dataDir = prefix.replace(/\/$/, '') || '.';
  const text = (f: RecordState['raw']['lock']) => (f ? new TextDecoder().decode(f.bytes) : undefined);
  const nowLock = parseLock(text(afterRaw.lock));
  const rewritten = checkLockRewritten({ revision: rev, text: text(before.raw.lock), path: `${prefix}${LOCK_FILE}` }, afterRaw.lock && nowLock.problems.length === 0 ? nowLock : undefined);

  if (format === 'json') {
    fx.stdout(`${JSON.stringify({ revision: rev, commit, dataDir, ...comparison, rewritten: rewritten.length }, null, 2)}\n`);
  } else {
    fx.stdout(formatText(comparison, {
      rev, short, dataDir,
      repoPath: (f) => `${prefix}${f}`,
      taxonomy: after.record.taxonomy,
      rewritten,
    }));
  }
  return rewritten.length > 0 ? 1 : 0;
}

await runIfMain(import.meta.url, main);
