/**
 * `npm run new -- --kind plan --region 421202 --year 2026 [--published YYYY-MM-DD] [--data DIR]`
 * `npm run new -- --supersedes ID [--published YYYY-MM-DD] [--data DIR]`
 *
 * Creates announcements/<year>/<id>.md and .csv with a free id. The issuer (and, for a
 * correction, the correction note) is left blank with a comment, so validation fails until the
 * office fills it. A correction copies kind, region, year, issuer and the old table.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KIND_LABELS, KINDS, type Kind } from '../src/schema/announcement.ts';
import { decode } from '../src/read/encoding.ts';
import { parseFrontMatter } from '../src/read/frontmatter.ts';
import { LOCK_FILE, parseLock } from '../src/validate/lock.ts';
import { toHalfWidth, trimCell } from '../src/text/normalize.ts';
import type { RegionTable } from '../src/reference/regions.ts';
import { validateRaw } from '../src/validate/validate.ts';
import { BOM } from '../src/publish/csv-text.ts';
import { announcementMd, freeId, headerCsv } from '../src/publish/scaffold.ts';
import { dayInChina } from '../src/i18n/format.ts';
import { dataRoot, fail, parseOptions, runIfMain, type Effects } from './cli.ts';

export interface Existing { id: string; dir: string }

/** Every announcement id in the data root, with its year folder. */
export function existingAnnouncements(root: string): Existing[] {
  const base = join(root, 'announcements');
  if (!existsSync(base)) return [];
  const out = new Map<string, Existing>();
  for (const dir of readdirSync(base, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(base, dir.name))) {
      const m = /^(.+)\.(md|csv)$/.exec(f);
      if (m && !out.has(m[1]!)) out.set(m[1]!, { id: m[1]!, dir: dir.name });
    }
  }
  return [...out.values()];
}

/** GB/T 2260 plus the data root's regions.csv, as the validator sees them. */
export function regionTable(root: string): RegionTable {
  const file = join(root, 'regions.csv');
  const regions = existsSync(file) ? { path: 'regions.csv', bytes: readFileSync(file) } : undefined;
  return validateRaw({ announcements: [], problems: [], regions }).regions;
}

function frontMatterOf(file: string): Record<string, unknown> | undefined {
  const fm = parseFrontMatter(decode(readFileSync(file)).text.replace(/^\ufeff/, ''));
  return fm.ok ? fm.value.data : undefined;
}

const KIND_LIST = KINDS.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、');

export function parseKind(v: string | undefined): Kind {
  if (v === undefined) fail(`请用 --kind 指定公告类别：${KIND_LIST}`);
  const k = trimCell(v).toLowerCase();
  if (!(KINDS as readonly string[]).includes(k)) fail(`不认识的公告类别“${v}”。可用的类别：${KIND_LIST}`);
  return k as Kind;
}

export function parseRegion(v: string | undefined, regions: RegionTable): string {
  if (v === undefined) fail('请用 --region 指定发布地区的6位行政区划代码，如 --region 421202（全国为 000000）');
  const code = toHalfWidth(trimCell(v));
  if (!/^\d{6}$/.test(code)) fail(`行政区划代码“${v}”不是6位数字，如 421202（咸安区）`);
  if (!regions.get(code)) fail(`行政区划代码“${v}”不存在。请核对代码；已撤销的旧代码请先加到数据目录的 regions.csv 中`);
  return code;
}

export function parseYear(v: string | undefined): number {
  if (v === undefined) fail('请用 --year 指定公告针对的年度，如 --year 2026');
  const y = toHalfWidth(trimCell(v));
  if (!/^\d{4}$/.test(y) || +y < 1980 || +y > 2100) fail(`年度“${v}”不对，应为4位年份，如 2026`);
  return +y;
}

export function parsePublished(v: string | undefined, now: Date): string {
  if (v === undefined) return dayInChina(now); // an authoring tool may read the clock
  const d = toHalfWidth(trimCell(v));
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const valid = m && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= new Date(Date.UTC(+m[1]!, +m[2]!, 0)).getUTCDate();
  if (!valid) fail(`发布日期“${v}”不对，应写成 YYYY-MM-DD，如 2026-04-28`);
  return d;
}

const USAGE = 'npm run new -- --kind 类别 --region 地区代码 --year 年度 [--published YYYY-MM-DD] [--data 目录]，或 npm run new -- --supersedes 公告编号';

export function main(argv: readonly string[], fx: Effects): number {
  const { values: opt } = parseOptions(argv, {
    data: { type: 'string' }, kind: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, published: { type: 'string' }, supersedes: { type: 'string' },
  }, USAGE);
  const root = dataRoot(opt.data, fx);
  const existing = existingAnnouncements(root);
  const regions = regionTable(root);
  const published = parsePublished(opt.published, fx.now());
  const shown = (abs: string) => relative(fx.cwd, abs) || abs;

  let kind: Kind;
  let region: string;
  let year: number;
  let issuer: string | undefined;
  let title: string | undefined;
  let supersedes: { id: string; title: string } | undefined;
  let csv: string | Uint8Array;
  const notes: string[] = [];

  const oldId = opt.supersedes;
  if (oldId !== undefined) {
    const old = existing.find((e) => e.id === trimCell(oldId));
    if (!old) fail(`找不到要更正的公告“${oldId}”：数据目录 ${shown(root)} 的 announcements/<年份>/ 中没有 ${oldId}.md`);
    const oldMd = join(root, 'announcements', old.dir, `${old.id}.md`);
    const oldCsv = join(root, 'announcements', old.dir, `${old.id}.csv`);
    const meta = existsSync(oldMd) ? frontMatterOf(oldMd) : undefined;
    const oldKind = typeof meta?.kind === 'string' ? meta.kind.trim().toLowerCase() : undefined;
    const oldRegion = typeof meta?.region === 'number' ? String(meta.region).padStart(6, '0') : typeof meta?.region === 'string' ? toHalfWidth(meta.region.trim()) : undefined;
    const oldYear = typeof meta?.year === 'number' ? meta.year : Number(meta?.year);
    if (!meta || !oldKind || !(KINDS as readonly string[]).includes(oldKind) || !oldRegion || !regions.get(oldRegion) || !Number.isInteger(oldYear)) {
      fail(`公告 ${old.id} 的前置信息无法读取（kind、region 或 year 有误），请先运行 npm run validate 查看`);
    }
    kind = oldKind as Kind;
    region = oldRegion;
    year = oldYear;
    for (const [flag, given, value] of [['--kind', opt.kind, kind], ['--region', opt.region, region], ['--year', opt.year, String(year)]] as const) {
      if (given !== undefined && trimCell(given) !== value) fail(`更正公告的类别、地区和年度与原公告相同：${flag} 应为 ${value}，或者不写`);
    }
    const claimedBy = existing.find((e) => {
      const file = join(root, 'announcements', e.dir, `${e.id}.md`);
      return e.id !== old.id && existsSync(file) && frontMatterOf(file)?.supersedes === old.id;
    });
    if (claimedBy) fail(`公告 ${old.id} 已经被 ${claimedBy.id} 更正了。请更正最新的那一条：npm run new -- --supersedes ${claimedBy.id}`);
    const lockFile = join(root, LOCK_FILE);
    const lock = existsSync(lockFile) ? parseLock(readFileSync(lockFile, 'utf8')).lock : {};
    if (!lock[old.id]) notes.push(`注意：公告 ${old.id} 尚未锁定（未正式发布），可以直接修改它，不必发布更正公告。`);
    if (typeof meta.issuer === 'string' && meta.issuer.trim()) issuer = meta.issuer.trim();
    const oldTitle = typeof meta.title === 'string' && meta.title.trim() ? meta.title.trim() : old.id;
    title = `${oldTitle}（更正）`;
    supersedes = { id: old.id, title: oldTitle };
    if (existsSync(oldCsv)) {
      const bytes = readFileSync(oldCsv);
      const d = decode(bytes);
      // Copy the table as it is, so the diff shows only the office's corrections; GBK becomes UTF-8.
      csv = d.encoding === 'utf-8' || d.encoding === 'utf-8-bom' ? bytes : `${BOM}${d.text}`;
    } else {
      csv = headerCsv(kind);
      notes.push(`注意：原公告没有表格文件 ${old.id}.csv，新表格只有表头。`);
    }
  } else {
    kind = parseKind(opt.kind);
    region = parseRegion(opt.region, regions);
    year = parseYear(opt.year);
    csv = headerCsv(kind);
  }

  const id = freeId(year, region, kind, new Set(existing.map((e) => e.id)));
  const dir = join(root, 'announcements', String(year));
  const md = announcementMd({ kind, region, regionName: regions.get(region)!.name, year, published, issuer, title, supersedes });
  mkdirSync(dir, { recursive: true });
  const mdFile = join(dir, `${id}.md`);
  const csvFile = join(dir, `${id}.csv`);
  writeFileSync(mdFile, md, { flag: 'wx' });
  writeFileSync(csvFile, csv, { flag: 'wx' });

  const rel = `announcements/${year}/${id}.csv`;
  fx.stdout([
    `已生成${supersedes ? `更正公告（更正 ${supersedes.id}）` : `${KIND_LABELS[kind]}公告`} ${id}：`,
    `  ${shown(mdFile)}  前置信息和正文`,
    `  ${shown(csvFile)}  表格${supersedes ? '（已复制原公告的表格）' : '（只有表头）'}`,
    ...notes,
    '接下来：',
    `  1. 在 .md 中${issuer ? '核对 issuer（发布机关）' : '填写 issuer（发布机关全称）'}${supersedes ? '，填写 correction_note（更正说明）' : ''}，核对标题和发布日期（${published}），有文号填 doc_number，并把正文换成公告原文；`,
    `  2. 用 Excel 或 WPS 打开 .csv ${supersedes ? '改正名单' : '填写名单'}，保存为“CSV UTF-8（逗号分隔）”；也可以从 .xlsx 导入：npm run import-xlsx -- 名单.xlsx --out ${rel}`,
    '  3. 运行 npm run validate，改正所有错误；',
    '  4. 正式发布时运行 npm run lock，再提交。详见 docs/发布指南.md。',
    '',
  ].join('\n'));
  return 0;
}

await runIfMain(import.meta.url, main);
