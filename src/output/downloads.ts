/**
 * The national downloads under /data/: the tables as CSV for machines (described by the Data
 * Package), the lines table also with Chinese headers, as JSON and as a workbook for spreadsheet
 * users, the Table Schemas and `datapackage.json`. `dataFiles` says what each file is (the data
 * page lists them from it); `dataDownloads` writes them.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../derive/model.ts';
import { t } from '../i18n/zh-CN.ts';
import { tableCsv, tableCsvZh } from './csv.ts';
import { gzipped } from './precompress.ts';
import { dataPackage, schemaPath, tableSchema, type WrittenTable } from './datapackage.ts';
import type { SiteFile } from './site-files.ts';
import { exportTables, forPeople, type ExportTable } from './tables.ts';
import { renderInProcess, type RenderWorkbook, type WorkbookJob } from './xlsx.ts';

export const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
export const byteLength = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.byteLength(s) : s.byteLength);

export const CSV = 'text/csv; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const GZIP = 'application/gzip';

/** Who a download is for. */
export type Audience = 'spreadsheet' | 'machine' | 'both';

export interface DataFile {
  /** Site path. */
  path: string;
  title: string;
  /** What it holds and how to use it, in Chinese. */
  note: string;
  audience: Audience;
  /** Rows of the table, where it is one. */
  rows?: number | undefined;
}

/** Rows a table has, counted from the model (no file is written to count them). */
function rowCount(model: Model, name: string): number | undefined {
  const kinds: Record<string, readonly string[]> = { 'rows-lines': ['plan', 'completion'], 'rows-targets': ['target'], 'rows-assessments': ['assessment'], 'rows-cards': ['cards'] };
  if (name === 'lines') return model.lines.length;
  if (name === 'announcements') return model.announcements.length;
  if (name === 'regions') return model.regionList.length;
  const ks = kinds[name];
  if (!ks) return undefined;
  let n = 0;
  for (const a of model.announcements) if (ks.includes(a.kind)) n += a.rows.length;
  return n;
}

/** Every file under /data/ except SHA256SUMS, in the order the data page lists them. */
export function dataFiles(model: Model): DataFile[] {
  const tables = exportTables(model);
  const lines = model.lines.length;
  return [
    { path: '/data/lines.xlsx', title: t.files.linesXlsx, audience: 'spreadsheet', rows: lines, note: t.files.linesXlsxNote },
    { path: '/data/lines-zh.csv', title: t.files.linesZh, audience: 'both', rows: lines, note: t.files.linesZhNote },
    ...tables.map((tb): DataFile => ({ path: `/data/${tb.path}`, title: tb.gzip ? t.files.tableCsvGz(tb.title) : t.files.tableCsv(tb.title), audience: 'machine', rows: rowCount(model, tb.name), note: tb.description })),
    { path: '/data/datapackage.json', title: t.dataPage.datapackage, audience: 'machine', note: t.files.datapackageNote },
    ...tables.map((tb): DataFile => ({ path: `/data/${schemaPath(tb)}`, title: t.files.tableSchema(tb.title), audience: 'machine', note: t.files.tableSchemaNote(tb.path) })),
  ];
}

/**
 * The national lines table as a workbook for spreadsheet users (without the fields for programs
 * only, as lines-zh.csv); its rows are streamed, so it is written in process.
 */
export function linesWorkbookJob(model: Model, lines: ExportTable = exportTables(model).find((tb) => tb.name === 'lines')!): WorkbookJob {
  const people = forPeople(lines);
  return { path: '/data/lines.xlsx', sheets: [{ name: t.files.linesSheet, fields: people.fields, rows: { [Symbol.iterator]: () => people.rows()[Symbol.iterator]() } }], opts: { date: model.asOf, title: t.files.linesWorkbook, creator: t.siteName } };
}

/** Writes every file of /data/ (SHA256SUMS comes from src/output/site-files.ts). */
export async function* dataDownloads(model: Model, site: URL, render: RenderWorkbook = renderInProcess): AsyncGenerator<SiteFile> {
  const tables = exportTables(model);
  const written: WrittenTable[] = [];
  for (const table of tables) {
    if (table.gzip) {
      yield { path: `/data/${table.path}`, mediaType: GZIP, content: await gzipped(tableCsv(table)) };
    } else {
      const content = tableCsv(table);
      written.push({ table, bytes: byteLength(content), sha256: sha256(content) });
      yield { path: `/data/${table.path}`, mediaType: CSV, content };
    }
    yield { path: `/data/${schemaPath(table)}`, mediaType: JSON_TYPE, content: `${JSON.stringify(tableSchema(table), null, 2)}\n` };
  }
  const lines = tables.find((tb) => tb.name === 'lines')!;
  yield { path: '/data/lines-zh.csv', mediaType: CSV, content: tableCsvZh(forPeople(lines)) };
  const book = linesWorkbookJob(model, lines);
  yield { path: book.path, mediaType: XLSX, content: await render(book.path, () => book) };
  yield { path: '/data/datapackage.json', mediaType: JSON_TYPE, content: `${JSON.stringify(dataPackage(model, site, written), null, 2)}\n` };
}
