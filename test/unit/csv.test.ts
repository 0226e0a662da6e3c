import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { writeCsv } from '../../src/text/csv.ts';
import { foreignDelimiter, parseCsv } from '../../src/read/csv.ts';
import { readTable } from '../../src/validate/table.ts';
import { buildTaxonomy } from '../../src/reference/industries.ts';
import { buildRegionTable } from '../../src/reference/regions.ts';
import { LineRowSchema } from '../../src/schema/line.ts';

const lines = (text: string) => parseCsv(text).records.map((r) => [r.line, r.cells]);

describe('parseCsv: physical line numbers', () => {
  it('one record per line; the header is line 1', () => {
    expect(lines('a,b\n1,2\n3,4\n')).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']]]);
  });

  it('a quoted cell with line breaks: the next record starts after them', () => {
    expect(lines('a,b\n"x\ny",2\n3,4\n')).toEqual([[1, ['a', 'b']], [2, ['x\ny', '2']], [4, ['3', '4']]]);
    expect(lines('a,b\n"x\n\n\ny",2\n3,4')).toEqual([[1, ['a', 'b']], [2, ['x\n\n\ny', '2']], [6, ['3', '4']]]);
  });

  it('several multi-line cells in one record', () => {
    expect(lines('a,b\n"1\n2","3\n4\n5"\nz,z\n')).toEqual([[1, ['a', 'b']], [2, ['1\n2', '3\n4\n5']], [6, ['z', 'z']]]);
  });

  it('escaped quotes and commas inside quotes', () => {
    expect(lines('a,b\n"他说""好"",\n行",2\n"1,200",3\n')).toEqual([[1, ['a', 'b']], [2, ['他说"好",\n行', '2']], [4, ['1,200', '3']]]);
  });

  it('CRLF and lone CR line ends count like LF, also inside quotes', () => {
    expect(lines('a,b\r\n1,2\r\n3,4\r\n')).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']]]);
    expect(lines('a,b\r\n"x\r\ny",2\r\n3,4\r\n')).toEqual([[1, ['a', 'b']], [2, ['x\ny', '2']], [4, ['3', '4']]]);
    expect(lines('a,b\r1,2\r3,4')).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']]]);
  });

  it('blank lines are skipped but counted', () => {
    expect(lines('a,b\n\n1,2\n\n\n3,4\n\n')).toEqual([[1, ['a', 'b']], [3, ['1', '2']], [6, ['3', '4']]]);
    expect(lines('\n\na,b\n1,2')).toEqual([[3, ['a', 'b']], [4, ['1', '2']]]);
    expect(lines('a,b\r\n\r\n1,2\r\n')).toEqual([[1, ['a', 'b']], [3, ['1', '2']]]);
  });

  it('a blank line right after a multi-line cell', () => {
    expect(lines('a,b\n"x\ny",2\n\n3,4')).toEqual([[1, ['a', 'b']], [2, ['x\ny', '2']], [5, ['3', '4']]]);
  });

  it('a quoted empty cell and a quoted line break alone', () => {
    expect(lines('a,b\n"",2\n"\n",4\n5,6')).toEqual([[1, ['a', 'b']], [2, ['', '2']], [3, ['\n', '4']], [5, ['5', '6']]]);
  });

  it('no trailing newline; empty input', () => {
    expect(lines('a,b\n1,2')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
    expect(lines('')).toEqual([]);
  });
});

describe('parseCsv: syntax errors', () => {
  it('an unclosed quote is reported on the line where the cell starts', () => {
    const r = parseCsv('a,b\n1,2\n3,"abc\n5,6\n');
    expect(r.errors).toEqual([{ line: 3, detail: '有一个用双引号开始的单元格没有结束的双引号' }]);
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 3]);
  });

  it('text right after a closing quote', () => {
    const r = parseCsv('a,b\n"x"y,2\n');
    expect(r.errors.map((e) => e.line)).toContain(2);
    expect(r.errors.map((e) => e.detail)).toContain('双引号括起的单元格后面紧跟了其他字符');
  });

  it('well-formed input has no errors', () => {
    expect(parseCsv('a,b\n"x ""y""",2\n').errors).toEqual([]);
  });
});

describe('foreignDelimiter', () => {
  it('names semicolons and tabs, only when there is no comma', () => {
    expect(foreignDelimiter('line_id;enterprise_name')).toBe('分号');
    expect(foreignDelimiter('清单编号；企业名称')).toBe('分号');
    expect(foreignDelimiter('line_id\tenterprise_name')).toBe('制表符');
    expect(foreignDelimiter('line_id,enterprise_name')).toBeUndefined();
    expect(foreignDelimiter('line_id')).toBeUndefined();
  });
});

describe('readTable: lines through the table reader', () => {
  const ctx = { file: 't.csv', taxonomy: buildTaxonomy(), regions: buildRegionTable() };
  const header = 'line_id,enterprise_name,region_code,industry,equipment,deadline,status';

  it('rows and problems carry the physical line after multi-line cells and CRLF', () => {
    const text = [header, 'A1,"甲\r\n厂",421202,电石,炉,2025-12,planned', '', 'A2,乙厂,421202,电石,炉,2025年底,planned', 'A3,丙厂,421202,电石,"炉\r\n\r\n二号",2025-12,计划淘汰'].join('\r\n');
    const t = readTable(text, LineRowSchema, 'plan', ctx);
    expect(t.rows.map((r) => r.line)).toEqual([2, 6]);
    expect(t.problems.map((p) => [p.code, p.line, p.column])).toEqual([['bad-date', 5, 'deadline']]);
  });

  it('a header after leading blank rows keeps its physical line', () => {
    const t = readTable(`\n,,\n${header},remark\nA1,甲厂,421202,电石,炉,2025-12,planned,x\n`, LineRowSchema, 'plan', ctx);
    expect(t.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unknown-column', 3, 'remark']]);
    expect(t.rows.map((r) => r.line)).toEqual([4]);
  });

  it('rows of empty cells, as spreadsheets leave them, are ignored', () => {
    const t = readTable(`${header}\nA1,甲厂,421202,电石,炉,2025-12,planned\n,,,,,,\n , ,,,,,\n`, LineRowSchema, 'plan', ctx);
    expect(t.problems).toEqual([]);
    expect(t.rows.length).toBe(1);
  });

  it('a file of blank lines is empty', () => {
    const t = readTable('\n \n,,\n', LineRowSchema, 'plan', ctx);
    expect(t.problems.map((p) => p.code)).toEqual(['empty-file']);
  });
});

describe('writeCsv: a table written in chunks', () => {
  it('gives the bytes of one unparse of all rows, a table of many chunks read back whole', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => [i, `名称,${i}`, i % 7 === 0 ? ' 前后空格 ' : `引"号${i}`, i % 5 === 0 ? null : `=公式${i}`]);
    const written = writeCsv(rows, { bom: true, escapeFormulae: true });
    const whole = `\ufeff${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true, quotes: (v: unknown) => typeof v === 'string' && /^\s|\s$/.test(v) })}\r\n`;
    expect(written).toBe(whole);
    expect(parseCsv(written.slice(1)).records).toHaveLength(1234);
    expect(writeCsv([], { bom: true })).toBe('\ufeff');
    expect(writeCsv((function* () { yield ['a', 1]; })())).toBe('a,1\r\n');
  });
});
