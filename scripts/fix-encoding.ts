/** `npm run fix-encoding -- FILE…`: rewrites GBK/GB18030 (or BOM-prefixed) files as UTF-8. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toUtf8 } from '../src/read/encoding.ts';
import { fail, parseOptions, runIfMain, type Effects } from './cli.ts';

export function main(argv: readonly string[], fx: Effects): number {
  const { positionals: files } = parseOptions(argv, {}, 'npm run fix-encoding -- 文件…', true);
  if (files.length === 0) fail('请给出要转换的文件，如 npm run fix-encoding -- data/announcements/2025/2025-532300-plan.csv');
  let status = 0;
  for (const file of files) {
    const path = resolve(fx.cwd, file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      fx.stderr(`找不到文件：${file}\n`);
      status = 2;
      continue;
    }
    try {
      const converted = toUtf8(bytes);
      if (!converted) {
        fx.stdout(`${file}：已经是 UTF-8，未改动。\n`);
        continue;
      }
      writeFileSync(`${path}.tmp`, converted.text.replace(/^\ufeff/, ''));
      renameSync(`${path}.tmp`, path);
      fx.stdout(`${file}：已从 ${converted.from === 'gb18030' ? 'GBK/GB18030' : '带 BOM 的 UTF-8'} 转为 UTF-8。\n`);
    } catch (e) {
      fx.stderr(`${file}：${(e as Error).message}\n`);
      status = 1;
    }
  }
  return status;
}

await runIfMain(import.meta.url, main);
