/** Git for the command-line scripts: run with arguments (never a shell), failures said in Chinese. */
import { execFileSync } from 'node:child_process';
import type { Effects } from './cli.ts';

/** Runs git; a failure throws `what` (the caller's Chinese sentence), or says git is missing. */
export function git(cwd: string, args: readonly string[], what: string, env: Effects['env']): Buffer {
  try {
    return execFileSync('git', ['--literal-pathspecs', '-C', cwd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, env });
  } catch (e) {
    // Thrown, not fail(): process.exit would skip a caller's clean-up.
    throw new Error((e as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到 git 命令，请先安装 git' : what);
  }
}

/** Where a data root lies in its repository: the repository's top folder and the root's path in it (with a trailing /, or empty). */
export function repositoryOf(root: string, env: Effects['env']): { top: string; prefix: string } {
  const notRepo = `数据目录 ${root} 不在 git 仓库中`;
  const top = git(root, ['rev-parse', '--show-toplevel'], notRepo, env).toString('utf8').trim();
  const prefix = git(root, ['rev-parse', '--show-prefix'], notRepo, env).toString('utf8').trim();
  return { top, prefix };
}

/** The commit a revision names (origin/main, HEAD~1, a hash), or a Chinese error. */
export function commitOf(top: string, rev: string, env: Effects['env']): string {
  return git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], `找不到版本 ${rev}（仓库还没有提交，或版本名写错了）`, env).toString('utf8').trim();
}

/** A file's bytes at a commit, or undefined when the commit has no such file. */
export function fileAt(top: string, commit: string, path: string, env: Effects['env']): Buffer | undefined {
  const listing = git(top, ['ls-tree', '-z', commit, '--', path], `无法列出版本 ${commit} 的文件`, env).toString('utf8');
  const entry = listing.split('\0').find((e) => e.endsWith(`\t${path}`));
  if (!entry || !entry.includes(' blob ')) return undefined;
  return git(top, ['cat-file', 'blob', entry.split(' ')[2]!.split('\t')[0]!], `无法读取版本 ${commit} 中的 ${path}`, env);
}
