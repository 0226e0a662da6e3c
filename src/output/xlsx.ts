/**
 * Workbooks for spreadsheet users, written with exceljs's streaming writer (a national table is
 * millions of cells). Every identifier and date is a text cell in a column formatted as text
 * (`@`), so no spreadsheet turns an all-digit credit code into 9.11201026674991E+17 or region
 * 000000 into 0; numbers are numbers. Headers are Chinese, the header row is frozen and has a
 * filter, columns have widths.
 *
 * The same data gives the same bytes: the document's creation and modification dates are the
 * record's as-of date, and the zip entries' timestamps, which the zip writer takes from the
 * clock, are set to the same date afterwards (`setZipDates`).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportField } from './fields.ts';
import { t } from '../i18n/zh-CN.ts';

/**
 * One sheet as plain data (so it can be handed to a worker thread): its fields, its rows as
 * arrays of values in field order, and for link cells, each row's URL.
 */
export interface SheetSpec {
  /** ≤ 31 characters, unique in the workbook, none of []:*?/\ . */
  name: string;
  fields: readonly ExportField[];
  /** Values in field order. An array for a job handed to a worker; in process, any iterable (a national table is streamed). */
  rows: Iterable<readonly unknown[]>;
  /** Write enum values as their Chinese labels (for tables people read). */
  labels?: boolean;
  /** Cells that are links: field name → each row's URL (or `#'sheet'!A1`), by row index. */
  links?: Readonly<Record<string, readonly (string | undefined)[]>>;
}

/** A workbook to write: where it goes, its sheets and its document fields. Plain data. */
export interface WorkbookJob {
  path: string;
  sheets: readonly SheetSpec[];
  opts: WorkbookOptions;
}

/**
 * Writes the workbook at `path` and gives its bytes; `job` describes it, and is called only if
 * the writer needs it (a worker that was handed the job earlier does not). In process by
 * default; the build hands the regions' workbooks to a worker thread.
 */
export type RenderWorkbook = (path: string, job: () => WorkbookJob) => Promise<Uint8Array>;
export const renderInProcess: RenderWorkbook = (_path, job) => {
  const { sheets, opts } = job();
  return writeWorkbook(sheets, opts);
};

export interface WorkbookOptions {
  /** The as-of date (YYYY-MM-DD): the document's dates and the zip entries' timestamps. */
  date: string;
  title: string;
  /** Names a spreadsheet's "author" field: the site. */
  creator: string;
}

/** A cell's value as a workbook stores it. */
export function workbookValue(f: ExportField, v: unknown, labels: boolean): string | number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'object') return JSON.stringify(v);
  if (f.text) return String(v);
  if (typeof v === 'number') return v;
  const s = String(v);
  return labels && f.labels ? (f.labels[s] ?? s) : s;
}

const TEXT_FORMAT = '@';

/** Writes the sheets into one workbook and returns its bytes. */
export async function writeWorkbook(sheets: readonly SheetSpec[], opts: WorkbookOptions): Promise<Uint8Array> {
  const when = new Date(`${opts.date}T00:00:00+08:00`);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } });
  wb.created = when;
  wb.modified = when;
  wb.creator = opts.creator;
  wb.lastModifiedBy = opts.creator;
  wb.title = opts.title;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = s.fields.map((f) => ({ key: f.name, width: f.width ?? 14, ...(f.text && { style: { numFmt: TEXT_FORMAT } }) }));
    const header = ws.addRow(s.fields.map((f) => f.title));
    header.font = { bold: true };
    header.commit();
    let n = 1;
    for (const row of s.rows) {
      const at = n - 1;
      const values = s.fields.map((f, i) => workbookValue(f, row[i], s.labels === true));
      const r = ws.addRow(values);
      // Cells take the text format from their column's style; setting it on each cell would
      // give every cell a style object of its own, which exceljs then looks up one by one.
      if (s.links) {
        for (const [i, f] of s.fields.entries()) {
          const link = s.links[f.name]?.[at];
          if (link && values[i] !== undefined) r.getCell(i + 1).value = { text: String(values[i]), hyperlink: link };
        }
      }
      r.commit();
      n++;
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: n, column: Math.max(1, s.fields.length) } };
    ws.commit();
  }
  await wb.commit();
  await done;
  return setZipDates(Buffer.concat(chunks), when);
}

/** MS-DOS date and time of a moment, in China's time (zip has no time zone). */
function dosDateTime(d: Date): { date: number; time: number } {
  const cn = new Date(d.getTime() + 8 * 3_600_000);
  return {
    date: ((cn.getUTCFullYear() - 1980) << 9) | ((cn.getUTCMonth() + 1) << 5) | cn.getUTCDate(),
    time: (cn.getUTCHours() << 11) | (cn.getUTCMinutes() << 5) | Math.floor(cn.getUTCSeconds() / 2),
  };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Extra fields that carry another timestamp (extended timestamp, NTFS, Info-ZIP Unix). */
const TIME_EXTRAS = new Set([0x5455, 0x000a, 0x5855]);

/**
 * Sets the modification time of every entry of a zip (its local header and its central directory
 * record) to `when`, in place. Throws on a zip it cannot read fully (a Zip64 archive, or an entry
 * with a timestamp in an extra field), so nothing clock-dependent slips through.
 */
export function setZipDates(zip: Buffer, when: Date): Uint8Array {
  const { date, time } = dosDateTime(when);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || p === 0xffffffff) throw new Error('Zip64 archives are not supported');
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error(`bad central directory record at ${p}`);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    checkExtras(zip, p + 46 + nameLen, extraLen);
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`bad local header at ${local}`);
    checkExtras(zip, local + 30 + zip.readUInt16LE(local + 26), zip.readUInt16LE(local + 28));
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}

function checkExtras(zip: Buffer, start: number, length: number): void {
  for (let q = start; q + 4 <= start + length; q += 4 + zip.readUInt16LE(q + 2)) {
    if (TIME_EXTRAS.has(zip.readUInt16LE(q))) throw new Error('a zip entry carries a timestamp in an extra field');
  }
}
