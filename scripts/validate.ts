/** `npm run validate [-- --data DIR] [--format text|json|github]`: checks a data root. */
import { relative } from 'node:path';
import { validateDataRoot } from '../src/validate/validate.ts';
import { formatGithub, formatJson, formatText, type ReportFormat } from '../src/output/report.ts';
import { dataRoot, fail, option, run } from './cli.ts';

await run(() => {
  const argv = process.argv.slice(2);
  const format = (option(argv, '--format') ?? 'text') as ReportFormat;
  if (!['text', 'json', 'github'].includes(format)) fail(`不认识的输出格式 ${format}，可用 text、json、github`);
  const root = dataRoot(argv);
  const { report } = validateDataRoot(root);
  const shown = relative(process.cwd(), root) || '.';
  if (format === 'json') process.stdout.write(formatJson(report));
  else if (format === 'github') process.stdout.write(formatGithub(report, shown));
  else process.stdout.write(formatText(report, { dataDir: shown }));
  return report.errors > 0 ? 1 : 0;
});
