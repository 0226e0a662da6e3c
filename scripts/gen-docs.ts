/**
 * `npm run gen-docs [-- --check]`: regenerates templates/<kind>.csv and the generated sections of
 * docs/发布指南.md (columns, front-matter keys, industries, problem codes) from the schemas and
 * the catalogue. With --check it writes nothing and exits 1 when a file is out of date.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GUIDE_PATH, renderGuide } from '../src/publish/guide.ts';
import { templateFiles } from '../src/publish/templates.ts';
import { fail, parseOptions, runIfMain, type Effects } from './cli.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));

export function main(argv: readonly string[], fx: Effects): number {
  const check = parseOptions(argv, { check: { type: 'boolean', default: false } }, 'npm run gen-docs -- [--check]').values.check;
  const guideFile = join(REPO, GUIDE_PATH);
  if (!existsSync(guideFile)) fail(`找不到 ${GUIDE_PATH}`);
  const files = new Map(templateFiles());
  files.set(GUIDE_PATH, renderGuide(readFileSync(guideFile, 'utf8')));
  const stale: string[] = [];
  for (const [path, content] of files) {
    const abs = join(REPO, path);
    if (existsSync(abs) && readFileSync(abs, 'utf8') === content) continue;
    stale.push(path);
    if (check) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(`${abs}.tmp`, content);
    renameSync(`${abs}.tmp`, abs);
  }
  if (check) {
    if (stale.length) fx.stdout(`以下文件不是最新的，请运行 npm run gen-docs：\n${stale.map((p) => `  ${p}`).join('\n')}\n`);
    else fx.stdout('发布指南和模板都是最新的。\n');
    return stale.length ? 1 : 0;
  }
  fx.stdout(stale.length ? `已更新：\n${stale.map((p) => `  ${p}`).join('\n')}\n` : '发布指南和模板都是最新的，未改动。\n');
  return 0;
}

await runIfMain(import.meta.url, main);
