/**
 * Search figures (issue 14), for `npm run bench` at each size:
 * - recall, the issue's definition over 500 sampled enterprises (`checkRecall`, also the unit test's);
 * - the index build: time, memory and files of the name index and of Pagefind (in a process of its own);
 * - in Chromium on the built site: the bytes of the first search (every response body, the page,
 *   its script and the index files, uncompressed and gzipped) and of each further query; the time
 *   from a keystroke to the results with the CPU throttled 4× (Emulation.setCPUThrottlingRate);
 *   the layout shift while typing.
 *
 * Times in the browser are taken in the page: from the input event's time stamp to the page's
 * `search:results` mark (the results are in the document), and to the frame after it (painted).
 * Asserts nothing. `npx tsx tools/bench/search.ts --site DIR` prints the browser figures of a
 * built site; `--index DATA --out DIR` is the index build the bench runs in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, serve } from '../browser.ts';
import { kb, ROOT, TSX, walk } from './measure.ts';
import { buildModel, type Model } from '../../src/derive/model.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { readPolicyTexts } from '../../src/read/policies.ts';
import { fold } from '../../src/search/fold.ts';
import { PAGE_SIZE, SearchEngine, type Outcome } from '../../src/search/engine.ts';
import { fullTextBundles, writeFullTextIndex, writeNameIndex } from '../../src/search/write-index.ts';
import { fullTextDocuments } from '../../src/search/fulltext.ts';

// --- Recall ----------------------------------------------------------------------------------

export interface Recall {
  enterprises: number;
  /** Parts of names checked, and of them failing. */
  checked: number;
  failures: string[];
}

/** An engine over the files of an index written to a folder. */
export const engineOver = (site: string) => SearchEngine.open(async (p) => {
  try {
    return new Uint8Array(readFileSync(join(site, p)));
  } catch {
    return undefined;
  }
});

/**
 * Issue 14's recall: `sample` enterprises spread over the record; every part of each name 2 to 6
 * characters long. A part at most 20 names contain must list the enterprise on the first page; for
 * a part more names contain, the count of enterprises matched by name must be the true count.
 */
export async function checkRecall(model: Model, engine: SearchEngine, sample = 500): Promise<Recall> {
  // The true answer: how many enterprises have a name (current or former) containing each part.
  const holders = new Map<string, number>();
  for (const e of model.enterprises) {
    const names = new Set(e.lines.flatMap((l) => l.mentions.map((m) => fold(m.row.enterprise_name, engine.ts))));
    const parts = new Set<string>();
    for (const n of names) for (let i = 0; i < n.length; i++) for (let len = 2; len <= 6 && i + len <= n.length; len++) parts.add(n.slice(i, i + len));
    for (const p of parts) holders.set(p, (holders.get(p) ?? 0) + 1);
  }
  const step = Math.max(1, Math.floor(model.enterprises.length / sample));
  const chosen = model.enterprises.filter((_, i) => i % step === 0).slice(0, sample);
  const answers = new Map<string, Outcome>();
  const failures: string[] = [];
  let checked = 0;
  for (const e of chosen) {
    const name = fold(e.name, engine.ts);
    for (let i = 0; i < name.length; i++) {
      for (let len = 2; len <= 6 && i + len <= name.length; len++) {
        const part = name.slice(i, i + len);
        let o = answers.get(part);
        if (!o) answers.set(part, (o = await engine.search(part)));
        const truth = holders.get(part)!;
        checked++;
        if (o.byName !== truth) failures.push(`${part}: ${o.byName} shown, ${truth} true`);
        else if (truth <= PAGE_SIZE && !o.items.some((x) => x.href === `/enterprises/${e.key}/`)) failures.push(`${part}: ${e.name} not on the first page`);
      }
    }
  }
  return { enterprises: chosen.length, checked, failures };
}

// --- The index build, in a process of its own --------------------------------------------------

export interface IndexFigures {
  /** Resident memory with the record and the model loaded, before the index. */
  modelMB: number;
  name: { seconds: number; addedMB: number; files: number; bytes: number; internalKeys: number; leaves: number };
  pagefind: { seconds: number; peakMB: number; files: number; bytes: number; documents: number; bundles: number };
  recall: { enterprises: number; checked: number; failures: number; first: string[] };
}

/** Resident memory of the descendants of this process (Pagefind runs as a child), in MB. */
function childrenMB(): number {
  let kbs = 0;
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const mine = (pid: number): boolean => pid === process.pid || (parent.has(pid) && pid > 1 && mine(parent.get(pid)!));
  for (const pid of parent.keys()) {
    if (pid === process.pid || !mine(pid)) continue;
    try {
      kbs += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch { /* gone */ }
  }
  return kbs / 1024;
}

/**
 * The peak resident memory of this process while `run` runs, sampled every 20 ms by a thread of
 * its own (the name index is written in one synchronous call, so the main thread cannot sample).
 */
async function peakDuring<T>(run: () => T): Promise<{ value: T; peakMB: number }> {
  const code = `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
    let peak = 0; const read = () => { peak = Math.max(peak, Number(/VmRSS:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1])); };
    setInterval(read, 20); parentPort.on('message', () => { read(); parentPort.postMessage(peak); process.exit(0); }); parentPort.postMessage('ready');`;
  const worker = new Worker(code, { eval: true });
  await new Promise((ok) => worker.once('message', ok));
  const value = run();
  const peak = await new Promise<number>((ok) => {
    worker.once('message', ok);
    worker.postMessage('peak');
  });
  return { value, peakMB: peak / 1024 };
}

async function indexFigures(data: string, out: string): Promise<IndexFigures> {
  const model = buildModel(validateDataRoot(data));
  const policies = readPolicyTexts(join(ROOT, 'content/policies'));
  global.gc?.();
  const before = process.memoryUsage().rss;
  let t = performance.now();
  const bundles = fullTextBundles(fullTextDocuments(model, policies));
  const { value: name, peakMB } = await peakDuring(() => writeNameIndex(model, policies, out, bundles.map((b) => b.path).slice(1)));
  const nameSeconds = (performance.now() - t) / 1000;
  const addedMB = peakMB - before / 1048576;
  let pagefindPeak = 0;
  const sampler = setInterval(() => (pagefindPeak = Math.max(pagefindPeak, childrenMB())), 100);
  t = performance.now();
  const full = await writeFullTextIndex(bundles, out);
  const pagefindSeconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const pf = walk(join(out, 'pagefind'));
  const recall = await checkRecall(model, await engineOver(out));
  return {
    modelMB: Math.round(before / 1048576),
    name: { seconds: +nameSeconds.toFixed(1), addedMB: Math.max(0, Math.round(addedMB)), files: name.files, bytes: name.bytes, internalKeys: name.internalKeys, leaves: name.leaves },
    pagefind: { seconds: +pagefindSeconds.toFixed(1), peakMB: Math.round(pagefindPeak), files: pf.length, bytes: pf.reduce((n, f) => n + readFileSync(f).length, 0), documents: full.documents, bundles: bundles.length },
    recall: { enterprises: recall.enterprises, checked: recall.checked, failures: recall.failures.length, first: recall.failures.slice(0, 5) },
  };
}

// --- In the browser -----------------------------------------------------------------------------

export interface QueryFigure {
  query: string;
  total: number;
  /** Bytes fetched for it (uncompressed), and requests. */
  bytes: number;
  requests: number;
  /** Input event to results in the document, and to the frame after, CPU throttled 4×. */
  ms: number;
  paintMs: number;
}

export interface BrowserFigures {
  first: { query: string; total: number; bytes: number; gzip: number; requests: number; files: { path: string; bytes: number }[] };
  /** Each query committed at once (as an input method commits a word), files not yet fetched. */
  further: QueryFigure[];
  /** The queries typed key by key, 150 ms apart, on a fresh page: each keystroke's time to its results (median, 90th percentile, max). */
  keystroke: { keys: number; median: number; p90: number; max: number; paintMedian: number; paintP90: number; paintMax: number; slowest: string[] };
  /** A filter chosen, and the last page of a common query. */
  filter: QueryFigure;
  lastPage: QueryFigure;
  /** Words of a title: Pagefind loaded and searched (time from Node, CPU throttled 4×). */
  fullText: { query: string; ms: number; bytes: number; requests: number; results: number };
  /** Layout shift over the whole session, without shifts within 0.5 s of an input (as CLS counts them), and all of them. */
  cls: number;
  allShifts: number;
  /** Each shift: value, time, the elements that moved. */
  shifts: string[];
}

/**
 * Records, in the page, input times, results marks and layout shifts. A string, not a function:
 * tsx would wrap a function's inner functions in a helper the page does not have.
 */
const PROBE = `
  const w = window;
  w.__probe = { input: 0, typed: {}, shown: [], cls: 0, all: 0, shifts: [] };
  // The query box's input events by the text they made; other inputs (a filter, the pager) by time.
  function other(e) { if (e.target.id !== 'q') w.__probe.input = e.timeStamp; }
  document.addEventListener('input', (e) => {
    if (e.target.id === 'q') w.__probe.typed[e.target.value.trim()] = e.timeStamp;
    else other(e);
  }, true);
  document.addEventListener('change', other, true);
  document.addEventListener('click', other, true);
  new PerformanceObserver((list) => {
    for (const m of list.getEntries()) {
      const input = Math.max(w.__probe.typed[String(m.detail)] ?? 0, w.__probe.input);
      requestAnimationFrame(() => setTimeout(() => w.__probe.shown.push({ q: String(m.detail), input, dom: m.startTime, paint: performance.now() })));
    }
  }).observe({ type: 'mark' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      w.__probe.all += e.value;
      if (!e.hadRecentInput) w.__probe.cls += e.value;
      const what = (e.sources ?? []).map((s) => s.node instanceof Element ? s.node.tagName.toLowerCase() + (s.node.id ? '#' + s.node.id : '') + (s.node.className ? '.' + String(s.node.className).split(' ')[0] : '') : (s.node?.nodeName ?? '?'));
      w.__probe.shifts.push(e.value.toFixed(3) + (e.hadRecentInput ? ' (after input)' : '') + ' at ' + Math.round(e.startTime) + ' ms: ' + what.join(', '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

interface Probe {
  input: number;
  /** The last input other than in the query box (a filter, the pager). */
  /** When each query was last typed (input event time stamp), by its text. */
  typed: Record<string, number>;
  shown: { q: string; input: number; dom: number; paint: number }[];
  cls: number;
  all: number;
  shifts: string[];
}
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

/** Waits for the results of `q` after `count` results were shown; returns the new one. */
async function shown(page: Page, count: number) {
  await page.waitForFunction((n) => (window as unknown as { __probe: Probe }).__probe.shown.length > n, count, { polling: 50, timeout: 120_000 });
  const p = await probe(page);
  return p.shown[p.shown.length - 1]!;
}

export async function browserFigures(site: string, queries: readonly string[]): Promise<BrowserFigures> {
  const [browser, server] = await Promise.all([launch(), serve(site)]);
  try {
    const page = await browser.newPage();
    await page.addInitScript({ content: PROBE });
    const bodies: { path: string; raw: number; gz: number }[] = [];
    page.on('response', async (res) => {
      try {
        const body = await res.body();
        bodies.push({ path: new URL(res.url()).pathname, raw: body.length, gz: gzipSync(body, { level: 6 }).length });
      } catch { /* redirects have no body */ }
    });
    const settle = async () => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(100);
    };
    const cdp = await page.context().newCDPSession(page);
    const total = async () => Number(await page.getAttribute('#results', 'data-total-enterprises'));
    const sum = (from: number) => bodies.slice(from).reduce((n, b) => n + b.raw, 0);

    // The first search: the page, its script and the index, unthrottled (the load is not the question).
    await page.goto(`${server.origin}/search/`);
    await page.waitForSelector('#search:not([hidden])');
    let count = (await probe(page)).shown.length;
    await page.fill('#q', queries[0]!);
    await shown(page, count);
    await settle();
    const first = { query: queries[0]!, total: await total(), bytes: sum(0), gzip: bodies.reduce((n, b) => n + b.gz, 0), requests: bodies.length, files: bodies.map((b) => ({ path: b.path, bytes: b.raw })) };

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const measure = async (act: () => Promise<void>, query: string): Promise<QueryFigure> => {
      const from = bodies.length;
      count = (await probe(page)).shown.length;
      await act();
      const s = await shown(page, count);
      await settle();
      return { query, total: await total(), bytes: sum(from), requests: bodies.length - from, ms: Math.round(s.dom - s.input), paintMs: Math.round(s.paint - s.input) };
    };
    const further: QueryFigure[] = [];
    for (const q of queries.slice(1)) further.push(await measure(() => page.fill('#q', q), q));

    // Typing key by key, 150 ms apart, on a fresh page: every keystroke is a new query.
    await page.reload();
    await page.waitForSelector('#search:not([hidden])');
    await settle();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const typedFrom = (await probe(page)).shown.length;
    for (const q of queries.slice(1)) {
      await page.fill('#q', '');
      await page.type('#q', q, { delay: 150 });
      await page.waitForFunction((q) => (window as unknown as { __probe: Probe }).__probe.shown.some((s) => s.q === q), q.trim(), { polling: 50, timeout: 120_000 });
      await settle();
    }
    const typedShown = (await probe(page)).shown.slice(typedFrom).filter((s) => s.q.length > 0);
    const ms = typedShown.map((s) => s.dom - s.input).sort((a, b) => a - b);
    const paint = typedShown.map((s) => s.paint - s.input).sort((a, b) => a - b);
    const pct = (list: number[], p: number) => Math.round(list[Math.min(list.length - 1, Math.floor(list.length * p))] ?? 0);
    const slowest = [...typedShown].sort((a, b) => b.paint - b.input - (a.paint - a.input)).slice(0, 3).map((s) => `${s.q} ${Math.round(s.dom - s.input)}/${Math.round(s.paint - s.input)} ms`);
    const keystroke = { keys: typedShown.length, median: pct(ms, 0.5), p90: pct(ms, 0.9), max: pct(ms, 1), paintMedian: pct(paint, 0.5), paintP90: pct(paint, 0.9), paintMax: pct(paint, 1), slowest };

    // A filter on a common query, then its last page.
    const common = queries[0]!;
    await measure(() => page.fill('#q', common), common);
    const province = await page.$eval('select[name=province]', (s) => (s as HTMLSelectElement).options[1]?.value ?? '');
    const filter = await measure(async () => void (await page.selectOption('select[name=province]', province)), `${common} + ${province}`);
    await measure(async () => void (await page.selectOption('select[name=province]', '')), common);
    const lastPage = await measure(() => page.click('#pager [data-go=last]'), `${common}, last page`);
    // Words of announcement titles, in no name: the full text is loaded and searched at once.
    const from = bodies.length;
    const t0 = Date.now();
    await page.fill('#q', '落后产能计划');
    await page.waitForFunction(() => {
      const li = document.querySelector('#fulltext:not([hidden]) li');
      return !!li && li.textContent !== (document.getElementById('strings') as HTMLTemplateElement).dataset.loading;
    }, undefined, { polling: 50, timeout: 120_000 });
    await settle();
    const fullText = { query: '落后产能计划', ms: Date.now() - t0, bytes: sum(from), requests: bodies.length - from, results: await page.$$eval('#fulltext li', (l) => l.length) };
    const p = await probe(page);
    return { first, further, keystroke, filter, lastPage, fullText, cls: +p.cls.toFixed(4), allShifts: +p.all.toFixed(4), shifts: p.shifts };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Queries for a record: a common word, a trade name, parts and the whole of a name, an equipment word, a credit code typed loosely. */
export function queriesFor(site: string): string[] {
  const rows = readFileSync(join(site, 'data/lines.csv'), 'utf8').split('\r\n');
  const header = rows[0]!.split(',');
  const cells = rows[Math.floor(rows.length / 2)]!.split(',');
  const name = cells[header.indexOf('enterprise_name')]!;
  const credit = rows.slice(Math.floor(rows.length / 2)).map((r) => r.split(',')[header.indexOf('credit_code')]).find((c) => c && c.length === 18) ?? '';
  const at = name.indexOf('合成');
  const trade = at >= 0 ? name.slice(at + 2, at + 4) : name.slice(2, 4);
  return ['水泥', trade, name.slice(0, 4), name, '有限公司', '高炉', credit ? `${credit.slice(0, 8).toLowerCase()} ${credit.slice(8, 12).toLowerCase()}` : ''].filter(Boolean);
}

// --- For npm run bench ---------------------------------------------------------------------------

export interface SearchFigures {
  index: IndexFigures;
  browser: BrowserFigures;
}

/** Every search figure of one size: the index build in a process of its own, then the browser on the built site. */
export async function searchFigures(data: string, site: string): Promise<SearchFigures> {
  const out = mkdtempSync(join(tmpdir(), 'phaseout-bench-search-'));
  try {
    const r = spawnSync(process.execPath, [...TSX, '--expose-gc', join(ROOT, 'tools/bench/search.ts'), '--index', data, '--out', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`搜索索引测量失败：\n${r.stderr.slice(-4000)}`);
    const index = JSON.parse(r.stdout.trim().split('\n').pop()!) as IndexFigures;
    const browser = await browserFigures(site, queriesFor(site));
    return { index, browser };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The figures as lines of text, for the bench's output. */
export function describe(f: SearchFigures): string {
  const { index: i, browser: b } = f;
  const lines = [
    `召回（${i.recall.enterprises} 家企业的名称片段 ${i.recall.checked} 个）：${i.recall.failures === 0 ? '100%' : `${i.recall.failures} 个不符，如 ${i.recall.first.join('；')}`}`,
    `名称索引：${i.name.seconds} s，内存 +${i.name.addedMB} MB（模型 ${i.modelMB} MB），${i.name.files} 个文件 ${kb(i.name.bytes)}（${i.name.internalKeys} 个公共键，${i.name.leaves} 个叶）`,
    `Pagefind：${i.pagefind.seconds} s，子进程峰值 ${i.pagefind.peakMB} MB，${i.pagefind.files} 个文件 ${kb(i.pagefind.bytes)}（${i.pagefind.documents} 个文档，分 ${i.pagefind.bundles} 个包）`,
    `首次搜索“${b.first.query}”（${b.first.total} 家）：${kb(b.first.bytes)}，gzip ${kb(b.first.gzip)}，${b.first.requests} 个请求`,
    ...b.further.map((q) => `再搜“${q.query}”（${q.total} 家）：${kb(q.bytes)}，${q.requests} 个请求；输入到结果 ${q.ms} ms（绘出 ${q.paintMs} ms），CPU 降速 4 倍`),
    `逐键输入（${b.keystroke.keys} 键，间隔 150 ms，CPU 降速 4 倍）：按键到结果中位 ${b.keystroke.median} ms，90% ${b.keystroke.p90} ms，最长 ${b.keystroke.max} ms；到绘出中位 ${b.keystroke.paintMedian} ms，90% ${b.keystroke.paintP90} ms，最长 ${b.keystroke.paintMax} ms`,
    `筛选“${b.filter.query}”（${b.filter.total} 家）：${kb(b.filter.bytes)}，${b.filter.ms} ms；翻到末页：${kb(b.lastPage.bytes)}，${b.lastPage.ms} ms`,
    `全文“${b.fullText.query}”（${b.fullText.results} 条）：载入 Pagefind 并搜索 ${kb(b.fullText.bytes)}，${b.fullText.requests} 个请求，${b.fullText.ms} ms`,
    `布局偏移：CLS ${b.cls}（含输入后 0.5 秒内的偏移共 ${b.allShifts}）`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { index: { type: 'string' }, out: { type: 'string' }, site: { type: 'string' }, query: { type: 'string', multiple: true } } });
  if (values.index && values.out) console.log(JSON.stringify(await indexFigures(resolve(values.index), resolve(values.out))));
  else if (values.site) {
    const site = resolve(values.site);
    console.log(JSON.stringify(await browserFigures(site, values.query ?? queriesFor(site)), null, 1));
  } else {
    console.error('npx tsx tools/bench/search.ts --site 网站目录 [--query 查询]… 或 --index 数据目录 --out 目录');
    process.exitCode = 2;
  }
}
