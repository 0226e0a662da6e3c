/**
 * `npm run import-xlsx -- FILE.xlsx --out announcements/<year>/<id>.csv [--data DIR]`
 *
 * Writes the first worksheet as the contract's CSV (UTF-8 with BOM), each cell as the text Excel
 * shows, then reports the validator's problems for that table. `--out` starting with
 * `announcements/` is inside the data root; any other relative path is from the current folder.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LOCK_FILE, parseLock } from '../src/validate/lock.ts';
import { formatText } from '../src/output/report.ts';
import { validateDataRoot } from '../src/validate/validate.ts';
import { importXlsx } from '../src/publish/xlsx.ts';
import { dataRoot, fail, option, run } from './cli.ts';

/** Arguments that are not options or their values. */
function positionals(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      if (!a.includes('=')) i++;
    } else out.push(a);
  }
  return out;
}

await run(async () => {
  const argv = process.argv.slice(2);
  const [file, ...more] = positionals(argv);
  const usage = '用法：npm run import-xlsx -- 名单.xlsx --out announcements/2026/<编号>.csv';
  if (!file) fail(`请给出要导入的 .xlsx 文件。${usage}`);
  if (more.length) fail(`一次只能导入一个文件，多出了：${more.join(' ')}`);
  if (/\.xls$/i.test(file)) fail('不支持旧的 .xls 格式。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入');
  if (!/\.xlsx$/i.test(file)) fail(`只能导入 .xlsx 文件：${file}。CSV 文件直接放进数据目录即可`);
  if (!existsSync(file)) fail(`找不到文件：${file}`);
  const out = option(argv, '--out');
  if (!out) fail(`请用 --out 指定要写出的 CSV，如 --out announcements/2026/2026-421202-plan.csv。${usage}`);
  if (!/\.csv$/i.test(out)) fail(`--out 应是 .csv 文件：${out}`);
  const root = dataRoot(argv);
  const target = isAbsolute(out) ? out : out.replace(/\\/g, '/').startsWith('announcements/') ? join(root, out) : resolve(out);

  // A published table never changes: refuse to overwrite one that is in published.lock.
  const inRoot = relative(root, target).split(sep).join('/');
  const m = /^announcements\/\d{4}\/(.+)\.csv$/.exec(inRoot);
  const lockFile = join(root, LOCK_FILE);
  if (m && existsSync(lockFile) && parseLock(readFileSync(lockFile, 'utf8')).lock[m[1]!]) {
    fail(`公告 ${m[1]} 已正式发布（已记入 published.lock），它的表格不能覆盖。更正请另发公告：npm run new -- --supersedes ${m[1]}`);
  }

  let sheet;
  try {
    sheet = await importXlsx(readFileSync(file));
  } catch (e) {
    fail(`无法读取 ${file}：它不是有效的 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）。请在 Excel 或 WPS 中重新“另存为”.xlsx`);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, sheet.csv);
  renameSync(`${target}.tmp`, target);
  const shown = relative(process.cwd(), target) || target;
  process.stdout.write(`已把工作表“${sheet.sheetName}”（表头在第 ${sheet.headerRow} 行，${sheet.rowCount} 行数据）写入 ${shown}。\n`);
  if (sheet.headerRow > 1) process.stdout.write(`表头上方的 ${sheet.headerRow - 1} 行（标题等）没有导入。\n`);

  if (!m) {
    process.stdout.write('这个文件不在数据目录的 announcements/<年份>/ 中，没有检查。\n');
    return 0;
  }
  const mdFile = join(root, 'announcements', inRoot.split('/')[1]!, `${m[1]}.md`);
  if (!existsSync(mdFile)) process.stdout.write(`还没有同名的公告正文 ${m[1]}.md：请用 npm run new 生成，或补上它。\n`);
  const { report } = validateDataRoot(root);
  const problems = report.problems.filter((p) => p.file === inRoot && p.code !== 'not-locked' && p.code !== 'missing-md');
  if (problems.length === 0) {
    process.stdout.write('表格检查没有发现问题。提交前请运行 npm run validate 检查整个数据目录。\n');
  } else {
    const errors = problems.filter((p) => p.severity === 'error').length;
    process.stdout.write(`\n表格中发现以下问题，请在 Excel 中改正后重新导入，或直接改 CSV：\n\n`);
    process.stdout.write(formatText({ errors, warnings: problems.length - errors, problems }, { dataDir: relative(process.cwd(), root) || '.' }));
  }
  return 0;
});
