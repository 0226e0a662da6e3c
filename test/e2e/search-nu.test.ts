import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITES } from '../site/global-setup.ts';

/**
 * The Nu HTML Checker (vnu.jar from the vnu-jar package, on the system's Java) over the built
 * search page and one page of every other kind of the sample site. Issue 14: the checker's one
 * error on the site was the search page's script after `</html>`.
 */
const VNU = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

interface Message { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string }

function check(files: string[]): Message[] {
  const r = spawnSync('java', ['-jar', VNU, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  return (JSON.parse(r.stderr) as { messages: Message[] }).messages;
}

/** One page of each kind: every folder's page, and of a folder of pages named by codes, ids or years, the first. */
function pagesOfEveryKind(site: string): string[] {
  const out: string[] = [join(site, '404.html')];
  const visit = (dir: string, depth: number) => {
    if (existsSync(join(dir, 'index.html'))) out.push(join(dir, 'index.html'));
    if (depth === 0) return;
    const subs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !['_astro', 'pagefind', 'x'].includes(d.name)).map((d) => d.name).sort();
    for (const n of [...subs.filter((x) => !/\d/.test(x)), ...subs.filter((x) => /\d/.test(x)).slice(0, 1)]) visit(join(dir, n), depth - 1);
  };
  visit(site, 3);
  return out;
}

describe('the Nu HTML Checker', () => {
  test('finds no error on the search page', () => {
    expect(check([join(SITES.basic.out, 'search/index.html')])).toEqual([]);
  }, 120_000);

  test('finds no error on a page of each kind of the sample site', () => {
    const pages = pagesOfEveryKind(SITES.sample.out);
    expect(pages.length).toBeGreaterThan(15);
    const errors = check(pages).map((m) => `${m.url.replace(`file:${SITES.sample.out}`, '')}:${m.lastLine ?? ''} ${m.message}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
