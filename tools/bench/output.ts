/**
 * What a built site is made of: files and bytes in all, and by part (pages of each kind, region
 * files, embeds, downloads, search index), against the national budget (≤ 1 GB, ≤ 150,000 files,
 * what static hosts and a plain upload can take). Read from the folder itself, after the build.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputPart {
  files: number;
  bytes: number;
}

export interface OutputFigures {
  files: number;
  bytes: number;
  parts: Record<string, OutputPart>;
}

/** The budget of issue 17 at 100,000 lines. */
export const BUDGET = { bytes: 1024 ** 3, files: 150_000 };

/** The part of the site a file belongs to, by its path (relative, `/` separators). */
export function partOf(rel: string): string {
  const top = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '';
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (top === 'enterprises') return 'enterprise pages';
  if (top === 'announcements') return 'announcement pages';
  if (top === 'regions') {
    if (name === 'index.html') return 'region pages';
    if (name === 'feed.xml') return 'region feeds';
    if (name === 'data.json') return 'region data.json';
    if (name === 'announcements.xlsx') return 'region workbooks';
    return 'region other';
  }
  if (top === 'embed') return name === 'index.html' ? 'embed pages' : 'embed data';
  if (top === 'data' && name !== 'index.html') return 'downloads (/data/)';
  if (top === 'pagefind' || top === 'search') return 'search index';
  if (top === 'sitemaps' || rel === 'sitemap.xml') return 'sitemaps';
  if (name.endsWith('.html')) return 'other pages';
  return 'other';
}

export function outputFigures(site: string): OutputFigures {
  const parts: Record<string, OutputPart> = {};
  let files = 0;
  let bytes = 0;
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else {
        const size = statSync(join(dir, e.name)).size;
        const p = (parts[partOf(r)] ??= { files: 0, bytes: 0 });
        p.files++;
        p.bytes += size;
        files++;
        bytes += size;
      }
    }
  };
  walk(site, '');
  return { files, bytes, parts: Object.fromEntries(Object.entries(parts).sort(([, a], [, b]) => b.bytes - a.bytes)) };
}

/** The figures as a Markdown table, largest part first. */
export function outputTable(f: OutputFigures): string {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const rows = Object.entries(f.parts).map(([name, p]) => `| ${name} | ${p.files.toLocaleString('en')} | ${mb(p.bytes)} MB | ${p.files ? (p.bytes / p.files / 1024).toFixed(1) : '0'} kB |`);
  return [
    '| part | files | size | per file |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    `| **all** | **${f.files.toLocaleString('en')}** | **${mb(f.bytes)} MB** | |`,
  ].join('\n');
}

/** `npm run bench`'s one-line summary of the output: size, files, and the budget. */
export function outputSummary(f: OutputFigures): string {
  return `输出 ${(f.bytes / 1048576).toFixed(1)} MB（上限 ${BUDGET.bytes / 1048576} MB），${f.files.toLocaleString('en')} 个文件（上限 ${BUDGET.files.toLocaleString('en')}）\n${outputTable(f)}\n`;
}
