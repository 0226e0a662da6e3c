/**
 * Writing CSV for offices: UTF-8 with a byte-order mark, so that Excel and WPS open the file as
 * UTF-8 (without it, Chinese Excel reads it as GBK and saving breaks it); LF line ends. Unlike the
 * site's downloads (src/output/csv.ts), cells are written exactly as given: a cell that starts
 * like a formula is the validator's to report, not ours to hide.
 */
export const BOM = '\ufeff';

export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}
