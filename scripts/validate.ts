/** `npm run validate [-- --data DIR] [--format text|json|github] [--base REVISION]`: checks a data root. */
import { relative } from 'node:path';
import { validateDataRoot } from '../src/validate/validate.ts';
import { LOCK_FILE } from '../src/schema/lock.ts';
import { formatGithub, formatJson, formatText } from '../src/output/report.ts';
import { dayInChina } from '../src/i18n/format.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';
import { commitOf, fileAt, repositoryOf } from './git.ts';

const USAGE = 'npm run validate -- [--data 目录] [--format text|json|github] [--base 版本]';

export function main(argv: readonly string[], fx: Effects): number {
  const { values } = parseOptions(argv, { data: { type: 'string' }, format: { type: 'string', default: 'text' }, base: { type: 'string' } }, USAGE);
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github') fail(`不认识的输出格式 ${format}，可用 text、json、github`);
  if (values.base === '') fail('--base 后面要写一个 git 版本，如 origin/main');
  const root = dataRoot(values.data, fx);
  let base;
  if (values.base !== undefined) {
    // published.lock as it was at the revision: the lock now may add to it, never rewrite it.
    const { top, prefix } = repositoryOf(root, fx.env);
    const commit = commitOf(top, values.base, fx.env);
    const bytes = fileAt(top, commit, `${prefix}${LOCK_FILE}`, fx.env);
    base = { revision: values.base, text: bytes && new TextDecoder().decode(bytes), path: `${prefix}${LOCK_FILE}` };
  }
  const { report } = validateDataRoot(root, { today: dayInChina(fx.now()), base });
  const shown = relative(fx.cwd, root) || '.';
  if (format === 'json') fx.stdout(formatJson(report));
  else if (format === 'github') fx.stdout(formatGithub(report, shown));
  else fx.stdout(formatText(report, { dataDir: shown }));
  return report.errors > 0 ? 1 : 0;
}

await runIfMain(import.meta.url, main);
