/**
 * Lighthouse (mobile: its default phone, simulated slow 4G and a 4× slower processor) on the pages
 * issue 16 names: home, a province page, a county page, an enterprise page, the announcement with
 * the widest table, search, and the national page. Lighthouse 12.2.3 (pinned: 13 needs a newer
 * Node) runs from npm as its own command against a loopback server that compresses text as hosts
 * do, with Debian's Chromium (CHROME_PATH), headless and without a sandbox. It asserts nothing:
 * it prints scores (0–100) and the audits that cost points.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHROMIUM, serve } from '../browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageScores {
  name: string;
  path: string;
  scores: Record<Category, number>;
  /** Audits scored below 0.9 that count towards a category, with their score. */
  failing: string[];
  /** Largest Contentful Paint, Total Blocking Time (ms) and DOM size, from the performance audits. */
  lcpMs: number;
  tbtMs: number;
  domNodes: number;
  htmlBytes: number;
}

/** Lighthouse's command, found when it is used (a benchmark without --lighthouse does not need it). */
const lighthouseCli = () => createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

function median(dir: string, filter: (name: string) => boolean): string | undefined {
  const list = readdirSync(dir).filter(filter).map((d) => ({ d, s: statSync(join(dir, d, 'index.html'), { throwIfNoEntry: false })?.size ?? -1 })).filter((x) => x.s >= 0).sort((a, b) => a.s - b.s || (a.d < b.d ? -1 : 1));
  return list[Math.floor(list.length / 2)]?.d;
}

/** The pages to measure on a built site: typical (median-sized) ones, the widest announcement table and the national page. */
export function lighthousePages(site: string): { name: string; path: string }[] {
  const regions = join(site, 'regions');
  const province = median(regions, (c) => /^\d\d0000$/.test(c) && c !== '000000');
  const county = median(regions, (c) => /^\d{4}(?!00)\d\d$/.test(c));
  const enterprise = median(join(site, 'enterprises'), () => true);
  // The announcement whose table has the most columns (then the most rows): 16 for a completion list with every column.
  let widest: { id: string; columns: number; size: number } | undefined;
  const dir = join(site, 'announcements');
  for (const id of readdirSync(dir)) {
    if (!/^\d{4}-/.test(id)) continue;
    const html = readFileSync(join(dir, id, 'index.html'), 'utf8');
    // The head row runs to <tbody> (its end tags are left out: src/site/table.ts).
    const head = /<thead><tr>(.*?)(?:<\/tr><\/thead>|<tbody>)/.exec(html)?.[1] ?? '';
    const columns = head.split('<th').length - 1;
    if (!widest || columns > widest.columns || (columns === widest.columns && html.length > widest.size)) widest = { id, columns, size: html.length };
  }
  return [
    { name: 'home', path: '/' },
    ...(province ? [{ name: 'province', path: `/regions/${province}/` }] : []),
    ...(county ? [{ name: 'county', path: `/regions/${county}/` }] : []),
    ...(enterprise ? [{ name: 'enterprise', path: `/enterprises/${enterprise}/` }] : []),
    ...(widest ? [{ name: `announcement (${widest.columns} columns)`, path: `/announcements/${widest.id}/` }] : []),
    { name: 'search', path: '/search/' },
    { name: 'national', path: '/regions/000000/' },
  ];
}

interface Lhr {
  categories: Record<Category, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string }>;
}

/** Runs Lighthouse on each page of a built site, one Chromium per page. */
export async function lighthouseSite(site: string, pages = lighthousePages(site)): Promise<PageScores[]> {
  const server = await serve(site, { gzip: true });
  const out: PageScores[] = [];
  try {
    for (const page of pages) {
      // Lighthouse runs in a process of its own: spawnSync would block the server in this one.
      const lhr = await runLighthouse(server.origin + page.path);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = new Set<string>();
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 0.9) failing.add(`${ref.id} ${Math.round(a.score * 100)}`);
        }
      }
      const html = statSync(join(site, page.path, page.path.endsWith('/') ? 'index.html' : ''), { throwIfNoEntry: false })?.size ?? 0;
      out.push({
        ...page, scores, failing: [...failing],
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        domNodes: Math.round(lhr.audits['dom-size']?.numericValue ?? 0),
        htmlBytes: html,
      });
    }
  } finally {
    await server.close();
  }
  return out;
}

function runLighthouse(url: string): Promise<Lhr> {
  return new Promise((resolve, reject) => {
    {
      const child = spawn(process.execPath, [
        lighthouseCli(), url, '--quiet', '--output=json', '--output-path=stdout',
        `--only-categories=${CATEGORIES.join(',')}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ], { env: { ...process.env, CHROME_PATH: CHROMIUM } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => {
        if (code !== 0) reject(new Error(`lighthouse ${url}: exit ${code}\n${stderr.slice(-2000)}`));
        else resolve(JSON.parse(stdout) as Lhr);
      });
    }
  });
}

/** The scores as a Markdown table. */
export function lighthouseTable(label: string, rows: readonly PageScores[]): string {
  return [
    `| ${label} | page | performance | accessibility | best practices | SEO | LCP | TBT | DOM nodes | HTML |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| | ${r.name} \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${(r.lcpMs / 1000).toFixed(1)} s | ${r.tbtMs} ms | ${r.domNodes.toLocaleString('en')} | ${(r.htmlBytes / 1024).toFixed(0)} kB |`),
    '',
    ...rows.filter((r) => r.failing.length > 0).map((r) => `- ${r.name}: ${r.failing.join(', ')}`),
  ].join('\n');
}

