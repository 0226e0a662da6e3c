/** The one CSV writer (src/text/csv.ts) and the site's CSV downloads (src/output/csv.ts). */
import { expect, test } from 'vitest';
import { toCsv } from '../../src/output/csv.ts';
import { csvText } from '../../src/publish/csv-text.ts';
import { writeCsv } from '../../src/text/csv.ts';

const cell = (v: string | number) => toCsv(['h'], [[v]]).slice('\ufeffh\r\n'.length, -2);

test('in a download, a cell a spreadsheet would run as a formula is neutralised', () => {
  for (const v of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(cell(v).replace(/^"|"$/g, '').startsWith("'"), JSON.stringify(v)).toBe(true);
  expect(cell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  expect(cell(-5)).toBe('-5'); // numbers are numbers
  expect(cell('普通文字')).toBe('普通文字');
});

test('CSV is UTF-8 with BOM and CRLF, quoting commas, quotes, line breaks and white space at an edge', () => {
  expect(toCsv(['a', 'b'], [['x,y', 'he said "hi"\nbye']])).toBe('\ufeffa,b\r\n"x,y","he said ""hi""\nbye"\r\n');
  expect(writeCsv([[' lead', 'trail\u3000', 'mid dle']])).toBe('" lead","trail\u3000",mid dle\r\n');
  expect(toCsv(['b'], [[true], [false], [{ x: 1 }]])).toBe('\ufeffb\r\n是\r\n否\r\n"{""x"":1}"\r\n');
});

test('files for offices are written exactly as given: BOM, LF, nothing escaped', () => {
  expect(csvText([['清单编号', '备注'], ['=A1', 'x']])).toBe('\ufeff清单编号,备注\n=A1,x\n');
});
