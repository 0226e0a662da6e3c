/** `npm run validate [-- --data DIR] [--format text|json|github]`: checks a data root. */
import { relative } from 'node:path';
import { validateDataRoot } from '../src/validate/validate.ts';
import { formatGithub, formatJson, formatText } from '../src/output/report.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';

const USAGE = 'npm run validate -- [--data 目录] [--format text|json|github]';

export function main(argv: readonly string[], fx: Effects): number {
  const { values } = parseOptions(argv, { data: { type: 'string' }, format: { type: 'string', default: 'text' } }, USAGE);
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github') fail(`不认识的输出格式 ${format}，可用 text、json、github`);
  const root = dataRoot(values.data, fx);
  const { report } = validateDataRoot(root);
  const shown = relative(fx.cwd, root) || '.';
  if (format === 'json') fx.stdout(formatJson(report));
  else if (format === 'github') fx.stdout(formatGithub(report, shown));
  else fx.stdout(formatText(report, { dataDir: shown }));
  return report.errors > 0 ? 1 : 0;
}

await runIfMain(import.meta.url, main);
