/**
 * The workbooks for spreadsheet users, read back with exceljs: every identifier and date is a
 * string with every digit (an all-digit credit code, region 000000, line ids and stock codes with
 * leading zeros), numbers are numbers, headers are Chinese, the header row is frozen, columns
 * have widths; each region's workbook has its index sheet and one sheet per announcement with a
 * unique name of at most 31 characters; and the same data gives the same bytes whatever the clock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { bytesOf, modelOf, outputsOf } from '../support/outputs.ts';

const CODES = join(import.meta.dirname, '../fixtures/output/codes/data');
const model = modelOf(CODES);
const files = await outputsOf(model);

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytesOf(files.get(path)) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as objects keyed by its header cells. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => {
      const v = values[i];
      return [h, v && typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v];
    })));
  });
  return out;
}

describe('the national lines workbook', () => {
  test('keeps every code and date as text, with Chinese headers, a frozen header row and widths', async () => {
    const wb = await load('/data/lines.xlsx');
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.columns.every((c) => (c.width ?? 0) >= 8)).toBe(true);
    const rows = records(ws);
    const line = rows.find((r) => r['清单编号'] === '000123')!;
    expect(line).toBeDefined();
    expect(line['统一社会信用代码']).toBe('914212021001583828');
    expect(line['行政区划代码']).toBe('421202');
    expect(line['线的唯一键']).toBeUndefined(); // a key for programs: lines.csv has it
    expect(line['淘汰时限']).toBe('2025-10');
    expect(line['首次公布日期']).toBe('2025-03-01');
    expect(line['产能']).toBe(1.5);
    expect(line['是否逾期']).toBe('否');
    expect(rows.find((r) => r['清单编号'] === '0042')!['淘汰时限']).toBe('2025-12-31');
    // Text cells are formatted as text, so a spreadsheet keeps them so when edited.
    const col = (ws.getRow(1).values as unknown[]).indexOf('统一社会信用代码');
    expect(ws.getRow(2).getCell(col).numFmt).toBe('@');
  });

  test('has the same bytes whatever the clock says', async () => {
    const again = async (when: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(when));
      try {
        return await outputsOf(modelOf(CODES));
      } finally {
        vi.useRealTimers();
      }
    };
    const a = await again('2031-01-01T03:04:05Z');
    const b = await again('2032-06-07T08:09:10Z');
    for (const path of ['/data/lines.xlsx', '/regions/421200/announcements.xlsx', '/regions/000000/announcements.xlsx']) {
      expect(bytesOf(a.get(path)).equals(bytesOf(b.get(path))), path).toBe(true);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(a.get('/data/lines.xlsx')) as unknown as ArrayBuffer);
    expect(wb.created.toISOString()).toBe('2025-02-28T16:00:00.000Z'); // the as-of date, midnight in China
  });
});

describe('a region’s workbook of the announcements it issued', () => {
  test('starts with an index of its announcements, newest first, linking each to its rows in its kind’s sheet', async () => {
    // Xian'an is a county: its announcements are in its city's (Xianning's) workbook.
    const wb = await load('/regions/421200/announcements.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', '计划淘汰名单']);
    const index = records(wb.getWorksheet('目录')!);
    expect(index.map((r) => r['公告编号'])).toEqual(['2025-421202-plan', '2024-421202-plan-with-a-long-name-second-list', '2024-421202-plan-with-a-long-name-first-list']);
    expect(index[0]).toMatchObject({ 工作表: '计划淘汰名单', 所在行: '2–3', 发布地区: '咸安区', 类别: '计划淘汰名单', 发布日期: '2025-03-01', 行数: 2, 公告页面: 'https://phaseout.example.gov.cn/announcements/2025-421202-plan/' });
    const cell = wb.getWorksheet('目录')!.getRow(3).getCell(1).value as { hyperlink: string };
    expect(cell.hyperlink).toBe(`#'计划淘汰名单'!A${index[1]!['所在行']!.toString().split('–')[0]}`);
  });

  test('gives each announcement its table, a block of rows under its id, with Chinese headers and labels, codes as text', async () => {
    const wb = await load('/regions/421200/announcements.xlsx');
    const rows = records(wb.getWorksheet('计划淘汰名单')!);
    const index = records(wb.getWorksheet('目录')!);
    // Blocks in the index's order, each as long as its table, where the index says.
    let at = 2;
    for (const entry of index) {
      const n = Number(entry['行数']);
      const block = rows.slice(at - 2, at - 2 + n);
      expect(block.every((r) => r['公告编号'] === entry['公告编号']), String(entry['公告编号'])).toBe(true);
      if (n > 0) expect(entry['所在行']).toBe(n === 1 ? String(at) : `${at}–${at + n - 1}`);
      at += n;
    }
    expect(rows.length).toBe(at - 2);
    expect(rows[0]).toMatchObject({
      公告编号: '2025-421202-plan',
      清单编号: '000123', 统一社会信用代码: '914212021001583828', 行政区划代码: '421202', 行业: '电石', 状态: '已关停',
      关停时间: '2025-01-05', 股票代码: '000001', 能否恢复生产: '否', 产能: 1.5, x_原文序号: '001',
    });
  });

  test('keeps region 000000 of a national table', async () => {
    const wb = await load('/regions/000000/announcements.xlsx');
    const rows = records(wb.getWorksheet('目标任务')!).filter((r) => r['公告编号'] === '2025-000000-target');
    expect(rows.map((r) => r['行政区划代码'])).toEqual(['000000', '420000']);
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!soffice)('LibreOffice', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  test('reads every digit of the workbook’s codes, and loses them from the CSV', { timeout: 120_000 }, () => {
    dir = mkdtempSync(join(tmpdir(), 'phaseout-lo-'));
    writeFileSync(join(dir, 'lines.xlsx'), bytesOf(files.get('/data/lines.xlsx')));
    writeFileSync(join(dir, 'lines.csv'), bytesOf(files.get('/data/lines.csv')));
    const run = (file: string, out: string, filter: string[]) =>
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', ...filter, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', join(dir, out), join(dir, file)], { stdio: 'ignore', timeout: 110_000 });
    run('lines.xlsx', 'from-xlsx', []);
    run('lines.csv', 'from-csv', ['--infilter=CSV:44,34,76,1']);
    const fromXlsx = readFileSync(join(dir, 'from-xlsx/lines.csv'), 'utf8');
    expect(fromXlsx).toContain('914212021001583828');
    expect(fromXlsx).toMatch(/^000123,/m);
    // What the data page warns about: the CSV opened in a spreadsheet loses digits.
    const fromCsv = readFileSync(join(dir, 'from-csv/lines.csv'), 'utf8');
    expect(fromCsv).not.toContain('914212021001583828');
    expect(fromCsv).toMatch(/9\.1421202100158\dE\+0?17/);
  });
});
