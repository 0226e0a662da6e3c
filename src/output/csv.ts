import type { Announcement } from '../validate/record.ts';

/**
 * Downloads of a table, as CSV (UTF-8 with BOM, so Excel opens it as UTF-8) and JSON. A text
 * cell a spreadsheet would run as a formula is neutralised with a leading apostrophe.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The announcement's table with canonical column names, in the file's column order. */
export function announcementTable(a: Announcement): { header: string[]; rows: unknown[][] } {
  const header = [...a.columns, ...a.extraColumns];
  const rows = a.rows.map((r) => {
    const data = r.data as Record<string, unknown>;
    return header.map((h) => (h in data ? data[h] : r.extra[h]));
  });
  return { header, rows };
}

export function announcementJson(a: Announcement): string {
  const { header, rows } = announcementTable(a);
  const records = rows.map((r) => Object.fromEntries(header.flatMap((h, i) => (r[i] === undefined ? [] : [[h, r[i]]]))));
  return `${JSON.stringify({ id: a.id, ...a.meta, columns: header, rows: records }, null, 2)}\n`;
}
