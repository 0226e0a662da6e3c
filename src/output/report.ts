import type { Problem, Report } from '../schema/problem.ts';
import { showInvisible } from '../text/invisible.ts';

export type ReportFormat = 'text' | 'json' | 'github';

/** The contract's `--format json`: one object, problems sorted by file and line. */
export const formatJson = (r: Report) => `${JSON.stringify(r, null, 2)}\n`;

/**
 * GitHub Actions workflow commands; `%`, CR, LF and (in properties) `:` and `,` are escaped, and
 * other control and invisible characters from the data are shown as [U+XXXX], as in the text report.
 */
export function formatGithub(r: Report, dataDir: string): string {
  const data = (s: string) => showInvisible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const prefix = dataDir === '' || dataDir === '.' ? '' : `${dataDir.replace(/\/+$/, '')}/`;
  const out: string[] = [];
  for (const p of r.problems) {
    const props = [`file=${prop(prefix + p.file)}`];
    if (p.line !== undefined) props.push(`line=${p.line}`);
    props.push(`title=${prop(`${p.code}${p.column ? ` (${p.column})` : ''}`)}`);
    out.push(`::${p.severity} ${props.join(',')}::${data(`${p.message}。${p.hint}`)}\n`);
  }
  return out.join('');
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Human report in Chinese, grouped by file with counts; in time proportional to the problems.
 * Whatever came from the data is shown with its control and invisible characters written out
 * ([U+001B], [U+202E]), so that a terminal shows them instead of obeying them.
 */
export function formatText(r: Report, opts: { dataDir: string }): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of r.problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  // One string per file, grown in place (V8 keeps the parts until it is read): no array of lines.
  const out: string[] = [];
  for (const [file, ps] of byFile) {
    let e = 0;
    for (const p of ps) if (p.severity === 'error') e++;
    const w = ps.length - e;
    let text = `${showInvisible(file)}（${e && w ? `${e} 个错误，${w} 个提示` : e ? `${e} 个错误` : `${w} 个提示`}）\n`;
    for (const p of ps) {
      const where = p.line !== undefined ? (p.column !== undefined ? ` 第 ${p.line} 行 ${showInvisible(p.column)} 列` : ` 第 ${p.line} 行`) : p.column !== undefined ? ` ${showInvisible(p.column)} 列` : '';
      text += `  ${p.severity === 'error' ? '错误' : '提示'} [${p.code}]${where}：${showInvisible(p.message)}\n      → ${showInvisible(p.hint)}\n`;
    }
    out.push(text);
  }
  const summary =
    r.errors === 0 && r.warnings === 0
      ? `数据目录 ${showInvisible(opts.dataDir)} 检查通过，没有发现问题。`
      : `数据目录 ${showInvisible(opts.dataDir)}：${r.errors} 个错误，${r.warnings} 个提示。${r.errors > 0 ? '有错误时不能发布，请逐条改正后重新运行 npm run validate。' : '只有提示，可以发布。'}`;
  out.push(summary);
  return `${out.join('\n')}\n`;
}
