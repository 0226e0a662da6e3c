/**
 * `npm run import -- FILE --kind K --region CODE --year Y [--published DATE] [--title T] [--issuer I]
 *   [--region-name 名称=代码 …] [--status S] [--industry I] [--id ID] [--report FILE] [--data DIR]`
 *
 * Brings in a list an office has already published, in its own layout: .xlsx, .csv (UTF-8 or
 * GBK), .html (a saved notice page), .docx, and .xls/.et/.doc/.wps through LibreOffice where it is
 * installed. Writes the announcement's two files into the data root as `npm run new` does, prints
 * the review report (every inference, with evidence and confidence; skipped and unmapped rows;
 * what is left to fill in) and the validator's problems for the new announcement.
 * Exit 0: written and the announcement validates; 1: written, with problems left to fix; 2: could not run.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ANNOUNCEMENT_ID, KIND_LABELS, type Kind } from '../src/schema/announcement.ts';
import { statusLabel, LINE_STATUSES } from '../src/schema/line.ts';
import { LOCK_FILE, parseLock } from '../src/validate/lock.ts';
import { formatText } from '../src/output/report.ts';
import { toHalfWidth, trimCell } from '../src/text/normalize.ts';
import { validateDataRoot, validateRaw } from '../src/validate/validate.ts';
import { announcementMd, freeId } from '../src/publish/scaffold.ts';
import { csvText } from '../src/publish/csv-text.ts';
import { convertDocument, type Reference } from '../src/import/convert.ts';
import { extensionOf, FORMATS, readSource } from '../src/import/read.ts';
import { IMPORT_LIMITS, ImportRefused, sizeText } from '../src/import/refusal.ts';
import { reviewReport, positionsText } from '../src/import/report.ts';
import { convertWithLibreOffice } from '../src/import/soffice.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';
import { existingAnnouncements, parseKind, parsePublished, parseRegion, parseYear } from './new.ts';

const USAGE =
  'npm run import -- 名单文件 --kind 类别 --region 地区代码 --year 年度 [--published YYYY-MM-DD] [--title 标题] [--issuer 发布机关] ' +
  '[--region-name 名称=代码] [--status 状态] [--industry 行业] [--id 公告编号] [--report 报告文件] [--data 目录]';

/** Lines of the table traced back to the source in the report; the rest are counted. */
const TRACED = 100;

const FORMAT_NAMES: Record<string, string> = { xlsx: 'Excel 工作簿（.xlsx）', docx: 'Word 文档（.docx）', html: '网页（.html）', csv: 'CSV 文本' };

/** The data root's region table and industry taxonomy, as the validator builds them. */
function referenceTables(root: string): Reference {
  const file = (name: string) => (existsSync(join(root, name)) ? { path: name, bytes: readFileSync(join(root, name)) } : undefined);
  const { regions, taxonomy } = validateRaw({ announcements: [], problems: [], regions: file('regions.csv'), industries: file('industries.csv') });
  return { regions, taxonomy };
}

/** `--region-name 朝阳区=110105`, repeated: answers for ambiguous or unknown place names. */
function parseRegionNames(list: readonly string[], ref: Reference): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of list) {
    const m = /^(.+?)[=＝]\s*([0-9０-９]{6})$/.exec(trimCell(item));
    if (!m) fail(`--region-name 应写成 名称=6位代码，如 --region-name 朝阳区=110105：${item}`);
    const code = toHalfWidth(m[2]!);
    if (!ref.regions.get(code)) fail(`--region-name ${item}：行政区划代码 ${code} 不存在。已撤销的旧代码请先加到数据目录的 regions.csv 中`);
    out.set(trimCell(m[1]!), code);
  }
  return out;
}

function parseStatus(v: string | undefined, kind: Kind): string | undefined {
  if (v === undefined) return undefined;
  if (kind !== 'plan' && kind !== 'completion') fail(`--status 只用于计划名单和完成名单`);
  const t = trimCell(v);
  const hit = LINE_STATUSES.find((s) => s === t.toLowerCase() || statusLabel(s) === t);
  if (!hit) fail(`不认识的状态“${v}”。可用：${LINE_STATUSES.map((s) => statusLabel(s)).join('、')}`);
  return statusLabel(hit);
}

export function main(argv: readonly string[], fx: Effects): number {
  const { values: opt, positionals } = parseOptions(argv, {
    data: { type: 'string' }, kind: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, published: { type: 'string' },
    title: { type: 'string' }, issuer: { type: 'string' }, 'region-name': { type: 'string', multiple: true }, status: { type: 'string' },
    industry: { type: 'string' }, id: { type: 'string' }, report: { type: 'string' },
  }, USAGE, true);
  const [given, ...more] = positionals;
  if (given === undefined) fail(`请给出要导入的名单文件（.xlsx、.csv、.html、.docx 等）。用法：${USAGE}`);
  if (more.length) fail(`一次只能导入一个文件，多出了：${more.join(' ')}`);
  const file = resolve(fx.cwd, given);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`找不到文件：${given}`);
  const root = dataRoot(opt.data, fx);
  const ref = referenceTables(root);
  const kind = parseKind(opt.kind);
  const region = parseRegion(opt.region, ref.regions);
  const year = parseYear(opt.year);
  const published = parsePublished(opt.published, fx.now());
  const regionNames = parseRegionNames(opt['region-name'] ?? [], ref);
  const status = parseStatus(opt.status, kind);
  if (opt.industry !== undefined && !ref.taxonomy.lookup(opt.industry)) fail(`--industry：行业“${opt.industry}”不在行业表中。请写行业表中的名称，如 水泥、炼铁、电石`);
  const title = opt.title !== undefined ? trimCell(opt.title) : undefined;
  if (title === '') fail('--title 不能为空');
  const issuer = opt.issuer !== undefined ? trimCell(opt.issuer) || undefined : undefined;
  const shown = (abs: string) => relative(fx.cwd, abs) || abs;
  const reportFile = opt.report !== undefined ? resolve(fx.cwd, opt.report) : undefined;
  if (reportFile && (reportFile === root || reportFile.startsWith(root + sep))) {
    fail(`--report 的报告文件不能放在数据目录里（数据目录只能有公告文件，否则检查会报“多余的文件”）：${opt.report}`);
  }

  // The announcement's id: a free one, or --id to import again over an announcement not yet published.
  const existing = existingAnnouncements(root);
  const lockFile = join(root, LOCK_FILE);
  const locked = existsSync(lockFile) ? parseLock(readFileSync(lockFile, 'utf8')).lock : {};
  let id: string;
  if (opt.id !== undefined) {
    id = trimCell(opt.id);
    if (!ANNOUNCEMENT_ID.test(id)) fail(`公告编号“${opt.id}”不对：只能用小写字母、数字和“-”，如 ${year}-${region}-${kind}`);
    if (locked[id]) fail(`公告 ${id} 已正式发布（已记入 published.lock），不能覆盖。更正请另发公告：npm run new -- --supersedes ${id}`);
    const other = existing.find((e) => e.id === id && e.dir !== String(year));
    if (other) fail(`公告编号 ${id} 已在 announcements/${other.dir}/ 中使用。请换一个编号，或不写 --id`);
  } else {
    id = freeId(year, region, kind, new Set(existing.map((e) => e.id)));
  }

  // Read: the file's size before anything else; older binary formats through LibreOffice.
  const name = `“${basename(file)}”`;
  const size = statSync(file).size;
  if (size > IMPORT_LIMITS.fileBytes) fail(`${name}有 ${sizeText(size)}，超过导入上限 ${sizeText(IMPORT_LIMITS.fileBytes)}。请删去其中的图片等与名单无关的内容，或把名单分成几个文件分别导入`);
  let ext = extensionOf(file);
  let bytes: Uint8Array = readFileSync(file);
  let via = '';
  const legacySheet = (FORMATS.legacySheet as readonly string[]).includes(ext);
  if (legacySheet || (FORMATS.legacyText as readonly string[]).includes(ext)) {
    const to = legacySheet ? 'xlsx' : 'docx';
    const c = convertWithLibreOffice(file, to, fx.env.PHASEOUT_SOFFICE || 'soffice');
    if (!c.ok) {
      const saveAs = legacySheet ? 'Excel 工作簿（.xlsx）' : 'Word 文档（.docx）';
      fail(c.reason === 'missing'
        ? `${name}是旧的 .${ext} 格式，这台电脑上没有安装 LibreOffice，无法转换。请在 WPS、Excel 或 Word 中打开它，“另存为”${saveAs}后再导入`
        : `LibreOffice 没能把${name}转换为 .${to}（${c.detail || '没有输出'}）。请在 WPS、Excel 或 Word 中打开它，“另存为”${saveAs}后再导入`);
    }
    bytes = c.bytes;
    via = `（由 LibreOffice 从 .${ext} 转换为 .${to}）`;
    ext = to;
  }
  let doc;
  try {
    doc = readSource(bytes, ext, IMPORT_LIMITS, name);
  } catch (e) {
    if (e instanceof ImportRefused) fail(e.message);
    throw e;
  }

  const table = convertDocument(doc, { kind, region, year, regionNames, status, industry: opt.industry }, ref);
  if (table.rows.length === 0) {
    fx.stdout(reviewReport(table, { source: basename(file), format: `${FORMAT_NAMES[doc.format] ?? doc.format}${via}`, notes: doc.notes, id, files: ['（没有写入）'] }));
    fail(`没有从${name}中读到${KIND_LABELS[kind]}的数据行，没有写入任何文件。上面的报告说明了读到的表格和跳过的行`);
  }

  // Write the announcement as `npm run new` does, with the imported table.
  const dir = join(root, 'announcements', String(year));
  mkdirSync(dir, { recursive: true });
  const md = announcementMd({ kind, region, regionName: ref.regions.get(region)!.name, year, published, issuer, title });
  writeFileSync(join(dir, `${id}.md`), md);
  writeFileSync(join(dir, `${id}.csv`), csvText([table.header, ...table.rows]));
  const rel = `announcements/${year}/${id}`;

  let report = reviewReport(table, {
    source: basename(file),
    format: `${FORMAT_NAMES[doc.format] ?? doc.format}${via}`,
    notes: doc.notes,
    id,
    files: [`${shown(join(dir, `${id}.md`))}`, `${shown(join(dir, `${id}.csv`))}`],
  });

  // What the validator says about the new announcement, each table line traced to the source row.
  const { report: checked } = validateDataRoot(root);
  const problems = checked.problems.filter((p) => (p.file === `${rel}.md` || p.file === `${rel}.csv`) && p.code !== 'not-locked');
  const errors = problems.filter((p) => p.severity === 'error').length;
  report += '\n检查结果（npm run validate，只列本公告）：\n';
  if (problems.length === 0) {
    report += '  本公告检查通过。请核对上面标了[中][低]的推断，再运行 npm run validate 检查整个数据目录，正式发布时运行 npm run lock。\n';
  } else {
    report += formatText({ errors, warnings: problems.length - errors, problems }, { dataDir: shown(root) }).replace(/^(?=.)/gm, '  ');
    const traced = problems.filter((p) => p.file.endsWith('.csv') && p.line !== undefined && p.line >= 2 && table.positions[p.line - 2]);
    if (traced.length) {
      report += '  表格各行在原文件中的位置：\n';
      const lines = [...new Set(traced.map((p) => p.line!))].sort((a, b) => a - b);
      for (const l of lines.slice(0, TRACED)) report += `    表格第 ${l} 行 ← 原表${positionsText([table.positions[l - 2]!])}\n`;
      if (lines.length > TRACED) report += `    ……另有 ${lines.length - TRACED} 行（导入报告“还需填写”一节列出了全部）\n`;
    }
    report += `  改正办法：在 .md 中填写缺少的前置信息；在 .csv 中补全或改正上面的单元格（或改正原文件后加 --id ${id} 重新导入）。\n`;
  }
  fx.stdout(report);
  if (reportFile) writeFileSync(reportFile, report);
  return errors > 0 ? 1 : 0;
}

await runIfMain(import.meta.url, main);
