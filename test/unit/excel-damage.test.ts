/**
 * What Excel and WPS do to a CSV, and what the office is told. Each kind of damage gets its own
 * problem code and a hint that names the fix: retype the code as text, save as "CSV UTF-8" or run
 * fix-encoding, write the date as YYYY-MM-DD (with the date spelled out).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/schema/problem.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { importXlsx } from '../../src/publish/xlsx.ts';
import { runScript } from '../support/scripts.ts';

const ID = '2025-421202-plan';
const CSV = `announcements/2025/${ID}.csv`;
const MD = `---
title: 咸安区2025年淘汰落后产能计划名单
kind: plan
region: "421202"
year: 2025
issuer: 咸安区经济和信息化局
published: "2025-06-30"
---
正文。
`;
const HEADER = '清单编号,企业名称,统一社会信用代码,行政区划代码,行业,设备名称及型号,产能,产能单位,淘汰时限,状态,关停时间,股票代码';
const row = (cells: Partial<Record<'code' | 'shutdown' | 'stock' | 'capacity', string>> = {}) =>
  `XA-001,咸宁市示例建材有限公司,${cells.code ?? '91421202MA4E7K2N0U'},421202,水泥,Φ3×11m机立窑生产线,${cells.capacity ?? '8.8'},万吨,2025-12,已关停,${cells.shutdown ?? '2025-04-28'},${cells.stock ?? ''}`;

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A data root with one plan whose table is `csv` (text as UTF-8, or bytes as given). */
function rootWith(csv: string | Uint8Array): string {
  const root = mkdtempSync(join(tmpdir(), 'phaseout-excel-'));
  roots.push(root);
  mkdirSync(join(root, 'announcements', '2025'), { recursive: true });
  writeFileSync(join(root, 'announcements', '2025', `${ID}.md`), MD);
  writeFileSync(join(root, CSV), csv);
  return root;
}

/** The problems of the table, without the not-locked reminder every new announcement gets. */
const tableProblems = (root: string): Problem[] => validateDataRoot(root).report.problems.filter((p) => p.code !== 'not-locked');

function only(root: string): Problem {
  const ps = tableProblems(root);
  expect(ps.map((p) => p.code)).toHaveLength(1);
  return ps[0]!;
}

describe('Excel damage gets a specific problem and a hint that names the fix', () => {
  it('an undamaged table is clean (the baseline every case below changes one thing of)', () => {
    expect(tableProblems(rootWith(`${HEADER}\n${row()}\n`))).toEqual([]);
  });

  it('a credit code Excel turned into 9.14212E+17: credit-code-scientific, retype it as text', () => {
    for (const shown of ['9.14212E+17', '9.14212e+17', '9.1421202E17']) {
      const p = only(rootWith(`${HEADER}\n${row({ code: shown })}\n`));
      expect(p).toMatchObject({ severity: 'error', code: 'credit-code-scientific', file: CSV, line: 2, column: 'credit_code', value: shown });
      expect(p.message).toContain('科学计数法');
      expect(p.hint).toContain('重新录入');
      expect(p.hint).toContain('文本');
    }
  });

  it('a GBK save ("CSV (逗号分隔)" in Chinese Excel or WPS): encoding-gbk, run fix-encoding and save as CSV UTF-8 next time', () => {
    const root = rootWith(iconv.encode(`${HEADER}\n${row()}\n`, 'gbk'));
    const p = only(root);
    expect(p).toMatchObject({ severity: 'error', code: 'encoding-gbk', file: CSV });
    expect(p.line).toBeUndefined();
    expect(p.hint).toMatch(new RegExp(`npm run fix-encoding -- \\S*${CSV}`));
    expect(p.hint).toContain('CSV UTF-8');
  });

  it('a GBK file is still read: its other problems are reported in the same run', () => {
    const ps = tableProblems(rootWith(iconv.encode(`${HEADER}\n${row({ shutdown: '2025/4/28' })}\n`, 'gbk')));
    expect(ps.map((p) => p.code)).toEqual(['encoding-gbk', 'bad-date']);
  });

  it('the fix that the hint names works: fix-encoding rewrites the file as UTF-8 and it validates', async () => {
    const root = rootWith(iconv.encode(`${HEADER}\n${row()}\n`, 'gbk'));
    const r = await runScript('fix-encoding', [join(root, CSV)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('GBK/GB18030');
    expect(readFileSync(join(root, CSV), 'utf8')).toBe(`${HEADER}\n${row()}\n`);
    expect(tableProblems(root)).toEqual([]);
  });

  it.each([
    ['2025/4/28', '2025-04-28'],
    ['4/28/2025', '2025-04-28'],
    ['28/4/2025', '2025-04-28'],
    ['2025年4月28日', '2025-04-28'],
    ['2025.4.28', '2025-04-28'],
    ['2025-4-28', '2025-04-28'],
  ])('a date Excel rewrote as %s: bad-date, suggesting %s', (written, fixed) => {
    const p = only(rootWith(`${HEADER}\n${row({ shutdown: written })}\n`));
    expect(p).toMatchObject({ severity: 'error', code: 'bad-date', line: 2, column: 'shutdown_date', value: written });
    expect(p.hint).toContain(`请写成 ${fixed}`);
    expect(p.hint).toContain('文本');
  });

  it('an Excel serial day number (45775): bad-date, naming it as such and the date it stands for', () => {
    const p = only(rootWith(`${HEADER}\n${row({ shutdown: '45775' })}\n`));
    expect(p).toMatchObject({ code: 'bad-date', column: 'shutdown_date', value: '45775' });
    expect(p.message).toContain('序号');
    expect(p.hint).toContain('请写成 2025-04-28');
  });

  it('an ambiguous day/month (4/5/2025): bad-date without a guess, still naming the format', () => {
    const p = only(rootWith(`${HEADER}\n${row({ shutdown: '4/5/2025' })}\n`));
    expect(p.code).toBe('bad-date');
    expect(p.hint).not.toContain('请写成');
    expect(p.hint).toContain('2025-04-28 这样的格式');
  });

  it('a stock code that lost its leading zeros (000022 → 22): bad-stock-code, set the column to text', () => {
    const p = only(rootWith(`${HEADER}\n${row({ stock: '22' })}\n`));
    expect(p).toMatchObject({ code: 'bad-stock-code', column: 'stock_code', value: '22' });
    expect(p.hint).toContain('文本');
  });

  it.each([
    ['tab', '\t', '制表符'],
    ['semicolon', ';', '分号'],
  ])('a table saved %s-separated: bad-delimiter, save as CSV UTF-8 (逗号分隔)', (_name, sep, word) => {
    const p = tableProblems(rootWith(`${HEADER.replace(/,/g, sep)}\n${row().replace(/,/g, sep)}\n`)).find((x) => x.code === 'bad-delimiter');
    expect(p).toBeDefined();
    expect(p!.message).toContain(word);
    expect(p!.hint).toContain('CSV UTF-8（逗号分隔）');
  });

  it('a number with thousands separators (Excel\'s 1,000 format): bad-number, write 1000', () => {
    const p = only(rootWith(`${HEADER}\n${row({ capacity: '"1,000"' })}\n`));
    expect(p).toMatchObject({ code: 'bad-number', column: 'capacity', value: '1,000' });
    expect(p.hint).toContain('1000');
  });

  it('a number typed with its unit (8万吨): number-with-unit, split into the two columns', () => {
    const p = only(rootWith(`${HEADER}\n${row({ capacity: '8万吨' })}\n`));
    expect(p).toMatchObject({ code: 'number-with-unit', column: 'capacity' });
    // The header is the Chinese one, so the hint names the columns as the office's file does.
    expect(p.hint).toBe('在“产能”中只填 8，在“产能单位”中填 万吨。');
  });

  it('an .xlsx whose credit-code column Excel stored as a number: the import keeps 9.14212E+17 and the validator reports it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(HEADER.split(','));
    ws.addRow(['XA-001', '咸宁市示例建材有限公司', 914212020000000000, 421202, '水泥', 'Φ3×11m机立窑生产线', 8.8, '万吨', '2025-12', '已关停', new Date(Date.UTC(2025, 3, 28)), null]);
    ws.getCell('K2').numFmt = 'yyyy/m/d';
    const sheet = importXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const p = only(rootWith(sheet.csv));
    expect(p).toMatchObject({ code: 'credit-code-scientific', line: 2, value: '9.14212E+17' });
  });
});
