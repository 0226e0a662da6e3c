/**
 * Snapshot files for charts, in the manner of Observable Plot's tests: one chart per file,
 * pretty-printed (one element a line, indented) so a change reads as a small diff, geometry rounded
 * so floating-point noise cannot fail a test. On a mismatch the new rendering is written next to
 * the snapshot as `<name>-changed.svg`, to open side by side with the old one; the test fails.
 *
 * A missing snapshot is written (except on CI, where it fails); `npx vitest run test/unit/charts.test.ts --update`
 * rewrites them all (the path first: `-u` takes an optional value).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

const INLINE = /^<(text|title|desc|tspan)\b/;
const TOKEN = /<(text|title|desc|tspan)\b[^>]*>[^<]*<\/\1>|<\/[^>]+>|<[^>]+\/>|<[^>]+>|[^<]+/g;

/** Geometry attributes with more than one decimal are rounded to one (data attributes are left as they are). */
function roundGeometry(tag: string): string {
  return tag.replace(/\s([\w:-]+)="([^"]*)"/g, (all, name: string, value: string) =>
    /^(data-|aria-)|^(id|class|href|font-family)$/.test(name) ? all : ` ${name}="${value.replace(/-?\d*\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
  );
}

/** One element a line, children indented by two spaces; text, title and desc stay on their element's line. */
export function prettySvg(svg: string): string {
  const out: string[] = [];
  let depth = 0;
  for (const [token] of svg.matchAll(TOKEN)) {
    if (!token.startsWith('<')) {
      if (token.trim() !== '') out.push(`${'  '.repeat(depth)}${token.trim()}`);
      continue;
    }
    if (token.startsWith('</')) {
      depth--;
      out.push(`${'  '.repeat(depth)}${token}`);
    } else if (INLINE.test(token) || token.endsWith('/>')) {
      out.push(`${'  '.repeat(depth)}${roundGeometry(token)}`);
    } else {
      out.push(`${'  '.repeat(depth)}${roundGeometry(token)}`);
      depth++;
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * Compares `svg`, pretty-printed, with the snapshot file `file` (an absolute path ending in .svg).
 * `update` is vitest's mode: `all` with `--update`, `none` on CI, else `new`.
 */
export function expectSvgSnapshot(svg: string, file: string, update: string = expect.getState().snapshotState?.snapshotUpdateState ?? 'new'): void {
  const actual = prettySvg(svg);
  const changed = file.replace(/\.svg$/, '-changed.svg');
  rmSync(changed, { force: true });
  if (!existsSync(file) || update === 'all') {
    if (update === 'none' && !existsSync(file)) throw new Error(`${file} is missing: run the tests locally to write it, review it and commit it.`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) return;
  writeFileSync(changed, actual);
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && a[i] === e[i]) i++;
  throw new Error(
    `${file} differs from the chart at line ${i + 1}:\n  snapshot: ${e[i] ?? '(end)'}\n  now:      ${a[i] ?? '(end)'}\n` +
      `The new rendering is in ${changed}; if it is right, run \`npx vitest run test/unit/charts.test.ts --update\`.`,
  );
}
