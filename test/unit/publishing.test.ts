/**
 * Publishing as an office does it: `npm run new`, fill in, `npm run lock`; corrections with
 * `--supersedes`; the table templates; importing an .xlsx. Scripts run in process through their
 * main(argv, effects), with the arguments offices give them; data roots are built in temporary folders.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS, type Kind } from '../../src/schema/announcement.ts';
import { parseFrontMatter } from '../../src/read/frontmatter.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { announcementMd, chineseHeader, freeId } from '../../src/publish/scaffold.ts';
import { dayInChina } from '../../src/i18n/format.ts';
import { EXAMPLE_REGION, EXAMPLE_YEAR } from '../../src/publish/examples.ts';
import { templateCsv } from '../../src/publish/templates.ts';
import { runScript } from '../support/scripts.ts';
import { headerRowIndex, importXlsx } from '../../src/publish/xlsx.ts';
import { excelGeneral, formatNumber } from '../../src/import/number-format.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string, args: readonly string[]) => runScript(name, args);

const roots: string[] = [];
function dataRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'phaseout-publish-'));
  roots.push(root);
  mkdirSync(join(root, 'announcements'));
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const annFile = (root: string, year: number, id: string, ext: 'md' | 'csv') => join(root, 'announcements', String(year), `${id}.${ext}`);
const codes = (root: string) => validateDataRoot(root).report.problems.map((p) => `${p.severity} ${p.code} ${p.column ?? ''}`.trim());

/** Appends one row, given by Chinese header, to a table whose header `new` wrote. */
function appendRow(file: string, cells: Record<string, string>) {
  const text = readFileSync(file, 'utf8');
  const header = text.replace(/^\ufeff/, '').split('\n')[0]!.split(',');
  const unknown = Object.keys(cells).filter((k) => !header.includes(k));
  expect(unknown).toEqual([]);
  writeFileSync(file, `${text}${header.map((h) => cells[h] ?? '').join(',')}\n`);
}

function fillIssuer(file: string, issuer = '咸安区经济和信息化局') {
  const md = readFileSync(file, 'utf8');
  expect(md).toMatch(/^issuer: +#/m);
  writeFileSync(file, md.replace(/^issuer:.*$/m, `issuer: ${issuer}`));
}

const PLAN_ROW = {
  清单编号: 'XA-2026-001', 企业名称: '咸宁市示例建材有限公司', 统一社会信用代码: '91421202MA4E7K2N0U', 行政区划代码: '421202',
  行业: '水泥', 设备名称及型号: 'Φ3×11m机立窑生产线', 产能: '8.8', 产能单位: '万吨', 淘汰时限: '2026-12-31', 状态: '计划淘汰',
};

describe('npm run new', () => {
  it('an office creates a plan, fills in the issuer and a row, locks it, and the record validates', async () => {
    const root = dataRoot();
    const r = await script('new', ['--kind', 'plan', '--region', '421202', '--year', '2026', '--published', '2026-03-20', '--data', root]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2026-421202-plan');
    const md = annFile(root, 2026, '2026-421202-plan', 'md');
    const csv = annFile(root, 2026, '2026-421202-plan', 'csv');
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('title: 咸安区2026年淘汰落后产能计划名单');
    expect(text).toContain('region: "421202"');
    expect(text).toContain('published: "2026-03-20"');
    expect(readFileSync(csv, 'utf8')).toBe(`\ufeff${chineseHeader('plan').join(',')}\n`);

    // Until the office names itself, the announcement cannot pass.
    expect(codes(root)).toContain('error missing-key issuer');
    const lockFirst = await script('lock', ['--data', root]);
    expect(lockFirst.status).toBe(1);
    expect(existsSync(join(root, 'published.lock'))).toBe(false);

    fillIssuer(md);
    appendRow(csv, PLAN_ROW);
    expect(codes(root)).toEqual(['warning not-locked']);
    const lock = await script('lock', ['--data', root]);
    expect(lock.status).toBe(0);
    expect(lock.stdout).toContain('已锁定 1 条公告');
    const record = validateDataRoot(root);
    expect(record.report.problems).toEqual([]);
    expect(record.announcements.map((a) => [a.id, a.rows.length])).toEqual([['2026-421202-plan', 1]]);
    // The announcement, and what its rows resolve to (industries, regions: reference-changed).
    expect(Object.keys(JSON.parse(readFileSync(join(root, 'published.lock'), 'utf8')) as object)).toEqual(['2026-421202-plan', '_references']);
  });

  it('takes the next free id when the recommended one is taken in any year', async () => {
    const root = dataRoot();
    mkdirSync(join(root, 'announcements', '2026'));
    mkdirSync(join(root, 'announcements', '2019'));
    writeFileSync(annFile(root, 2026, '2026-421202-plan', 'md'), '');
    writeFileSync(annFile(root, 2019, '2026-421202-plan-2', 'csv'), '');
    const r = await script('new', ['--kind', 'plan', '--region', '421202', '--year', '2026', '--data', root]);
    expect(r.status).toBe(0);
    expect(existsSync(annFile(root, 2026, '2026-421202-plan-3', 'md'))).toBe(true);
    expect(existsSync(annFile(root, 2026, '2026-421202-plan-3', 'csv'))).toBe(true);
    // Without --published, today's date in China.
    expect(readFileSync(annFile(root, 2026, '2026-421202-plan-3', 'md'), 'utf8')).toMatch(/^published: "\d{4}-\d{2}-\d{2}"$/m);
  });

  it.each([
    [['--kind', 'plann', '--region', '421202', '--year', '2026'], '不认识的公告类别“plann”'],
    [['--kind', 'plan', '--region', '429999', '--year', '2026'], '行政区划代码“429999”不存在'],
    [['--kind', 'plan', '--region', '42120', '--year', '2026'], '不是6位数字'],
    [['--kind', 'plan', '--region', '421202', '--year', '26'], '年度“26”不对'],
    [['--kind', 'plan', '--region', '421202', '--year', '2026', '--published', '2026/3/20'], '发布日期“2026/3/20”不对'],
    [['--region', '421202', '--year', '2026'], '请用 --kind 指定公告类别'],
    [['--supersedes', '2020-000000-plan'], '找不到要更正的公告“2020-000000-plan”'],
  ])('%j: exit 2 with a Chinese message and no files', async (args, message) => {
    const root = dataRoot();
    const r = await script('new', [...args, '--data', root]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .+:\d+:\d+/);
    expect(readdirSync(join(root, 'announcements'))).toEqual([]);
  });

  it('--supersedes copies kind, region, year, issuer and the table, and needs a correction note', async () => {
    const root = dataRoot();
    expect((await script('new', ['--kind', 'plan', '--region', '421202', '--year', '2026', '--published', '2026-03-20', '--data', root])).status).toBe(0);
    const oldMd = annFile(root, 2026, '2026-421202-plan', 'md');
    const oldCsv = annFile(root, 2026, '2026-421202-plan', 'csv');
    fillIssuer(oldMd);
    appendRow(oldCsv, PLAN_ROW);
    appendRow(oldCsv, { ...PLAN_ROW, 清单编号: 'XA-2026-002', 企业名称: '咸宁市示例铁合金厂', 统一社会信用代码: '', 行业: '铁合金', 设备名称及型号: '6300KVA矿热炉', 产能: '3' });
    expect((await script('lock', ['--data', root])).status).toBe(0);

    const r = await script('new', ['--supersedes', '2026-421202-plan', '--published', '2026-04-02', '--data', root]);
    expect(r.status).toBe(0);
    const md = readFileSync(annFile(root, 2026, '2026-421202-plan-2', 'md'), 'utf8');
    expect(md).toContain('kind: plan\nregion: "421202"\nyear: 2026\nissuer: 咸安区经济和信息化局\n');
    expect(md).toContain('supersedes: 2026-421202-plan\n');
    expect(md).toContain('title: 咸安区2026年淘汰落后产能计划名单（更正）');
    const newCsv = annFile(root, 2026, '2026-421202-plan-2', 'csv');
    expect(readFileSync(newCsv)).toEqual(readFileSync(oldCsv));
    expect(codes(root)).toContain('error missing-key correction_note');

    // The office corrects the capacity, drops a row and says so.
    writeFileSync(annFile(root, 2026, '2026-421202-plan-2', 'md'), md.replace(/^correction_note:.*$/m, 'correction_note: XA-2026-001 的产能更正为 9 万吨；删去 XA-2026-002（已于2025年淘汰）。'));
    const lines = readFileSync(newCsv, 'utf8').trimEnd().split('\n');
    writeFileSync(newCsv, `${[lines[0], lines[1]!.replace(',8.8,', ',9,')].join('\n')}\n`);
    const record = validateDataRoot(root);
    expect(record.report.problems.map((p) => p.code)).toEqual(['not-locked']);
    expect([...record.superseded]).toEqual(['2026-421202-plan']);

    // One correction per announcement: a second one is pointed at the latest.
    const again = await script('new', ['--supersedes', '2026-421202-plan', '--data', root]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('npm run new -- --supersedes 2026-421202-plan-2');
    const otherKind = await script('new', ['--supersedes', '2026-421202-plan-2', '--kind', 'completion', '--data', root]);
    expect(otherKind.status).toBe(2);
    expect(otherKind.stderr).toContain('--kind 应为 plan');
  });

  it('lock refuses an edited published announcement and says how to publish a correction', async () => {
    const root = dataRoot();
    expect((await script('new', ['--kind', 'plan', '--region', '421202', '--year', '2026', '--published', '2026-03-20', '--data', root])).status).toBe(0);
    fillIssuer(annFile(root, 2026, '2026-421202-plan', 'md'));
    appendRow(annFile(root, 2026, '2026-421202-plan', 'csv'), PLAN_ROW);
    expect((await script('lock', ['--data', root])).status).toBe(0);
    appendRow(annFile(root, 2026, '2026-421202-plan', 'csv'), { ...PLAN_ROW, 清单编号: 'XA-2026-009' });
    const r = await script('lock', ['--data', root]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[lock-mismatch]');
    expect(r.stdout).toContain('npm run new -- --supersedes 2026-421202-plan');
    expect(r.stdout).toMatch(/git checkout -- \S*announcements\/2026\/2026-421202-plan\.csv/);
  });
});

describe('scaffold', () => {
  it('free ids and titles', async () => {
    expect(freeId(2026, '421202', 'plan', new Set())).toBe('2026-421202-plan');
    expect(freeId(2026, '421202', 'plan', new Set(['2026-421202-plan', '2026-421202-plan-2']))).toBe('2026-421202-plan-3');
    expect(announcementMd({ kind: 'assessment', region: '140000', regionName: '山西省', year: 2025, published: '2026-01-05' })).toContain('title: 山西省2025年度淘汰落后产能工作考核结果');
    expect(dayInChina(new Date('2026-03-19T16:30:00Z'))).toBe('2026-03-20'); // 00:30 in Beijing
  });

  it('a title YAML would misread is quoted', async () => {
    const md = announcementMd({ kind: 'plan', region: '421202', regionName: '咸安区', year: 2026, published: '2026-03-20', title: '关于: #1 的更正', issuer: '某局' });
    const fm = parseFrontMatter(md);
    expect(fm.ok && fm.value.data).toMatchObject({ title: '关于: #1 的更正', issuer: '某局', region: '421202', year: 2026 });
  });
});

describe('templates', () => {
  it.each(KINDS.map((k) => [k]))('templates/%s.csv: Chinese headers, one example row, UTF-8 with BOM, and it validates', async (kind: Kind) => {
    const csv = templateCsv(kind);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(',')).toEqual(chineseHeader(kind));
    expect(readFileSync(join(REPO, 'templates', `${kind}.csv`), 'utf8')).toBe(csv);

    const root = dataRoot();
    const id = `${EXAMPLE_YEAR}-${EXAMPLE_REGION}-${kind}`;
    mkdirSync(join(root, 'announcements', String(EXAMPLE_YEAR)));
    writeFileSync(annFile(root, EXAMPLE_YEAR, id, 'md'), announcementMd({ kind, region: EXAMPLE_REGION, regionName: '咸安区', year: EXAMPLE_YEAR, published: '2026-12-31', issuer: '咸安区经济和信息化局' }));
    writeFileSync(annFile(root, EXAMPLE_YEAR, id, 'csv'), csv);
    const record = validateDataRoot(root);
    expect(record.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(record.announcements[0]!.rows).toHaveLength(1);
  });
});

describe('npm run import-xlsx', () => {
  /** A sheet as offices make them: a title row, Chinese headers, Excel numbers and dates. */
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('计划名单');
    ws.addRow(['附件1', '咸安区2026年淘汰落后产能计划名单']);
    ws.addRow(['清单编号', '企业名称', '统一社会信用代码', '行政区划代码', '行业', '设备名称及型号', '产能', '产能单位', '淘汰时限', '状态', '关停时间', '股票代码', '备注']);
    ws.addRow(['XA-2026-001', '咸宁市示例建材有限公司', 914212020000000000, 421202, '水泥', 'Φ3×11m机立窑生产线', 8.8, '万吨', new Date(Date.UTC(2026, 11, 31)), '计划淘汰', null, 600022, { richText: [{ text: '位于' }, { text: '温泉' }] }]);
    ws.addRow([]);
    ws.addRow(['XA-2026-002', '咸宁市示例铁合金厂', '91421202MA4E7K2N0U', '421202', '铁合金', '6300KVA矿热炉', { formula: '1+2', result: 3 }, '万吨', '2026-09', '已关停', '2026/2/10', 22, '']);
    ws.getCell('I3').numFmt = 'yyyy"年"m"月"d"日"';
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('reads the first sheet as displayed text: scientific credit codes stay broken, real dates become YYYY-MM-DD', async () => {
    const sheet = importXlsx(await workbook());
    expect(sheet).toMatchObject({ sheetName: '计划名单', headerRow: 2, rowCount: 2 });
    const lines = sheet.csv.slice(1).trimEnd().split('\n');
    expect(sheet.csv.startsWith('\ufeff')).toBe(true);
    expect(lines[1]).toBe('XA-2026-001,咸宁市示例建材有限公司,9.14212E+17,421202,水泥,Φ3×11m机立窑生产线,8.8,万吨,2026-12-31,计划淘汰,,600022,位于温泉');
    expect(lines[2]).toBe('XA-2026-002,咸宁市示例铁合金厂,91421202MA4E7K2N0U,421202,铁合金,6300KVA矿热炉,3,万吨,2026-09,已关停,2026/2/10,22,');
  });

  it('writes the table into the data root and lists its problems', async () => {
    const root = dataRoot();
    expect((await script('new', ['--kind', 'plan', '--region', '421202', '--year', '2026', '--published', '2026-03-20', '--data', root])).status).toBe(0);
    const xlsx = join(root, '..', `${root.split(/[\\/]/).pop()}.xlsx`);
    roots.push(xlsx);
    writeFileSync(xlsx, await workbook());
    const r = await script('import-xlsx', [xlsx, '--out', 'announcements/2026/2026-421202-plan.csv', '--data', root]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('表头在第 2 行，2 行数据');
    expect(r.stdout).toContain('[credit-code-scientific] 第 2 行 credit_code 列');
    expect(r.stdout).toContain('[bad-date] 第 3 行 shutdown_date 列');
    expect(r.stdout).toContain('[bad-stock-code] 第 3 行 stock_code 列');
    const problems = validateDataRoot(root).report.problems.filter((p) => p.file.endsWith('.csv'));
    expect(problems.map((p) => [p.code, p.line, p.value])).toEqual([
      ['credit-code-scientific', 2, '9.14212E+17'],
      ['bad-date', 3, '2026/2/10'],
      ['bad-stock-code', 3, '22'],
    ]);
  });

  it('will not overwrite a published table, and says what is wrong with a file that is no workbook', async () => {
    const root = dataRoot();
    expect((await script('new', ['--kind', 'plan', '--region', '421202', '--year', '2026', '--published', '2026-03-20', '--data', root])).status).toBe(0);
    fillIssuer(annFile(root, 2026, '2026-421202-plan', 'md'));
    expect((await script('lock', ['--data', root])).status).toBe(0);
    const fake = join(root, 'announcements', 'fake.xlsx');
    writeFileSync(fake, 'not a zip');
    const locked = await script('import-xlsx', [fake, '--out', 'announcements/2026/2026-421202-plan.csv', '--data', root]);
    expect(locked.status).toBe(2);
    expect(locked.stderr).toContain('npm run new -- --supersedes 2026-421202-plan');
    const broken = await script('import-xlsx', [fake, '--out', 'announcements/2026/2026-421202-plan-2.csv', '--data', root]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('不是完整的 .xlsx 文件');
    expect((await script('import-xlsx', ['名单.xls', '--out', 'a.csv', '--data', root])).stderr).toContain('另存为');
  });

  it('formats numbers as Excel shows them', async () => {
    expect(excelGeneral(914212345678901234)).toBe('9.14212E+17');
    expect(excelGeneral(123456789012)).toBe('1.23457E+11');
    expect(excelGeneral(12345678901)).toBe('12345678901');
    expect(excelGeneral(0.1 + 0.2)).toBe('0.3');
    expect(excelGeneral(1 / 3)).toBe('0.333333333');
    expect(excelGeneral(-1234.5678)).toBe('-1234.5678');
    expect(excelGeneral(45775)).toBe('45775');
    expect(formatNumber(22, '000000')).toBe('000022');
    expect(formatNumber(914212345678901234, '0')).toBe('914212345678901000');
    expect(formatNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formatNumber(914212345678901234, '0.00E+00')).toBe('9.14E+17');
    expect(headerRowIndex([['标题'], [], ['line_id', '企业名称']])).toBe(2);
    expect(headerRowIndex([[], ['a', 'b']])).toBe(1);
  });
});
