/**
 * `npm run build [-- --data DIR] [--out DIR] [--preview]`: validate the data root, render the site
 * and write its downloads and search index in one process, into a temporary folder that replaces
 * the output folder (default dist/) only when every step succeeded.
 *
 * A production build needs PHASEOUT_SITE, the public origin (https://…) that feeds, sitemaps and
 * citations link to; without it the build refuses. `--preview` builds for http://localhost:4321
 * instead, and says loudly that the result is not for publishing.
 *
 * One build at a time writes an output folder: a second one waits for the first (the lock file
 * `<out>.lock` names the owner's pid). Folders left by interrupted builds are removed.
 */
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { acquireBuildLock, lockPath, processAlive, refuseOutDir, removeStaleFolders } from '../src/build/guard.ts';
import { buildSite } from '../src/build/pipeline.ts';
import { dayInChina } from '../src/i18n/format.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const PREVIEW_SITE = 'http://localhost:4321';

/** The public origin: PHASEOUT_SITE, checked; or the preview origin with a loud warning. */
export function siteOrigin(env: Effects['env'], preview: boolean, warn: (s: string) => void): string {
  const given = env.PHASEOUT_SITE?.trim();
  if (given) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      fail(`PHASEOUT_SITE 不是有效的网址：${given}。应写成 https://phaseout.example.gov.cn 这样的网站地址`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`PHASEOUT_SITE 应以 https:// 开头：${given}`);
    if (url.pathname !== '/' || url.search || url.hash) fail(`PHASEOUT_SITE 只写网站的根地址，不带路径：${given}`);
    return url.origin;
  }
  if (!preview) {
    fail('正式生成网站需要设置环境变量 PHASEOUT_SITE（网站的公开地址，如 https://phaseout.example.gov.cn），订阅源、站点地图和引用链接都以它为准。只在本机预览时请运行 npm run preview，或加 --preview');
  }
  warn(`\n注意：这是预览版本。没有设置 PHASEOUT_SITE，订阅源、站点地图和引用中的链接都指向 ${PREVIEW_SITE}，不能用于正式发布。\n\n`);
  return PREVIEW_SITE;
}

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const { values } = parseOptions(argv, {
    data: { type: 'string' }, out: { type: 'string', default: 'dist' }, preview: { type: 'boolean', default: false },
  }, 'npm run build -- [--data 目录] [--out 目录] [--preview]');
  const root = dataRoot(values.data, fx);
  const out = resolve(fx.cwd, values.out);
  const site = siteOrigin(fx.env, values.preview, fx.stderr);
  const refused = refuseOutDir(out, { dataRoot: root, repo: REPO });
  if (refused) fail(`${refused}：${values.out}`);

  const release = await acquireBuildLock(out, {
    pid: process.pid,
    alive: processAlive,
    sleep: (ms) => sleep(ms),
    waiting: (owner) => fx.stderr(`另一个生成过程（进程 ${owner}）正在写入 ${values.out}，等它完成后再开始…（锁文件 ${lockPath(out)}）\n`),
  });
  if (!release) fail(`等待另一个生成过程超时：锁文件 ${lockPath(out)}`);
  try {
    for (const name of removeStaleFolders(out, processAlive)) fx.stdout(`已清除中断的生成过程留下的目录 ${name}\n`);
    const result = await buildSite({ dataRoot: root, out, repo: REPO, site, today: dayInChina(fx.now()), pid: process.pid, log: fx.stdout });
    if (result.status === 0) fx.stdout(`网站已生成：${values.out}（${Object.entries(result.steps).map(([k, s]) => `${k} ${s} s`).join('，')}）\n`);
    // For npm run bench: how long each step took.
    if (fx.env.PHASEOUT_BENCH_TIMINGS) writeFileSync(fx.env.PHASEOUT_BENCH_TIMINGS, JSON.stringify({ seconds: result.steps, rssMB: result.memory }));
    return result.status;
  } finally {
    release();
  }
}

await runIfMain(import.meta.url, main);
