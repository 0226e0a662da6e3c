/**
 * The build, in one process: read and validate the data root once, derive the model once, hand it
 * to the pages, let Astro render the HTML pages, then write the machine outputs and the search
 * index from the same model — all into a temporary folder that replaces the output folder only
 * when every step succeeded.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatText } from '../output/report.ts';
import { buildModel } from '../derive/model.ts';
import { validateDataRoot } from '../validate/validate.ts';
import { policySlugs, provideSiteData } from '../site/record.ts';
import { pagePaths, sitemapEntries } from '../site/routes.ts';
import { pageRootPatterns } from '../output/hosting.ts';
import { buildOutputs } from './outputs.ts';
import { workbookJobs } from '../output/site-files.ts';
import { startWorkbooks } from './workbook-pool.ts';
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
  /** Resident memory (MB) at the end of each step, for the benchmark. */
  memory: Record<string, number>;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export async function buildSite(o: BuildOptions): Promise<BuildResult> {
  const steps: Record<string, number> = {};
  const memory: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = seconds(now - t);
    memory[name] = Math.round(process.memoryUsage.rss() / 1048576);
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
  rmSync(tmp, { recursive: true, force: true });
  const site = new URL(o.site);
  // The workbooks need only the model: a worker thread writes them while Astro renders the pages.
  const workbooks = startWorkbooks(workbookJobs(model, site));
  try {
    const policies = policySlugs(join(o.repo, 'content/policies'));
    provideSiteData({ model, report, policies });
    const { build } = await import('astro');
    await build({ root: o.repo, outDir: tmp, site: o.site, logLevel: 'warn', mode: 'production' });
    lap('astro');
    const routeCtx = { model, policies };
    const ctx = { site, sitemap: sitemapEntries(routeCtx), pageRoots: pageRootPatterns([...pagePaths(routeCtx)].map((p) => p.path)), renderWorkbook: workbooks.render };
    const written = await writeSiteFiles(tmp, buildOutputs(model, ctx, o.repo));
    o.log(`下载、订阅源和站点地图：${written.files} 个文件。\n`);
    lap('outputs');
    const { records, codes } = await writeSearchIndex(model, tmp, join(o.repo, 'content/policies'));
    o.log(`搜索索引：${records} 条记录，${codes} 个统一社会信用代码。\n`);
    lap('search');
    writeFileSync(join(tmp, SITE_MARKER), '');
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`生成网站失败：${(e as Error).message}；原有的网站保持不变`, { cause: e });
  } finally {
    provideSiteData(undefined);
    await workbooks.close();
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
