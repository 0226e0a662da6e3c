/**
 * `npm run bench [-- --sizes 1000,10000] [--full] [--out docs/benchmarks.md]`: generates synthetic
 * data roots (npm run synth), then measures validation, the site build and search indexing, and
 * prints the numbers. With --full the 100,000-line size runs too. It asserts nothing: a benchmark
 * prints numbers, tests assert behaviour.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { readDataRoot, type RawFile } from '../src/read/load.ts';
import { validateDataRoot, validateRaw } from '../src/validate/validate.ts';
import { launch, serve } from '../tools/browser.ts';
import { parseOptions, runIfMain, type Effects } from './cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = ['--import', 'tsx'];

interface Step { seconds: number; peakMB: number }

/** Runs a command under GNU time; returns wall seconds and the peak RSS of it or any descendant. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Step {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 失败：\n${r.stdout}\n${r.stderr.slice(-4000)}`);
  const last = r.stderr.trim().split('\n').pop()!.split(' ');
  return { seconds: Number(last[0]), peakMB: Math.round(Number(last[1]) / 1024) };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const sizeOf = (dir: string) => walk(dir).reduce((n, f) => n + statSync(f).size, 0);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

interface ValidationVsParse {
  /** validateDataRoot: reading every file and every check. */
  validateMs: number;
  /** Reading the same files and parsing each one's text with papaparse alone. */
  readParseMs: number;
  /** validateRaw on the bytes already read. */
  validateRawMs: number;
  /** papaparse alone on the text of the same files, in memory. */
  parseAllMs: number;
  /** papaparse alone on the CSV text only, in memory (the strictest comparison). */
  parseCsvMs: number;
}

/**
 * Validation in-process against papaparse's bare parse of the same bytes (best of 5 rounds):
 * every file validation reads (.md, .csv, published.lock, reference tables) is read and parsed
 * by papaparse alone, from disk as validation reads it and in memory; and, strictest, the CSV
 * text alone in memory.
 */
function validationVsParse(data: string): ValidationVsParse {
  const raw = readDataRoot(data);
  const rawFiles = [
    ...raw.announcements.flatMap((a) => [a.md, a.csv]),
    raw.industries, raw.regions, raw.lock,
  ].filter((f): f is RawFile => f !== undefined);
  const paths = rawFiles.map((f) => join(data, f.path));
  const texts = rawFiles.map((f) => Buffer.from(f.bytes).toString('utf8'));
  const csvs = texts.filter((_, i) => rawFiles[i]!.path.endsWith('.csv'));
  const measures: Record<keyof ValidationVsParse, () => void> = {
    parseCsvMs: () => { for (const c of csvs) Papa.parse(c, { delimiter: ',' }); },
    parseAllMs: () => { for (const c of texts) Papa.parse(c, { delimiter: ',' }); },
    readParseMs: () => { for (const f of paths) Papa.parse(readFileSync(f, 'utf8'), { delimiter: ',' }); },
    validateRawMs: () => { validateRaw(raw); },
    validateMs: () => { validateDataRoot(data); },
  };
  // Rounds that take each measure in turn, so that a slow spell of the machine does not fall on
  // one side of a comparison only; the best of five rounds is kept for each.
  const best = Object.fromEntries(Object.keys(measures).map((k) => [k, Infinity])) as unknown as ValidationVsParse;
  for (let round = 0; round < 5; round++) {
    for (const [k, fn] of Object.entries(measures) as [keyof ValidationVsParse, () => void][]) {
      const t = performance.now();
      fn();
      best[k] = Math.min(best[k], Math.round(performance.now() - t));
    }
  }
  return best;
}

const ratio = (a: number, b: number) => +(a / b).toFixed(1);

/** Bytes a first search transfers in Chromium, the page itself and the Pagefind library included. */
async function queryBytes(site: string, query: string): Promise<{ bytes: number; requests: number }> {
  const [browser, server] = await Promise.all([launch(), serve(site)]);
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (res) => {
      try { bytes += (await res.body()).length; requests++; } catch { /* redirects have no body */ }
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelectorAll('#results li').length > 0, undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { bytes, requests };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** gzipped HTML + CSS of the median-sized county region page. */
function regionPageGzip(site: string): { path: string; bytes: number } {
  const dir = join(site, 'regions');
  const pages = readdirSync(dir).filter((c) => /^\d{4}(?!00)\d\d$/.test(c)).map((c) => ({ c, size: statSync(join(dir, c, 'index.html')).size })).sort((a, b) => a.size - b.size);
  const pick = pages[Math.floor(pages.length / 2)]!;
  const html = readFileSync(join(dir, pick.c, 'index.html'));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(site, m[1]!)));
  return { path: `/regions/${pick.c}/`, bytes: gzipSync(Buffer.concat([html, ...css]), { level: 9 }).length };
}

const USAGE = 'npm run bench -- [--sizes 1000,10000] [--full] [--out 文件] [--work 目录]，或 npm run bench -- --site 网站目录 [--query 查询]';

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const { values: opt } = parseOptions(argv, {
    sizes: { type: 'string', default: '1000,10000' }, full: { type: 'boolean', default: false }, out: { type: 'string' }, work: { type: 'string', default: '/tmp/phaseout-bench' },
    site: { type: 'string' }, query: { type: 'string', default: '水泥' },
  }, USAGE);
  // `--site DIR --query Q`: only the search figures of a site already built (e.g. the sample's dist/).
  const builtSite = opt.site;
  if (builtSite) {
    const query = opt.query;
    const q = await queryBytes(resolve(builtSite), query);
    fx.stdout(`Pagefind 索引 ${kb(sizeOf(join(resolve(builtSite), 'pagefind')))}；搜索“${query}”共传输 ${kb(q.bytes)}（${q.requests} 个请求，含页面与 Pagefind 程序）\n`);
    return 0;
  }
  const sizes = opt.sizes.split(',').map(Number);
  if (opt.full) sizes.push(100_000);
  const outFile = opt.out;
  const work = resolve(fx.cwd, opt.work);
  const rows: string[] = [];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  fx.stdout(`机器：${machine}\n`);
  for (const n of sizes) {
    const base = join(work, String(n));
    rmSync(base, { recursive: true, force: true });
    mkdirSync(base, { recursive: true });
    const data = join(base, 'data');
    const site = join(base, 'dist');
    fx.stdout(`\n== ${n} 行 ==\n`);
    const synth = timed(process.execPath, [...TSX, 'scripts/synth.ts', '--lines', String(n), '--seed', '1', '--out', data]);
    const validate = timed(process.execPath, [...TSX, 'scripts/validate.ts', '--data', data, '--format', 'json']);
    const vp = validationVsParse(data);
    const build = timed(process.execPath, [...TSX, 'scripts/build.ts', '--data', data, '--out', site], { PHASEOUT_BENCH_TIMINGS: join(base, 'steps.json') });
    const steps = JSON.parse(readFileSync(join(base, "steps.json"), "utf8")) as { astroSeconds: number; searchSeconds: number };
    const html = walk(site).filter((f) => f.endsWith('.html')).length;
    const files = walk(site).length;
    const distBytes = sizeOf(site);
    const indexBytes = sizeOf(join(site, 'pagefind'));
    // A typical query: part of the name of the enterprise in the middle of the combined download.
    const lineRows = readFileSync(join(site, 'data/lines.csv'), 'utf8').split('\r\n');
    const name = lineRows[Math.floor(lineRows.length / 2)]!.split(',')[3]!;
    const query = name.includes('合成') ? name.slice(name.indexOf('合成') + 2, name.indexOf('合成') + 6) : name.slice(0, 4);
    const q = await queryBytes(site, query);
    const region = regionPageGzip(site);
    const result = {
      lines: n, synth, validate, ...vp, ratio: ratio(vp.validateMs, vp.readParseMs), ratioInMemory: ratio(vp.validateRawMs, vp.parseAllMs), ratioCsvOnly: ratio(vp.validateRawMs, vp.parseCsvMs), build, steps, html, files,
      dist: distBytes, index: indexBytes, query, queryBytes: q.bytes, queryRequests: q.requests, region,
    };
    fx.stdout(`${JSON.stringify(result, null, 1)}\n`);
    rows.push(
      `| ${n.toLocaleString('en')} | ${validate.seconds} s / ${validate.peakMB} MB | ${vp.validateMs} ms vs ${vp.readParseMs} ms (**${result.ratio}×**); in memory ${vp.validateRawMs} ms vs ${vp.parseAllMs} ms (${result.ratioInMemory}×), vs ${vp.parseCsvMs} ms for the CSV text alone (${result.ratioCsvOnly}×) | ${build.seconds} s / ${build.peakMB} MB | ${steps.astroSeconds} s | ${steps.searchSeconds} s | ${html.toLocaleString('en')} (${Math.round(html / steps.astroSeconds)}/s) | ${mb(distBytes)} (${files.toLocaleString('en')} files) | ${mb(indexBytes)} | ${kb(q.bytes)} (${q.requests} requests, “${query}”) | ${kb(region.bytes)} |`,
    );
  }
  const table = [
    '| lines | validate: wall / peak RSS | validation vs papaparse alone parsing the same files | build end to end: wall / peak RSS | astro build | search index | HTML pages (per s) | dist/ | Pagefind index | first search transfers | region page HTML+CSS gzipped |',
    '| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  fx.stdout(`\n${table}\n`);
  if (outFile) writeFileSync(outFile, `<!-- generated by npm run bench on ${machine} -->\n${table}\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
