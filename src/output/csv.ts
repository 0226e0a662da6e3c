import type { ExportTable } from './tables.ts';
import { writeCsv, type CsvValue } from '../text/csv.ts';
import { t } from '../i18n/zh-CN.ts';

/**
 * CSV downloads of the site: CRLF, formula-like text escaped (src/text/csv.ts). For people,
 * booleans read 是/否 and the file starts with a byte-order mark for Excel; for machines they read
 * true/false and there is no BOM (the Frictionless reference implementation reads one into the
 * first header). Objects are written as JSON.
 */
const peopleValue = (v: unknown): CsvValue => (typeof v === 'boolean' ? (v ? t.yes : t.no) : v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as CsvValue));

export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, opts: { bom?: boolean } = { bom: true }): string {
  function* all(): Generator<CsvValue[]> {
    yield [...header];
    for (const r of rows) yield r.map(peopleValue);
  }
  return writeCsv(all(), { bom: opts.bom ?? true, newline: '\r\n', escapeFormulae: true });
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
