import { expect, test } from 'vitest';
import { csvCell, toCsv } from '../../src/output/csv.ts';

test('a cell a spreadsheet would run as a formula is neutralised on export', () => {
  for (const v of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(v).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  expect(csvCell(-5)).toBe('-5'); // numbers are numbers
  expect(csvCell('普通文字')).toBe('普通文字');
});

test('CSV is UTF-8 with BOM and CRLF, quoting commas, quotes and line breaks', () => {
  expect(toCsv(['a', 'b'], [['x,y', 'he said "hi"\nbye']])).toBe('\ufeffa,b\r\n"x,y","he said ""hi""\nbye"\r\n');
});
