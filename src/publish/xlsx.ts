/**
 * `.xlsx` → the contract's CSV. Every cell becomes the text Excel shows for it, so what the office
 * sees is what gets checked: a credit code that Excel turned into a number shows as 9.14212E+17
 * and the validator reports `credit-code-scientific`, rather than a guess of its lost digits.
 * Only real Excel dates (a number with a date format) become YYYY-MM-DD; a date typed as text
 * (2026/4/28) stays as typed, for the validator to name the fix.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { KINDS, TABLE_SCHEMAS } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import { toHalfWidth, trimCell } from '../text/normalize.ts';
import { csvText } from './csv-text.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Decimal digits of a number as Excel keeps it (15 significant digits), without exponent. */
function plainDigits(abs: number, decimals: number): string {
  if (abs < 1e15) return abs.toFixed(decimals);
  // Past 15 digits Excel shows zeros, not the binary float's noise (914212345678901000, not …248).
  const [mantissa, exp] = abs.toPrecision(15).split('e+') as [string, string];
  const digits = mantissa.replace('.', '');
  const whole = digits.padEnd(Number(exp) + 1, '0');
  return decimals > 0 ? `${whole}.${'0'.repeat(decimals)}` : whole;
}

const expText = (e: number) => `E${e < 0 ? '-' : '+'}${pad2(Math.abs(e))}`;

function scientific(abs: number, decimals: number): string {
  let exp = Math.floor(Math.log10(abs));
  let m = (abs / 10 ** exp).toFixed(decimals);
  if (m.startsWith('10')) m = (abs / 10 ** ++exp).toFixed(decimals);
  return `${m}${expText(exp)}`;
}

const stripZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** Excel's "General" format in a standard-width cell: at most 11 characters. */
export function excelGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const sign = n < 0 ? '-' : '';
  const abs = Number(Math.abs(n).toPrecision(15));
  const width = 11 - sign.length;
  if (abs >= 1e11 || abs < 1e-9) {
    const exp = Math.floor(Math.log10(abs));
    const s = scientific(abs, Math.max(0, width - 2 - expText(exp).length));
    const [m, e] = s.split('E') as [string, string];
    return `${sign}${stripZeros(m)}E${e}`;
  }
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const s = stripZeros(abs.toFixed(Math.max(0, Math.min(width - intDigits - 1, 15))));
  return s === '0' ? '0' : `${sign}${s}`;
}

/** A number as shown under its number format; formats beyond the common ones fall back to General. */
export function formatNumber(n: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? 'General').split(';')[0]!.replace(/\[[^\]]*\]/g, '').replace(/\\/g, '').trim();
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  let m: RegExpExecArray | null;
  if ((m = /^(0+)(?:\.(0+))?$/.exec(fmt))) {
    const decimals = m[2]?.length ?? 0;
    const [int, frac] = plainDigits(abs, decimals).split('.') as [string, string | undefined];
    return `${sign}${int.padStart(m[1]!.length, '0')}${frac !== undefined ? `.${frac}` : ''}`;
  }
  if ((m = /^#,##0(?:\.(0+))?$/.exec(fmt))) {
    const [int, frac] = plainDigits(abs, m[1]?.length ?? 0).split('.') as [string, string | undefined];
    return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
  }
  if ((m = /^0(?:\.(0+))?%$/.exec(fmt))) return `${sign}${(abs * 100).toFixed(m[1]?.length ?? 0)}%`;
  if ((m = /^0(?:\.(0+))?E\+0+$/i.exec(fmt))) return abs === 0 ? '0' : `${sign}${scientific(abs, m[1]?.length ?? 0)}`;
  return excelGeneral(n);
}

/** A date cell as YYYY-MM-DD; Excel's dates carry no zone, which exceljs reads as UTC. */
export function formatDate(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000); // 0.99999 of a day is still that day
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** The text Excel shows for a cell's value. */
export function displayText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return displayText(value.text as CellValue, numFmt);
  if ('formula' in value || 'sharedFormula' in value) return displayText(value.result as CellValue, numFmt);
  return '';
}

/** The worksheet as rows of displayed text, from row 1, each as wide as the widest row. */
export function sheetText(ws: Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = displayText(c.value, c.numFmt);
    });
    rows[n - 1] = Array.from(cells, (s) => s ?? '');
  });
  const out = Array.from(rows, (r) => r ?? []);
  const width = Math.max(0, ...out.map((r) => r.reduce((w, s, i) => (trimCell(s) ? i + 1 : w), 0)));
  return out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

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

/** Reads the first worksheet of an .xlsx file as the contract's CSV (UTF-8 with BOM). */
export async function importXlsx(bytes: ArrayBuffer | Uint8Array): Promise<ImportedSheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs's declared Buffer type is narrower than what it accepts at run time.
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('工作簿中没有工作表');
  const rows = sheetText(ws);
  const head = headerRowIndex(rows);
  const data = rows.slice(head + 1).filter((r) => r.some((s) => trimCell(s)));
  const header = rows[head] ?? [];
  return { sheetName: ws.name, headerRow: head + 1, rowCount: data.length, csv: csvText([header, ...data]) };
}
