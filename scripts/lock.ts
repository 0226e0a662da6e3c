/**
 * `npm run lock [-- --data DIR]`: records new announcements in published.lock, and what the rows
 * of every published announcement resolve to (industries, regions) under its `_references` key.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extendLock, formatLock, LOCK_FILE } from '../src/validate/lock.ts';
import { collectReferences, mergeReferences } from '../src/validate/references.ts';
import { readDataRoot } from '../src/read/load.ts';
import { formatText } from '../src/output/report.ts';
import { validateRaw } from '../src/validate/validate.ts';
import { dataRoot, parseOptions, runIfMain, type Effects } from './cli.ts';
import { dayInChina } from '../src/i18n/format.ts';

export function main(argv: readonly string[], fx: Effects): number {
  const { values } = parseOptions(argv, { data: { type: 'string' } }, 'npm run lock -- [--data 目录]');
  const root = dataRoot(values.data, fx);
  const raw = readDataRoot(root);
  const record = validateRaw(raw, { today: dayInChina(fx.now()) });
  const { report } = record;
  if (report.errors > 0) {
    fx.stdout(formatText({ ...report, problems: report.problems.filter((p) => p.severity === 'error') }, { dataDir: root }));
    fx.stdout('有错误的数据不能锁定。请先改正上面的错误。\n');
    return 1;
  }
  const current = record.lock;
  const files = raw.announcements.map((a) => ({ id: a.id, mdFile: a.md!.path, csvFile: a.csv!.path, md: a.md?.bytes, csv: a.csv?.bytes }));
  const { lock, added } = extendLock(current, files);
  const recorded = record.references;
  const references = mergeReferences(recorded, collectReferences(record.announcements, (id) => Object.hasOwn(lock, id), record.taxonomy, record.regions));
  const text = formatLock(lock, references);
  const before = raw.lock ? new TextDecoder().decode(raw.lock.bytes) : undefined;
  if (added.length === 0 && text === before) {
    fx.stdout('没有需要锁定的新公告。\n');
    return 0;
  }
  const target = join(root, LOCK_FILE);
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  if (added.length === 0) {
    fx.stdout('没有新公告；已在 published.lock 中记下已发布公告所用的行业和地区（_references）。\n');
    return 0;
  }
  fx.stdout(`已锁定 ${added.length} 条公告：\n${added.map((id) => `  ${id}`).join('\n')}\n已发布的公告不能再修改；更正请用 npm run new -- --supersedes <编号>。\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
