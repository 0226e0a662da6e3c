/**
 * Dates as old lists write them → the contract's YYYY-MM-DD, or YYYY-MM where a month is allowed
 * (the deadline). Only unambiguous forms are rewritten; anything else stays as written for the
 * validator to name (4/5/2025 could be either day). Each rewrite says which form it read, for the
 * review report.
 */
import { isRealDate } from '../schema/column.ts';

export interface DateRead {
  value: string;
  /** The written form, for the report: “YYYY年M月D日”, “YYYY年底前” …; undefined when nothing changed. */
  form?: string | undefined;
  /** An interpretation rather than a rewrite (年底 → 12月; a bare year → its December). */
  interpreted?: boolean;
}

const pad = (n: string) => n.padStart(2, '0');
const QUARTERS: Record<string, string> = { 一: '03', 二: '06', 三: '09', 四: '12', '1': '03', '2': '06', '3': '09', '4': '12' };
const BEFORE = '(?:前|之前|以前|止)?';

/** Reads a date cell; `month`: YYYY-MM is allowed (the deadline of a plan). */
export function readDate(cell: string, month: boolean): DateRead {
  const s = cell.replace(/\s+/g, '');
  if (s === '') return { value: '' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) || (month && /^\d{4}-\d{2}$/.test(s))) return { value: s };
  let m = new RegExp(`^(\\d{4})[年./-](\\d{1,2})[月./-](\\d{1,2})[日号]?${BEFORE}$`).exec(s);
  if (m) {
    const v = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    if (isRealDate(v)) return { value: v, form: s.includes('年') ? 'YYYY年M月D日' : 'YYYY/M/D（或 YYYY.M.D）' };
    return { value: cell };
  }
  if (!month) return { value: cell };
  m = new RegExp(`^(\\d{4})[年./-](\\d{1,2})月?(底|末|份)?${BEFORE}$`).exec(s);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return { value: `${m[1]}-${pad(m[2]!)}`, form: s.includes('年') ? 'YYYY年M月（底前）' : 'YYYY.M' };
  m = new RegExp(`^(\\d{4})年?(?:年)?(底|末|年底|年末)${BEFORE}$`).exec(s);
  if (m) return { value: `${m[1]}-12`, form: 'YYYY年底（前）', interpreted: true };
  m = new RegExp(`^(\\d{4})年?${BEFORE}$`).exec(s);
  if (m) return { value: `${m[1]}-12`, form: '只写年份 YYYY年', interpreted: true };
  m = new RegExp(`^(\\d{4})年?(上|下)半年(?:底|末)?${BEFORE}$`).exec(s);
  if (m) return { value: `${m[1]}-${m[2] === '上' ? '06' : '12'}`, form: 'YYYY年上（下）半年', interpreted: true };
  m = new RegExp(`^(\\d{4})年?第?([一二三四1-4])季度(?:底|末)?${BEFORE}$`).exec(s);
  if (m) return { value: `${m[1]}-${QUARTERS[m[2]!]}`, form: 'YYYY年第N季度', interpreted: true };
  return { value: cell };
}
