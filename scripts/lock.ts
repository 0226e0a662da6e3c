/** `npm run lock [-- --data DIR]`: records new announcements in published.lock. */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extendLock, formatLock, LOCK_FILE, parseLock } from '../src/validate/lock.ts';
import { readDataRoot } from '../src/read/load.ts';
import { formatText } from '../src/output/report.ts';
import { validateRaw } from '../src/validate/validate.ts';
import { dataRoot, parseOptions, runIfMain, type Effects } from './cli.ts';

export function main(argv: readonly string[], fx: Effects): number {
  const { values } = parseOptions(argv, { data: { type: 'string' } }, 'npm run lock -- [--data 目录]');
  const root = dataRoot(values.data, fx);
  const raw = readDataRoot(root);
  const { report } = validateRaw(raw);
  if (report.errors > 0) {
    fx.stdout(formatText({ ...report, problems: report.problems.filter((p) => p.severity === 'error') }, { dataDir: root }));
    fx.stdout('有错误的数据不能锁定。请先改正上面的错误。\n');
    return 1;
  }
  const current = parseLock(raw.lock ? new TextDecoder().decode(raw.lock.bytes) : undefined).lock;
  const files = raw.announcements.map((a) => ({ id: a.id, mdFile: a.md!.path, csvFile: a.csv!.path, md: a.md?.bytes, csv: a.csv?.bytes }));
  const { lock, added } = extendLock(current, files);
  if (added.length === 0) {
    fx.stdout('没有需要锁定的新公告。\n');
    return 0;
  }
  const target = join(root, LOCK_FILE);
  writeFileSync(`${target}.tmp`, formatLock(lock));
  renameSync(`${target}.tmp`, target);
  fx.stdout(`已锁定 ${added.length} 条公告：\n${added.map((id) => `  ${id}`).join('\n')}\n已发布的公告不能再修改；更正请用 npm run new -- --supersedes <编号>。\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
