/**
 * The build, in one process: read and validate the data root once, derive the model once; write
 * the national machine outputs and the search index from it (a worker thread writes the regions'
 * workbooks meanwhile), hand it to the pages and let Astro render them, then add the regions'
 * files and the checksums — all into a temporary folder that replaces the output folder only
 * when every step succeeded. docs/architecture.md ("Scale") says why in this order.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { formatText } from '../output/report.ts';
import { buildModel } from '../derive/model.ts';
import { validateDataRoot } from '../validate/validate.ts';
import { policySlugs, provideSiteData } from '../site/record.ts';
import { pagePaths, sitemapEntries } from '../site/routes.ts';
import { pageRootPatterns } from '../output/hosting.ts';
import { buildOutputs } from './outputs.ts';
import { workbookPlan } from '../output/site-files.ts';
import { t } from '../i18n/zh-CN.ts';
import { startWorkbooks, type WorkbookPool } from './workbook-pool.ts';
import { writeSiteFiles } from './write.ts';
import { writeSearchIndex } from '../search/write-index.ts';
import { SITE_MARKER } from './guard.ts';

export interface BuildOptions {
  dataRoot: string;
  /** The output folder, replaced on success. */
  out: string;
  /** The project folder (astro.config.mjs, src/, content/). */
  repo: string;
  /** The public origin pages and feeds link to. */
  site: string;
  /** The day of the build in China (YYYY-MM-DD): a publication date after it is implausible. */
  today: string;
  pid: number;
  log(text: string): void;
}

export interface BuildResult {
  status: 0 | 1;
  /** Seconds per step, for the benchmark. */
  steps: Record<string, number>;
  /**
   * Resident memory (MB) for the benchmark: the most seen during each step, sampled every 100 ms
   * when the step yields (Astro, writing files) and at its end (the synchronous steps: validate,
   * derive).
   */
  memory: Record<string, number>;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * A full garbage collection. Before Astro, what the national files left (hundreds of MB at
 * national scale) is freed at once, so the pages reuse that memory instead of growing the
 * process past it. Node offers `gc` only to code started with --expose-gc; the flag can be set at
 * run time, and a new context then has the function.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Moves every file of `from` to the same place under `to`, then removes `from`. A folder that
 * `to` does not have moves whole; a file that `to` already has is an error (the pages and the
 * other outputs never share a path).
 */
export function moveInto(from: string, to: string): void {
  const folders: string[] = [''];
  for (let rel = folders.pop(); rel !== undefined; rel = folders.pop()) {
    for (const e of readdirSync(join(from, rel), { withFileTypes: true })) {
      const name = join(rel, e.name);
      const target = join(to, name);
      if (!existsSync(target)) renameSync(join(from, name), target);
      else if (e.isDirectory()) folders.push(name);
      else throw new Error(t.build.pathClash(`/${name}`));
    }
  }
  rmSync(from, { recursive: true, force: true });
}

export async function buildSite(o: BuildOptions): Promise<BuildResult> {
  const memory: Record<string, number> = {};
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  sampler.unref();
  const step = (name: string) => {
    memory[name] = Math.round(Math.max(peak, process.memoryUsage.rss()) / 1048576);
    peak = 0;
  };
  try {
    return await buildSteps(o, step, memory);
  } finally {
    clearInterval(sampler);
  }
}

async function buildSteps(o: BuildOptions, step: (name: string) => void, memory: Record<string, number>): Promise<BuildResult> {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = seconds(now - t);
    step(name);
    t = now;
  };
  const record = validateDataRoot(o.dataRoot, { today: o.today });
  lap('validate');
  const { report } = record;
  if (report.errors > 0) {
    o.log(formatText(report, { dataDir: relative(o.repo, o.dataRoot) || '.' }));
    o.log('数据有错误，没有生成网站；原有的网站（如有）保持不变。\n');
    return { status: 1, steps, memory };
  }
  o.log(`数据检查通过（${report.warnings} 个提示），开始生成网站…\n`);
  const model = buildModel(record);
  lap('derive');

  const out = resolve(o.out);
  const tmp = `${out}.tmp-${o.pid}`;
  // Astro empties its output folder first: what is written before it goes here, and is moved in after.
  const staged = `${out}.files-${o.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(staged, { recursive: true, force: true });
  const site = new URL(o.site);
  // The regions' workbooks need only the model: a worker thread writes them meanwhile.
  let workbooks: WorkbookPool | undefined;
  try {
    const plan = workbookPlan(model, site);
    workbooks = startWorkbooks(plan.paths, plan.job);
    const policies = policySlugs(join(o.repo, 'content/policies'));
    const routeCtx = { model, policies };
    const ctx = { site, sitemap: sitemapEntries(routeCtx), pageRoots: pageRootPatterns([...pagePaths(routeCtx)].map((p) => p.path)), renderWorkbook: workbooks.render };
    const outputs = buildOutputs(model, ctx, o.repo);
    // The national downloads and the search index first, while memory holds only the model;
    // then the pages reuse what those freed.
    const early = await writeSiteFiles(staged, outputs.early, collectGarbage);
    lap('outputs');
    const { records, codes } = await writeSearchIndex(model, staged, join(o.repo, 'content/policies'));
    o.log(`搜索索引：${records} 条记录，${codes} 个统一社会信用代码。\n`);
    lap('search');
    collectGarbage();
    provideSiteData({ model, report, policies });
    const { build } = await import('astro');
    await build({ root: o.repo, outDir: tmp, site: o.site, logLevel: 'warn', mode: 'production' });
    lap('astro');
    moveInto(staged, tmp);
    const late = await writeSiteFiles(tmp, outputs.late);
    o.log(`下载、订阅源和站点地图：${early.files + late.files} 个文件。\n`);
    lap('regions');
    writeFileSync(join(tmp, SITE_MARKER), '');
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(staged, { recursive: true, force: true });
    throw new Error(`生成网站失败：${(e as Error).message}；原有的网站保持不变`, { cause: e });
  } finally {
    provideSiteData(undefined);
    await workbooks?.close();
  }
  const old = `${out}.old-${o.pid}`;
  mkdirSync(dirname(out), { recursive: true });
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  // The previous site is deleted by a process of its own: removing a national site's 100,000
  // files takes longer than writing them. Should it be interrupted, the next build removes the
  // folder (src/build/guard.ts, removeStaleFolders).
  if (existsSync(old)) spawn('rm', ['-rf', '--', old], { detached: true, stdio: 'ignore' }).unref();
  lap('swap');
  return { status: 0, steps, memory };
}
