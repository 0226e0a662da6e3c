/**
 * `npm run precompress -- 网站目录`: writes a gzip copy beside each large text file of a built site
 * (`lines.csv.gz`), for nginx's `gzip_static on` (docs/部署指南.md). Run it on the built folder
 * before copying it to nginx; other hosts do not use the copies, so the build does not make them
 * (src/output/precompress.ts says which files get one). Running it again rewrites the same bytes.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtFiles } from '../src/output/manifest.ts';
import { getsCopy, gzipped } from '../src/output/precompress.ts';
import { fail, parseOptions, runIfMain, type Effects } from './cli.ts';

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const { positionals } = parseOptions(argv, {}, 'npm run precompress -- 网站目录', true);
  if (positionals.length !== 1) fail('请给出生成好的网站目录，如 npm run precompress -- dist');
  const site = resolve(fx.cwd, positionals[0]!);
  let paths: string[];
  try {
    paths = builtFiles(site).map((rel) => `/${rel}`);
  } catch {
    fail(`找不到网站目录：${positionals[0]}。请先运行 npm run build。`);
  }
  let files = 0;
  let bytes = 0;
  for (const path of paths) {
    // Only the few large files are read: a national site has 120,000 small ones.
    if (path.endsWith('.gz') || !getsCopy(path, statSync(join(site, path)).size)) continue;
    const content = await gzipped(readFileSync(join(site, path)));
    const file = join(site, `${path}.gz`);
    writeFileSync(`${file}.tmp`, content);
    renameSync(`${file}.tmp`, file);
    files++;
    bytes += content.byteLength;
  }
  fx.stdout(`已为 ${files} 个大文件写出 gzip 副本（共 ${(bytes / 1048576).toFixed(1)} MB），供 nginx 的 gzip_static 使用。\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
