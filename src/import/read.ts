/**
 * A file's bytes → blocks of text and tables, by its extension: .xlsx (and .xlsm), .docx, .html
 * (and .htm), .csv (and .txt, .tsv) in UTF-8 or GBK. Older binary formats (.xls, .et, .doc, .wps)
 * are converted by LibreOffice first (scripts/import.ts); here they are refused with the fix.
 */
import Papa from 'papaparse';
import { decode } from '../read/encoding.ts';
import { parseCsv } from '../read/csv.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { ImportRefused, sizeText, type ImportLimits } from './refusal.ts';
import { Budget, squareUp, type Block, type SourceDocument, type SourceRow } from './source.ts';
import { readWorkbook } from './xlsx.ts';

export const FORMATS = {
  xlsx: ['xlsx', 'xlsm'],
  docx: ['docx'],
  html: ['html', 'htm'],
  csv: ['csv', 'txt', 'tsv'],
  /** Converted by LibreOffice where it is installed. */
  legacySheet: ['xls', 'et', 'ett'],
  legacyText: ['doc', 'wps', 'wpt'],
} as const;

export const extensionOf = (file: string) => /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8（带 BOM）', gb18030: 'GBK/GB18030', mixed: '有的行是 UTF-8，有的行是 GBK（已逐行识别，请核对）' };

/** Decodes a text file, refusing what is not text. */
function text(bytes: Uint8Array, file: string, notes: string[]): string {
  const d = decode(bytes);
  if (d.unreadable || d.encoding === 'unknown') {
    throw new ImportRefused('unsupported', `${file}既不是 UTF-8 也不是 GBK 编码的文本（可能是改了扩展名的其他文件，或 Big5 编码）。请用 Excel、WPS 或浏览器打开它，另存为 .xlsx、CSV UTF-8 或网页后再导入`);
  }
  notes.push(`文件编码：${ENCODING_NAMES[d.encoding] ?? d.encoding}`);
  return d.text.replace(/^\ufeff/, '');
}

/** A CSV (or tab-separated text) file: one table, each row at its physical line. */
function readCsvFile(t: string, limits: ImportLimits, file: string, notes: string[]): Block[] {
  const budget = new Budget(limits, file);
  const firstLine = t.slice(0, t.search(/\r?\n|$/));
  const tabs = firstLine.includes('\t') && !firstLine.includes(',');
  const rows: SourceRow[] = [];
  const keep = (n: number, cells: string[]) => {
    if (!cells.some((c) => c.trim() !== '')) return;
    budget.row(`第 ${n} 行`);
    let last = cells.length;
    while (last > 0 && cells[last - 1]!.trim() === '') last--;
    cells.length = last;
    rows.push({ n, cells });
  };
  if (tabs) {
    notes.push('分隔符：制表符');
    const result = Papa.parse<string[]>(t.replace(/\r\n?/g, '\n'), { delimiter: '\t', newline: '\n', skipEmptyLines: false });
    result.data.forEach((cells, i) => keep(i + 1, cells));
  } else {
    const parsed = parseCsv(t, limits.rows + 1);
    for (const r of parsed.records) keep(r.line, r.cells);
    if (parsed.truncated) budget.tooManyRows(`第 ${parsed.records.at(-1)?.line ?? 0} 行之后`);
  }
  squareUp(rows, '表格', budget);
  return [{ kind: 'table', where: '', rows, filled: 0 }];
}

/** Reads `bytes` as the format its extension says. `file` names it in messages (“名单.xlsx”). */
export function readSource(bytes: Uint8Array, ext: string, limits: ImportLimits, file: string): SourceDocument {
  const notes: string[] = [];
  const is = (list: readonly string[]) => list.includes(ext);
  if (!is(FORMATS.xlsx) && !is(FORMATS.docx) && bytes.length > limits.fileBytes) {
    throw new ImportRefused('file-too-large', `${file}有 ${sizeText(bytes.length)}，超过导入上限 ${sizeText(limits.fileBytes)}。请把名单分成几个文件分别导入`);
  }
  if (is(FORMATS.xlsx)) {
    const sheets = readWorkbook(bytes, limits, file);
    const hidden = sheets.filter((s) => s.hidden);
    if (hidden.length) notes.push(`隐藏的工作表没有导入：${hidden.map((s) => `“${s.sheet}”`).join('、')}`);
    return { format: 'xlsx', blocks: sheets.filter((s) => !s.hidden), notes };
  }
  if (is(FORMATS.docx)) return { format: 'docx', blocks: readDocx(bytes, limits, file), notes };
  if (is(FORMATS.html)) return { format: 'html', blocks: readHtml(text(bytes, file, notes), limits, file), notes };
  if (is(FORMATS.csv)) return { format: 'csv', blocks: readCsvFile(text(bytes, file, notes), limits, file, notes), notes };
  if (is(FORMATS.legacySheet) || is(FORMATS.legacyText)) {
    const to = is(FORMATS.legacySheet) ? 'Excel 工作簿（.xlsx）' : 'Word 文档（.docx）';
    throw new ImportRefused('unsupported', `${file}是旧的 .${ext} 格式，这台电脑上没有可用来转换它的 LibreOffice。请在 WPS、Excel 或 Word 中打开它，“另存为”${to}后再导入`);
  }
  throw new ImportRefused('unsupported', `不认识的文件类型 .${ext || '（无扩展名）'}：${file}。可以导入的有 .xlsx、.csv、.html、.docx，以及（装有 LibreOffice 时）.xls、.et、.doc、.wps`);
}
