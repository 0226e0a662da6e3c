/**
 * The numbers of a chart as a table model, so a page can print an HTML `<table>` beside the chart
 * and offer a CSV of exactly those numbers. Numeric cells hold the values rounded as the chart
 * prints them.
 */
import { toCsv } from '../output/csv.ts';
import { t } from '../i18n/zh-CN.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';

export interface ChartColumn {
  /** Key of the value in each row. */
  key: string;
  /** Chinese header. */
  label: string;
  /** Unit of every value in the column (万吨, %, 条); absent when a unit column names it per row. */
  unit?: string;
  /** Numbers are right-aligned on pages and written unformatted to CSV. */
  numeric: boolean;
  /** Values are ISO dates (YYYY-MM-DD): Chinese on pages, ISO in CSV. */
  date?: boolean;
}

export type ChartCell = string | number | undefined;

export interface ChartTable {
  caption: string;
  columns: ChartColumn[];
  rows: Record<string, ChartCell>[];
}

/** Header of a column with its unit: 目标（万吨）. */
export function columnHeader(c: ChartColumn): string {
  return c.unit ? `${c.label}（${c.unit}）` : c.label;
}

/** A cell as a page shows it: Chinese number and date formats; 不详 where the value is unknown. */
export function formatTableCell(c: ChartColumn, v: ChartCell): string {
  if (v === undefined) return t.unknown;
  if (typeof v === 'number') return formatNumber(v, 4);
  return c.date ? formatDate(v) : v;
}

/**
 * The table as CSV: UTF-8 with BOM (Excel opens it as UTF-8), CRLF, headers with units, numbers
 * unformatted, text cells that a spreadsheet would run as a formula prefixed with an apostrophe.
 */
export function chartTableToCsv(table: ChartTable): string {
  return toCsv(
    table.columns.map(columnHeader),
    table.rows.map((row) => table.columns.map((c) => row[c.key])),
  );
}
