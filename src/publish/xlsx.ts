/**
 * `.xlsx` → the contract's CSV, for a sheet that already has the contract's columns
 * (`npm run import-xlsx`). The workbook is read by the importer's reader (src/import/xlsx.ts),
 * under its limits on file size, unpacked size, rows and cells, and every cell becomes the text
 * Excel shows for it, so what the office sees is what gets checked. Lists in other layouts go
 * through `npm run import` (src/import/).
 */
import { KINDS, TABLE_SCHEMAS } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import { toHalfWidth, trimCell } from '../text/normalize.ts';
import { IMPORT_LIMITS, type ImportLimits } from '../import/refusal.ts';
import { readWorkbook } from '../import/xlsx.ts';
import { csvText } from './csv-text.ts';

const headerKey = (s: string) => toHalfWidth(trimCell(s)).replace(/\s+/g, '').toLowerCase();
const KNOWN_HEADERS = new Set(KINDS.flatMap((k) => columnsOf(TABLE_SCHEMAS[k]).flatMap((c) => [headerKey(c.name), headerKey(c.meta.zh)])));

/**
 * The header row: the first of the first 20 rows with two or more known column names (a sheet
 * often starts with a title such as 附件1 … 名单); otherwise the first non-empty row.
 */
export function headerRowIndex(rows: readonly (readonly string[])[]): number {
  const known = rows.slice(0, 20).findIndex((r) => r.filter((s) => KNOWN_HEADERS.has(headerKey(s))).length >= 2);
  if (known >= 0) return known;
  return Math.max(0, rows.findIndex((r) => r.some((s) => trimCell(s))));
}

export interface ImportedSheet {
  sheetName: string;
  /** 1-based spreadsheet row of the header. */
  headerRow: number;
  /** Data rows written (blank rows are left out). */
  rowCount: number;
  csv: string;
}

/**
 * Reads the first visible worksheet of an .xlsx file as the contract's CSV (UTF-8 with BOM).
 * Throws ImportRefused (a Chinese message naming the limit or the damage) for a file it cannot read.
 */
export function importXlsx(bytes: Uint8Array, file = '文件', limits: ImportLimits = IMPORT_LIMITS): ImportedSheet {
  const [ws] = readWorkbook(bytes, limits, file, { firstOnly: true });
  // The reader keeps only rows with text, each with its row number in the sheet.
  const rows = ws!.rows;
  const head = headerRowIndex(rows.map((r) => r.cells));
  const data = rows.slice(head + 1).map((r) => r.cells);
  return { sheetName: ws!.sheet, headerRow: rows[head]?.n ?? 1, rowCount: data.length, csv: csvText([rows[head]?.cells ?? [], ...data]) };
}
