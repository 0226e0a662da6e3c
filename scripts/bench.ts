/**
 * `npm run bench [-- --sizes 1000,10000] [--full] [--out FILE] [--work DIR]`: generates synthetic
 * data roots (npm run synth), then measures validation, the site build against a bare Astro build
 * of as many trivial pages, the output, and search, and prints the numbers. With --full the
 * 100,000-line size runs too. It asserts nothing: a benchmark prints numbers, tests assert
 * behaviour. Each measure lives in a module of tools/bench/.
 *
 * `npm run bench -- --site DIR [--query Q]`: only the search figures of a site already built.
 * `npm run bench -- --lighthouse DIR`: Lighthouse (mobile) on the pages of a site already built
 * (tools/bench/lighthouse.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { bareAstroBuild } from '../tools/bench/bare-astro.ts';
import { kb, mb, ratio, sizeOf, timed, TSX, walk } from '../tools/bench/measure.ts';
import { regionPageGzip } from '../tools/bench/site.ts';
import { browserFigures, describe as describeSearch, queriesFor, searchFigures } from '../tools/bench/search.ts';
import { validationVsParse } from '../tools/bench/validation.ts';
import { outputFigures, outputSummary } from '../tools/bench/output.ts';
import { watchlistsCost } from '../tools/bench/watchlists.ts';
import { lighthouseSite, lighthouseTable } from '../tools/bench/lighthouse.ts';
import { parseOptions, runIfMain, type Effects } from './cli.ts';

const USAGE = 'npm run bench -- [--sizes 1000,10000] [--full] [--out 文件] [--work 目录]，或 npm run bench -- --site 网站目录 [--query 查询]，或 npm run bench -- --lighthouse 网站目录';

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const { values: opt } = parseOptions(argv, {
    sizes: { type: 'string', default: '1000,10000' }, full: { type: 'boolean', default: false }, out: { type: 'string' }, work: { type: 'string', default: '/tmp/phaseout-bench' },
    site: { type: 'string' }, query: { type: 'string', multiple: true }, lighthouse: { type: 'string' },
  }, USAGE);
  if (opt.lighthouse) {
    fx.stdout(`${lighthouseTable(opt.lighthouse, await lighthouseSite(resolve(fx.cwd, opt.lighthouse)))}\n`);
    return 0;
  }
  if (opt.site) {
    const site = resolve(fx.cwd, opt.site);
    fx.stdout(`${JSON.stringify(await browserFigures(site, opt.query ?? queriesFor(site)), null, 1)}\n`);
    return 0;
  }
  const sizes = opt.sizes.split(',').map(Number);
  if (opt.full) sizes.push(100_000);
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
    const build = timed(process.execPath, [...TSX, 'scripts/build.ts', '--preview', '--data', data, '--out', site], { PHASEOUT_BENCH_TIMINGS: join(base, 'steps.json') });
    const { seconds: steps, rssMB } = JSON.parse(readFileSync(join(base, 'steps.json'), 'utf8')) as { seconds: Record<string, number>; rssMB: Record<string, number> };
    const files = walk(site);
    const html = files.filter((f) => f.endsWith('.html')).length;
    // The yardstick, right after: a bare Astro project rendering as many trivial pages.
    const bare = bareAstroBuild(join(base, 'bare'), html);
    const distBytes = sizeOf(site);
    const search = await searchFigures(data, site);
    fx.stdout(`${describeSearch(search)}\n`);
    const q = search.browser.first;
    const query = q.query;
    const region = regionPageGzip(site);
    const result = {
      lines: n, synth, validate, ...vp, validationRatio: ratio(vp.validateMs, vp.readParseMs), build, steps, rssMB, bare, buildRatio: ratio(build.seconds, bare.seconds),
      html, files: files.length, dist: distBytes, query, queryBytes: q.bytes, queryRequests: q.requests, region, search,
      releaseFiles: watchlistsCost(data),
    };
    fx.stdout(`${JSON.stringify(result, null, 1)}\n`);
    fx.stdout(outputSummary(outputFigures(site)));
    rows.push(
      `| ${n.toLocaleString('en')} | ${validate.seconds} s / ${validate.peakMB} MB | ${vp.validateMs} ms vs ${vp.readParseMs} ms (${result.validationRatio}×) | ${build.seconds} s / ${build.peakMB} MB | ${Object.entries(steps).map(([k, s]) => `${k} ${s}`).join(', ')} | ${bare.seconds} s / ${bare.peakMB} MB | **${result.buildRatio}×** | ${html.toLocaleString('en')} | ${mb(distBytes)} (${files.length.toLocaleString('en')} files) | ${kb(q.bytes)} (“${query}”) | ${kb(region.bytes)} |`,
    );
  }
  const table = [
    '| lines | validate: wall / peak RSS | validateDataRoot vs papaparse on the same files | build end to end: wall / peak RSS | steps (s) | bare Astro, same number of pages | build ÷ bare | HTML pages | output | first search transfers | region page HTML+CSS gzipped |',
    '| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  fx.stdout(`\n${table}\n`);
  if (opt.out) writeFileSync(resolve(fx.cwd, opt.out), `<!-- generated by npm run bench on ${machine} -->\n${table}\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
