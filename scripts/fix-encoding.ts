/** `npm run fix-encoding -- FILE…`: rewrites GBK/GB18030 (or BOM-prefixed) files as UTF-8. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { toUtf8 } from '../src/read/encoding.ts';
import { fail, run } from './cli.ts';

await run(() => {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (files.length === 0) fail('请给出要转换的文件，如 npm run fix-encoding -- data/announcements/2025/2025-532300-plan.csv');
  let status = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      process.stderr.write(`找不到文件：${file}\n`);
      status = 2;
      continue;
    }
    try {
      const converted = toUtf8(bytes);
      if (!converted) {
        process.stdout.write(`${file}：已经是 UTF-8，未改动。\n`);
        continue;
      }
      writeFileSync(`${file}.tmp`, converted.text.replace(/^\ufeff/, ''));
      renameSync(`${file}.tmp`, file);
      process.stdout.write(`${file}：已从 ${converted.from === 'gb18030' ? 'GBK/GB18030' : '带 BOM 的 UTF-8'} 转为 UTF-8。\n`);
    } catch (e) {
      process.stderr.write(`${file}：${(e as Error).message}\n`);
      status = 1;
    }
  }
  return status;
});
