import type { ExportTable } from './tables.ts';
import { t } from '../i18n/zh-CN.ts';

/**
 * CSV as the site writes it: RFC 4180 with CRLF line ends, quoting commas, quotes, line breaks
 * and leading or trailing spaces.
 *
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at its start) is written
 * with a leading apostrophe. Table cells cannot start so (the validator's `formula-cell`); front
 * matter values (titles, issuers …) can until issue 15's validator rejects them too, after which
 * this guard never fires and can go: exports must not alter values.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = typeof v === 'boolean' ? (v ? t.yes : t.no) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. Files for machines
   * go without: the Frictionless reference implementation reads a BOM as part of the first header.
   */
  bom?: boolean;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, opts: CsvOptions = { bom: true }): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return `${opts.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** A value for machines: booleans as true/false (Table Schema's defaults), objects as JSON. */
const machineValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : v);

/** A table for machines: canonical headers, no BOM; what the Data Package describes. */
export function tableCsv(table: ExportTable): string {
  return toCsv(table.fields.map((f) => f.name), mapRows(table.rows(), (r) => r.map(machineValue)), { bom: false });
}

/** A table for people who want CSV anyway: Chinese headers, 是/否, with a BOM for Excel. */
export function tableCsvZh(table: ExportTable): string {
  return toCsv(table.fields.map((f) => f.title), table.rows(), { bom: true });
}

function* mapRows<T, U>(rows: Iterable<T>, f: (r: T) => U): Generator<U> {
  for (const r of rows) yield f(r);
}
