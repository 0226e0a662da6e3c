/**
 * A file whose rows are some UTF-8, some GBK (two exports joined, or a file saved by two programs
 * in turn): reported as mixed with the rows of each named, every row still read in its own
 * encoding, and refused by fix-encoding, which would turn the UTF-8 rows into mojibake.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode, toUtf8 } from '../../src/read/encoding.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { runScript } from '../support/scripts.ts';

const CASE = join(import.meta.dirname, '../fixtures/invalid/mixed-encoding/data');
const CSV = 'announcements/2025/2025-421202-plan.csv';
const scratch = mkdtempSync(join(tmpdir(), 'phaseout-mixed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a file of UTF-8 and GBK rows', () => {
  it('is decoded row by row, each row in its own encoding, and the rows of each are named', () => {
    const d = decode(readFileSync(join(CASE, CSV)));
    expect(d.encoding).toBe('mixed');
    expect(d.lines).toEqual({ utf8: [2, 5], gbk: [3, 4] });
    expect(d.text.split('\n').map((l) => l.split(',')[1])).toEqual(['enterprise_name', '咸安区温泉电石总厂', '咸宁市恒宇物资贸易有限公司', '咸宁市示例电石厂', '咸宁市示例铁合金厂', undefined]);
  });

  it('is reported as mixed (not as GBK), and its rows are checked as written', () => {
    const { report, announcements } = validateDataRoot(CASE);
    const p = report.problems.find((x) => x.code === 'mixed-encoding')!;
    expect(p).toMatchObject({ file: CSV, line: 3 });
    expect(p.message).toContain('第 2、5 行是 UTF-8，第 3–4 行是 GBK/GB18030');
    expect(report.problems.some((x) => x.code === 'encoding-gbk')).toBe(false);
    expect(announcements[0]!.rows.map((r) => (r.data as { enterprise_name: string }).enterprise_name)).toEqual(['咸安区温泉电石总厂', '咸宁市恒宇物资贸易有限公司', '咸宁市示例电石厂', '咸宁市示例铁合金厂']);
  });

  it('is refused by fix-encoding, which names the rows and leaves the file as it was', async () => {
    const file = join(scratch, 'plan.csv');
    cpSync(join(CASE, CSV), file);
    const before = readFileSync(file);
    const r = await runScript('fix-encoding', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('混用了两种编码（第 2、5 行是 UTF-8，第 3–4 行是 GBK），整体转换会把一部分行变成乱码，未改动');
    expect(readFileSync(file)).toEqual(before);
    expect(() => toUtf8(before)).toThrow(/混用了两种编码/);
  });

  it('a file that is GBK throughout is still GBK, and fix-encoding still converts it', async () => {
    const text = '清单编号,企业名称\nXA-001,咸安区温泉电石总厂\nXA-002,咸宁市示例电石厂\n';
    const file = join(scratch, 'gbk.csv');
    writeFileSync(file, iconv.encode(text, 'gbk'));
    expect(decode(readFileSync(file)).encoding).toBe('gb18030');
    const r = await runScript('fix-encoding', [file]);
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a line of GBK that happens to be valid UTF-8 without Chinese counts as GBK', () => {
    // 磨 in GBK is C4 A5: a valid two-byte UTF-8 sequence (ĥ), not Chinese.
    const bytes = Buffer.concat([Buffer.from('a,咸安区\n'), iconv.encode('b,磨\n', 'gbk'), iconv.encode('c,咸宁市示例电石厂\n', 'gbk')]);
    expect(decode(bytes)).toMatchObject({ encoding: 'mixed', lines: { utf8: [1], gbk: [2, 3] }, text: 'a,咸安区\nb,磨\nc,咸宁市示例电石厂\n' });
  });
});
