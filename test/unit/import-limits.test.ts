/**
 * Reading spreadsheets under limits (issue 15): a zip bomb is refused before it is unpacked, or as
 * soon as it unpacks past what it declared; each limit (file size, unpacked size, rows, cells) has
 * its own message; a large valid sheet is converted; and number formats, which a crafted 2 kB
 * file once made take 76 s, cost the same per cell whatever the length of the format code.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFormat, formatNumber } from '../../src/import/number-format.ts';
import { IMPORT_LIMITS, ImportRefused, type ImportLimits } from '../../src/import/refusal.ts';
import { readWorkbook } from '../../src/import/xlsx.ts';
import { importXlsx } from '../../src/publish/xlsx.ts';
import { runScript } from '../support/scripts.ts';
import { repeatedDeflate, xlsxParts, zip } from '../support/zip.ts';

const work = mkdtempSync(join(tmpdir(), 'phaseout-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
const SHEET_TAIL = '</t></is></c></row></sheetData></worksheet>';

/** 2.5 GB of one cell's text, deflated: about 2.5 MB on disk. */
function bomb(declaredSize?: number): Uint8Array {
  const block = 'a'.repeat(10 * 1024 * 1024);
  const deflated = repeatedDeflate(SHEET_HEAD, block, 250, SHEET_TAIL);
  return zip(xlsxParts([{ name: 'Sheet1', deflated, ...(declaredSize !== undefined && { declaredSize }) }]));
}

function refusal(f: () => unknown): ImportRefused {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportRefused) return e;
    throw e;
  }
  throw new Error('not refused');
}

const row = (n: number, cells: readonly (string | number)[]) =>
  `<row r="${n}">${cells.map((c) => (typeof c === 'number' ? `<c><v>${c}</v></c>` : `<c t="inlineStr"><is><t>${c}</t></is></c>`)).join('')}</row>`;

const HEADER = ['清单编号', '企业名称', '行政区划代码', '行业', '设备名称及型号', '产能', '产能单位', '淘汰时限', '状态'];

/** A valid sheet of `n` data rows under the contract's header. */
function bigSheet(n: number): Uint8Array {
  const rows: string[] = [row(1, HEADER)];
  for (let i = 1; i <= n; i++) rows.push(row(i + 1, [`XA-${i}`, `咸宁市示例建材有限公司${i}`, 421202, '水泥', 'Φ3×11m机立窑生产线', 8.8, '万吨', '2026-12', '计划淘汰']));
  return zip(xlsxParts([{ name: '名单', xml: rows.join('') }]));
}

describe('zip bombs and limits', () => {
  it('a 2.5 GB sheet in a 2.5 MB file is refused from its directory, before anything is unpacked', () => {
    const bytes = bomb();
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const e = refusal(() => readWorkbook(bytes, IMPORT_LIMITS, '“炸弹.xlsx”'));
    expect(e.code).toBe('uncompressed-too-large');
    expect(e.message).toContain('“炸弹.xlsx”中的“xl/worksheets/sheet1.xml”解压后有 2.4 GB');
    expect(e.message).toContain('超过导入上限（解压后共 400.0 MB）');
    // Nothing near the declared size was allocated.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a bomb that declares 1 KB is stopped by zlib at 1 KB, and said to be no normal file', () => {
    const e = refusal(() => readWorkbook(bomb(1024), IMPORT_LIMITS, '“炸弹.xlsx”'));
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('解压后比它声明的 1 KB 更大，这不是正常的文件');
  });

  it('import-xlsx says so in Chinese, exit 2, never "not a valid workbook"', async () => {
    const file = join(work, '炸弹.xlsx');
    writeFileSync(file, bomb());
    const r = await runScript('import-xlsx', [file, '--out', join(work, 'out.csv'), '--data', work]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^无法运行：“炸弹.xlsx”中的“xl\/worksheets\/sheet1.xml”解压后有 2.4 GB/);
    expect(r.stderr).not.toMatch(/有效|valid|Error/);
  });

  it('several parts that together unpack past the limit: the total is refused, naming the part that went over', () => {
    const limits: ImportLimits = { ...IMPORT_LIMITS, uncompressedBytes: 3 * 1024 * 1024 };
    const sheet = row(1, ['x'.repeat(1024 * 1024)]);
    const bytes = zip(xlsxParts([{ name: 'A', xml: sheet }, { name: 'B', xml: sheet }, { name: 'C', xml: sheet }]));
    const e = refusal(() => readWorkbook(bytes, limits, '“名单.xlsx”'));
    expect(e.code).toBe('uncompressed-too-large');
    expect(e.message).toContain('“xl/worksheets/sheet3.xml”');
  });

  it('a file over the size limit is refused before it is read (a sparse 60 MB file)', async () => {
    const file = join(work, '大文件.xlsx');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 60 * 1024 * 1024);
    closeSync(fd);
    const r = await runScript('import-xlsx', [file, '--out', join(work, 'out.csv'), '--data', work]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('“大文件.xlsx”有 60.0 MB，超过导入上限 50.0 MB');
    expect(refusal(() => readWorkbook(new Uint8Array(60), { ...IMPORT_LIMITS, fileBytes: 50 }, '“x.xlsx”')).code).toBe('file-too-large');
  });

  it('too many rows and too many cells each get their own message', () => {
    const rows = refusal(() => readWorkbook(bigSheet(30), { ...IMPORT_LIMITS, rows: 20 }, '“名单.xlsx”'));
    expect(rows.code).toBe('too-many-rows');
    expect(rows.message).toContain('读到工作表“名单”第 21 行时超出');
    expect(rows.message).toContain('一份公告的表格最多 200000 行数据');
    // One stray value in the last column makes the table 16,384 columns wide.
    const wide = zip(xlsxParts([{ name: '名单', xml: Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="XFD${i + 1}"><v>2</v></c></row>`).join('') }]));
    const cells = refusal(() => readWorkbook(wide, IMPORT_LIMITS, '“名单.xlsx”'));
    expect(cells.code).toBe('too-many-cells');
    expect(cells.message).toContain('工作表“名单”：400 行 × 16384 列');
  });

  it('a valid sheet at the contract\'s 200,000 rows is converted; one more row is refused with the rows message', () => {
    const sheet = importXlsx(bigSheet(200_000), '“名单.xlsx”');
    expect(sheet.rowCount).toBe(200_000);
    expect(sheet.csv.slice(-120)).toContain('XA-200000,咸宁市示例建材有限公司200000,421202,水泥,Φ3×11m机立窑生产线,8.8,万吨,2026-12,计划淘汰');
    const e = refusal(() => importXlsx(bigSheet(201_000), '“名单.xlsx”'));
    expect(e.code).toBe('too-many-rows');
  }, 120_000);
});

describe('number formats cost the same per cell whatever the format code', () => {
  it('formats of any length are read without error; past Excel\'s 255 characters they are General', () => {
    expect(formatNumber(1.5, `0.${'0'.repeat(200)}`)).toBe('1.500000000000000000000000000000');
    expect(formatNumber(1.5, `0.${'0'.repeat(300)}`)).toBe('1.5');
    expect(formatNumber(22, '[Red]000000')).toBe('000022');
    expect(formatNumber(1234567.891, '#,##0.00;[Red]-#,##0.00')).toBe('1,234,567.89');
    expect(formatNumber(45775, '[' .repeat(100_000))).toBe('45775');
    expect(compileFormat('yyyy"年"m"月"').month).toBe(true);
    expect(compileFormat('yyyy"年"m"月"d"日"')).toMatchObject({ date: true, month: false });
  });

  /** A workbook of `cells` numbers, each styled with a format code of `length` characters of `[`. */
  function crafted(cells: number, length: number): Uint8Array {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${'['.repeat(length)}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const rows: string[] = [];
    for (let r = 1; r <= cells / 10; r++) rows.push(`<row r="${r}">${Array.from({ length: 10 }, (_, i) => `<c s="1"><v>${r * 10 + i}.5</v></c>`).join('')}</row>`);
    return zip(xlsxParts([{ name: 'S', xml: rows.join('') }], styles));
  }

  /**
   * The fastest of several runs of each, taken in turn (small, large, small, …) so that a slow
   * spell of a shared machine falls on both sides of the ratio.
   */
  function fastestInTurn(fs: readonly (() => void)[], rounds = 5): number[] {
    const best = fs.map(() => Infinity);
    for (let i = 0; i < rounds; i++) {
      fs.forEach((f, j) => {
        const t = performance.now();
        f();
        best[j] = Math.min(best[j]!, performance.now() - t);
      });
    }
    return best;
  }

  it('four times the cells and four times the format code take about four times as long (not sixteen or sixty-four)', () => {
    const small = crafted(5_000, 20_000);
    const large = crafted(20_000, 80_000);
    readWorkbook(small, IMPORT_LIMITS, 'w'); // warm up
    const [ts, tl] = fastestInTurn([() => readWorkbook(small, IMPORT_LIMITS, 'w'), () => readWorkbook(large, IMPORT_LIMITS, 'w')]) as [number, number];
    expect(readWorkbook(large, IMPORT_LIMITS, 'w')[0]!.rows[0]!.cells[0]).toBe('10.5');
    expect(tl / ts).toBeLessThan(10);
  });
});
