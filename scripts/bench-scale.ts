/**
 * `npx tsx scripts/bench-scale.ts`: the scale cases of issue 15 (§2), in process, in memory (no
 * disk): how long validation and the reports take on legal inputs full of problems, and how each
 * step's CPU time grows from an input to one 8× larger (about 8 is linear, about 64 the square).
 * Prints a Markdown table for docs/benchmarks.md; asserts nothing (tests assert, in
 * test/unit/scale.test.ts and test/unit/markdown.test.ts).
 */
import { formatJson, formatText } from '../src/output/report.ts';
import { parseFrontMatter } from '../src/read/frontmatter.ts';
import { MAX_ROWS } from '../src/validate/table.ts';
import { validateRaw } from '../src/validate/validate.ts';
import { markdownExcess, renderMarkdown } from '../src/text/markdown.ts';
import { parseOptions, runIfMain, type Effects } from './cli.ts';
import { COMPLETION_HEADER, PLAN_HEADER, rawRoot } from '../tools/scale-roots.ts';
import type { RawDataRoot } from '../src/read/load.ts';


/** CPU milliseconds of one call (over `repeat` calls), the best of `rounds`. */
function cpu(f: () => unknown, rounds = 3, repeat = 1): number {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage();
    for (let k = 0; k < repeat; k++) f();
    const d = process.cpuUsage(start);
    best = Math.min(best, (d.user + d.system) / 1000 / repeat);
  }
  return best;
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : x >= 10 ? `${Math.round(x)} ms` : x >= 0.1 ? `${x.toFixed(1)} ms` : `${Math.round(x * 1000)} µs`);

export function main(argv: readonly string[], fx: Effects): number {
  parseOptions(argv, {}, 'npx tsx scripts/bench-scale.ts');
  const out: string[] = [];

  out.push('| legal input | problems | validation | text report | JSON report |', '| --- | ---: | ---: | ---: | ---: |');
  const cases: [string, RawDataRoot][] = [
    ['130 files × 1,000 rows, every row `not-in-plan`', rawRoot(130, 1000, 'completion', COMPLETION_HEADER, (f, i) => `L${f}-${i},企业${i},421202,电石,电石炉,1,万吨,shutdown,2025-06-01`)],
    [`one table of ${MAX_ROWS.toLocaleString('en')} rows, every row \`missing-equipment\``, rawRoot(1, MAX_ROWS, 'plan', PLAN_HEADER, (_, i) => `L${i},企业${i},421202,电石,,1,万吨,2025-12,planned`)],
    ['a header of 100,000 unknown columns', rawRoot(1, 3, 'plan', `${PLAN_HEADER},${Array.from({ length: 100_000 }, (_, i) => `列${i}`).join(',')}`, (_, i) => `L${i},企业${i},421202,电石,电石炉,1,万吨,2025-12,planned`)],
  ];
  for (const [name, raw] of cases) {
    const { report } = validateRaw(raw);
    out.push(`| ${name} | ${report.problems.length.toLocaleString('en')} | ${ms(cpu(() => validateRaw(raw), 2))} | ${ms(cpu(() => formatText(report, { dataDir: 'data' }), 2))} | ${ms(cpu(() => formatJson(report), 2))} |`);
  }

  out.push('', '| step, input | small → 8× larger | CPU time | growth |', '| --- | --- | --- | ---: |');
  const growth = (name: string, sizes: string, small: () => unknown, large: () => unknown) => {
    small();
    large();
    const repeat = Math.max(1, Math.ceil(20 / Math.max(cpu(small, 1), 0.01)));
    const a = cpu(small, 5, repeat);
    const b = cpu(large, 5, repeat);
    out.push(`| ${name} | ${sizes} | ${ms(a)} → ${ms(b)} | ${(b / a).toFixed(1)}× |`);
  };
  const warnings = (rows: number) => rawRoot(4, rows, 'completion', COMPLETION_HEADER, (f, i) => `L${f}-${i},企业${i},421202,电石,,1,万吨,dismantled,`);
  const [w1, w8] = [warnings(2_500), warnings(20_000)];
  growth('validation, tables full of warnings', '4 × 2,500 → 4 × 20,000 rows', () => validateRaw(w1), () => validateRaw(w8));
  const header = (n: number) => rawRoot(1, 3, 'plan', `${PLAN_HEADER},${Array.from({ length: n }, (_, i) => `列${i}`).join(',')}`, (_, i) => `L${i},企业${i},421202,电石,电石炉,1,万吨,2025-12,planned`);
  const [h1, h8] = [header(12_500), header(100_000)];
  growth('validation, unknown columns', '12,500 → 100,000 columns', () => validateRaw(h1), () => validateRaw(h8));
  const [r1, r8] = [validateRaw(warnings(3_125)).report, validateRaw(warnings(25_000)).report];
  growth('text report', `${r1.problems.length.toLocaleString('en')} → ${r8.problems.length.toLocaleString('en')} problems`, () => formatText(r1, { dataDir: 'data' }), () => formatText(r8, { dataDir: 'data' }));
  const line = (n: number) => `---\ntitle: a${' '.repeat(n)}b\u00e9\n---\n正文。\n`;
  growth('front matter, one line with spaces inside', '8 kB → 64 kB', () => parseFrontMatter(line(8_000)), () => parseFrontMatter(line(64_000)));
  const flow = (n: number) => `---\ncontact: { ${Array.from({ length: n }, (_, i) => `k${i}: v`).join(', ')} }\n---\n`;
  growth('front matter, a flow mapping (YAML library)', '700 → 5,600 keys', () => parseFrontMatter(flow(700)), () => parseFrontMatter(flow(5_600)));
  const marks = (n: number) => `${'_a'.repeat(499)}\n\n`.repeat(n);
  growth('Markdown, paragraphs of 998 unpaired `_`', '15 kB → 120 kB', () => renderMarkdown(marks(15)), () => renderMarkdown(marks(120)));
  const lt = (n: number) => '<a'.repeat(n / 2);
  growth('Markdown, one line of `<a`', '125 kB → 1 MB', () => renderMarkdown(lt(125_000)), () => renderMarkdown(lt(1_000_000)));
  const quotes = (n: number) => '>'.repeat(n);
  growth('the body guard, nested `>`', '125 kB → 1 MB', () => markdownExcess(quotes(125_000)), () => markdownExcess(quotes(1_000_000)));

  const huge = `---\ntitle: a${' '.repeat(1024 * 1024 - 100)}b\u00e9\n---\n`;
  out.push('', `A 1 MB front-matter line (over 5 minutes before): refused in ${ms(cpu(() => parseFrontMatter(huge), 3, 10))}.`);
  fx.stdout(`${out.join('\n')}\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
