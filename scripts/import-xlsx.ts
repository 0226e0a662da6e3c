/**
 * `npm run import-xlsx -- FILE.xlsx --out announcements/<year>/<id>.csv [--data DIR]`
 *
 * Writes the first worksheet as the contract's CSV (UTF-8 with BOM), each cell as the text Excel
 * shows, then reports the validator's problems for that table. `--out` starting with
 * `announcements/` is inside the data root; any other relative path is from the current folder.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LOCK_FILE, parseLock } from '../src/validate/lock.ts';
import { formatText } from '../src/output/report.ts';
import { validateDataRoot } from '../src/validate/validate.ts';
import { importXlsx } from '../src/publish/xlsx.ts';
import { IMPORT_LIMITS, ImportRefused, sizeText } from '../src/import/refusal.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';

export async function main(argv: readonly string[], fx: Effects): Promise<number> {
  const usage = '用法：npm run import-xlsx -- 名单.xlsx --out announcements/2026/<编号>.csv';
  const { values, positionals } = parseOptions(argv, { out: { type: 'string' }, data: { type: 'string' } }, usage.slice(3), true);
  const [given, ...more] = positionals;
  const file = given === undefined ? undefined : resolve(fx.cwd, given);
  if (!file) fail(`请给出要导入的 .xlsx 文件。${usage}`);
  if (more.length) fail(`一次只能导入一个文件，多出了：${more.join(' ')}`);
  if (/\.xls$/i.test(file)) fail('不支持旧的 .xls 格式。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入');
  if (!/\.xlsx$/i.test(file)) fail(`只能导入 .xlsx 文件：${given}。CSV 文件直接放进数据目录即可；其他格式和版式的名单请用 npm run import`);
  if (!existsSync(file)) fail(`找不到文件：${given}`);
  const out = values.out;
  if (!out) fail(`请用 --out 指定要写出的 CSV，如 --out announcements/2026/2026-421202-plan.csv。${usage}`);
  if (!/\.csv$/i.test(out)) fail(`--out 应是 .csv 文件：${out}`);
  const root = dataRoot(values.data, fx);
  const target = isAbsolute(out) ? out : out.replace(/\\/g, '/').startsWith('announcements/') ? join(root, out) : resolve(fx.cwd, out);

  // A published table never changes: refuse to overwrite one that is in published.lock.
  const inRoot = relative(root, target).split(sep).join('/');
  const m = /^announcements\/\d{4}\/(.+)\.csv$/.exec(inRoot);
  const lockFile = join(root, LOCK_FILE);
  if (m && existsSync(lockFile) && parseLock(readFileSync(lockFile, 'utf8')).lock[m[1]!]) {
    fail(`公告 ${m[1]} 已正式发布（已记入 published.lock），它的表格不能覆盖。更正请另发公告：npm run new -- --supersedes ${m[1]}`);
  }

  // The file's size is checked before it is read; the reader refuses, with its own message, a
  // workbook that unpacks to too much, has too many rows or cells, or is damaged.
  const name = `“${basename(file)}”`;
  const size = statSync(file).size;
  if (size > IMPORT_LIMITS.fileBytes) fail(`${name}有 ${sizeText(size)}，超过导入上限 ${sizeText(IMPORT_LIMITS.fileBytes)}。请删去其中的图片等与名单无关的内容，或把名单分成几个文件分别导入`);
  let sheet;
  try {
    sheet = importXlsx(readFileSync(file), name);
  } catch (e) {
    if (e instanceof ImportRefused) fail(e.message);
    throw e;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, sheet.csv);
  renameSync(`${target}.tmp`, target);
  const shown = relative(fx.cwd, target) || target;
  fx.stdout(`已把工作表“${sheet.sheetName}”（表头在第 ${sheet.headerRow} 行，${sheet.rowCount} 行数据）写入 ${shown}。\n`);
  if (sheet.headerRow > 1) fx.stdout(`表头上方的 ${sheet.headerRow - 1} 行（标题等）没有导入。\n`);

  if (!m) {
    fx.stdout('这个文件不在数据目录的 announcements/<年份>/ 中，没有检查。\n');
    return 0;
  }
  const mdFile = join(root, 'announcements', inRoot.split('/')[1]!, `${m[1]}.md`);
  if (!existsSync(mdFile)) fx.stdout(`还没有同名的公告正文 ${m[1]}.md：请用 npm run new 生成，或补上它。\n`);
  const { report } = validateDataRoot(root);
  const problems = report.problems.filter((p) => p.file === inRoot && p.code !== 'not-locked' && p.code !== 'missing-md');
  if (problems.length === 0) {
    fx.stdout('表格检查没有发现问题。提交前请运行 npm run validate 检查整个数据目录。\n');
  } else {
    const errors = problems.filter((p) => p.severity === 'error').length;
    fx.stdout(`\n表格中发现以下问题，请在 Excel 中改正后重新导入，或直接改 CSV：\n\n`);
    fx.stdout(formatText({ errors, warnings: problems.length - errors, problems }, { dataDir: relative(fx.cwd, root) || '.' }));
  }
  return 0;
}

await runIfMain(import.meta.url, main);
