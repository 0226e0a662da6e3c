/**
 * The folders of src/ show the flow of data (docs/architecture.md): schema and text helpers at the
 * bottom, then reading, validating, deriving and output, and the site on top. A folder imports
 * only from folders below it, so no two folders import each other, even through a third.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|astro)$/.test(e) ? [p] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0]!;

/** Folder → folders it imports from (relative imports inside src/ only). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const deps = graph.get(from) ?? new Set<string>();
    graph.set(from, deps);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (!target.startsWith(SRC + '/')) continue;
      const to = folderOf(target);
      if (to !== from && !/\.(ts|astro|json|css)$/.test(to)) deps.add(to);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

describe('the folders of src/', () => {
  it('import each other without cycles', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it('keep the flow one way: read, validate, derive and output never import the site, its pages or components', () => {
    const graph = folderGraph();
    const upper = new Set(['site', 'pages', 'components', 'layouts', 'search']);
    for (const lower of ['schema', 'text', 'reference', 'read', 'validate', 'derive', 'output', 'charts', 'i18n']) {
      expect([...(graph.get(lower) ?? [])].filter((d) => upper.has(d)), lower).toEqual([]);
    }
  });
});
