/**
 * `npm run precompress -- 网站目录`: writes a gzip copy beside each large text file of a built site
 * (`lines.csv.gz`), for nginx's `gzip_static on` (docs/部署指南.md). Run it on the built folder
 * before copying it to nginx; other hosts do not use the copies, so the build does not make them
 * (src/output/precompress.ts says which files get one). Running it again rewrites the same bytes.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { precompressed } from '../src/output/precompress.ts';
import { fail, parseOptions, runIfMain, type Effects } from './cli.ts';

/** Every file below `dir`, as site paths (`/data/lines.csv`), sorted. */
function sitePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(`/${relative(dir, join(d, e.name)).split('\\').join('/')}`);
    }
  };
  walk(dir);
  return out;
}

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const { positionals } = parseOptions(argv, {}, 'npm run precompress -- 网站目录', true);
  if (positionals.length !== 1) fail('请给出生成好的网站目录，如 npm run precompress -- dist');
  const site = resolve(fx.cwd, positionals[0]!);
  let paths: string[];
  try {
    paths = sitePaths(site);
  } catch {
    fail(`找不到网站目录：${positionals[0]}。请先运行 npm run build。`);
  }
  let files = 0;
  let bytes = 0;
  for (const path of paths) {
    if (path.endsWith('.gz')) continue;
    const gz = await precompressed({ path, mediaType: '', content: readFileSync(join(site, path)) });
    if (!gz) continue;
    const file = join(site, gz.path);
    writeFileSync(`${file}.tmp`, gz.content);
    renameSync(`${file}.tmp`, file);
    files++;
    bytes += typeof gz.content === 'string' ? Buffer.byteLength(gz.content) : gz.content.byteLength;
  }
  fx.stdout(`已为 ${files} 个大文件写出 gzip 副本（共 ${(bytes / 1048576).toFixed(1)} MB），供 nginx 的 gzip_static 使用。\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
