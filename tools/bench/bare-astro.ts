/**
 * The yardstick of the build: a bare Astro project that renders the same number of trivial pages
 * (one dynamic route; each page a heading, a paragraph and a 5-row table), built with the same
 * Astro from this repository's node_modules. Phaseout's end-to-end build is compared with it side
 * by side, on the same machine in the same run.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, timed, type Step } from './measure.ts';

const PAGE = `---
export function getStaticPaths() {
  return Array.from({ length: Number(process.env.BARE_PAGES) }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
const rows = [1, 2, 3, 4, 5].map((r) => ({ name: \`企业 \${n}-\${r}\`, status: r % 2 ? '已拆除' : '计划淘汰', capacity: r * 10 }));
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>页面 {n}</title></head>
  <body>
    <h1>页面 {n}</h1>
    <p>这是第 {n} 个页面。</p>
    <table>
      <tr><th>企业</th><th>状态</th><th>产能</th></tr>
      {rows.map((r) => <tr><td>{r.name}</td><td>{r.status}</td><td>{r.capacity}</td></tr>)}
    </table>
  </body>
</html>
`;

/** Builds `pages` trivial pages in a fresh project under `dir`; returns wall time and peak memory. */
export function bareAstroBuild(dir: string, pages: number): Step {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bare", "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(join(dir, 'src/pages/p/[n].astro'), PAGE);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return timed(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir], { BARE_PAGES: String(pages), ASTRO_TELEMETRY_DISABLED: '1' }, dir);
}
