/**
 * The text Excel shows for a number under its number format. Every cell is shown as Excel shows
 * it, so what the office sees is what gets checked: a credit code that Excel turned into a number
 * shows as 9.14212E+17 and the validator reports `credit-code-scientific`, rather than a guess of
 * its lost digits.
 *
 * Linear by construction: a format code is read once per style (`compileFormat`), in one pass,
 * and Excel allows at most 255 characters in one, so a longer code (which only a crafted file
 * has) is shown as General. Formatting a cell is then a constant amount of work.
 */
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel's longest number format code. */
export const MAX_FORMAT_LENGTH = 255;
/** Excel shows at most 30 decimal places. */
const MAX_DECIMALS = 30;

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

/** Trailing zeros of a decimal fraction, and then a trailing point, removed (one pass from the end). */
function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  let end = s.length;
  while (end > 0 && s[end - 1] === '0') end--;
  if (end > 0 && s[end - 1] === '.') end--;
  return s.slice(0, end);
}

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

/** Groups an integer's digits by thousands: 1234567 → 1,234,567 (one pass). */
function thousands(int: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return out;
}

/** A number format read once: how to show a number, and whether it shows a date. */
export interface CompiledFormat {
  show(n: number): string;
  /** The format shows a date or time (y, m, d, h, s outside quotes and brackets). */
  date: boolean;
  /** A date format without a day: shown as YYYY-MM. */
  month: boolean;
}

interface Scan {
  /** First section, with [..] blocks and backslashes removed, trimmed: what the patterns below read. */
  plain: string;
  /** Date letters outside quotes and brackets. */
  letters: string;
}

/** One pass over a format code (≤ 255 characters). */
function scan(code: string): Scan {
  let plain = '';
  let letters = '';
  let inBracket = false;
  let inQuote = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (inQuote) {
      if (ch === '"') inQuote = false;
      plain += ch;
      continue;
    }
    if (inBracket) {
      if (ch === ']') inBracket = false;
      continue;
    }
    if (ch === '"') {
      inQuote = true;
      plain += ch;
    } else if (ch === '[') {
      inBracket = true;
    } else if (ch === ';') {
      break; // the first section is for positive numbers (and all, when it is the only one)
    } else if (ch === '\\') {
      if (i + 1 < code.length) plain += code[++i];
    } else {
      plain += ch;
      if ('yYmMdDhHsSbB'.includes(ch)) letters += ch.toLowerCase();
    }
  }
  return { plain: plain.trim(), letters };
}

const GENERAL: CompiledFormat = { show: excelGeneral, date: false, month: false };

/** Built-in date formats (ids 14–22, 45–47, and the CJK ids 27–36, 50–58) and which of them show only a month. */
export function builtinIsDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}
const BUILTIN_MONTH = new Set([27, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
/** Built-in number formats by id that are not General (Excel's fixed table). */
const BUILTIN: Readonly<Record<number, string>> = { 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00' };

/** Reads a format code once; `show` then takes constant time per number. */
export function compileFormat(code: string | undefined, builtinId?: number): CompiledFormat {
  if (code === undefined && builtinId !== undefined) {
    if (builtinIsDate(builtinId)) return { show: excelGeneral, date: true, month: BUILTIN_MONTH.has(builtinId) };
    code = BUILTIN[builtinId];
  }
  if (code === undefined || code.length > MAX_FORMAT_LENGTH) return GENERAL;
  const { plain, letters } = scan(code);
  if (/[ymdhsb]/.test(letters)) {
    const month = letters.includes('y') && letters.includes('m') && !letters.includes('d') && !letters.includes('h');
    return { show: excelGeneral, date: true, month };
  }
  let m: RegExpExecArray | null;
  const decimalsOf = (s: string | undefined) => Math.min(s?.length ?? 0, MAX_DECIMALS);
  if ((m = /^(0+)(?:\.(0+))?$/.exec(plain))) {
    const width = m[1]!.length;
    const decimals = decimalsOf(m[2]);
    return {
      date: false, month: false,
      show: (n) => {
        const [int, frac] = plainDigits(Math.abs(n), decimals).split('.') as [string, string | undefined];
        return `${n < 0 ? '-' : ''}${int.padStart(width, '0')}${frac !== undefined ? `.${frac}` : ''}`;
      },
    };
  }
  if ((m = /^#,##0(?:\.(0+))?$/.exec(plain))) {
    const decimals = decimalsOf(m[1]);
    return {
      date: false, month: false,
      show: (n) => {
        const [int, frac] = plainDigits(Math.abs(n), decimals).split('.') as [string, string | undefined];
        return `${n < 0 ? '-' : ''}${thousands(int)}${frac !== undefined ? `.${frac}` : ''}`;
      },
    };
  }
  if ((m = /^0(?:\.(0+))?%$/.exec(plain))) {
    const decimals = decimalsOf(m[1]);
    return { date: false, month: false, show: (n) => `${n < 0 ? '-' : ''}${(Math.abs(n) * 100).toFixed(decimals)}%` };
  }
  if ((m = /^0(?:\.(0+))?E\+0+$/i.exec(plain))) {
    const decimals = decimalsOf(m[1]);
    return { date: false, month: false, show: (n) => (n === 0 ? '0' : `${n < 0 ? '-' : ''}${scientific(Math.abs(n), decimals)}`) };
  }
  return GENERAL;
}

/** A number as shown under its format code; formats beyond the common ones fall back to General. */
export function formatNumber(n: number, numFmt: string | undefined): string {
  return compileFormat(numFmt ?? 'General').show(n);
}

/** A date as YYYY-MM-DD; Excel's dates carry no zone, read as UTC. */
export function formatDate(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000); // 0.99999 of a day is still that day
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/**
 * An Excel serial day number as a date. In the 1900 system day 1 is 1900-01-01 and Excel counts a
 * 29 February 1900 that never was (day 60), so days from 61 on are one more than real days.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86_400_000));
}

/** The text of a date cell: YYYY-MM-DD, or YYYY-MM under a format that shows no day. */
export function showDate(serial: number, format: CompiledFormat, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return excelGeneral(serial); // past 9999-12-31
  const d = formatDate(serialToDate(serial, date1904));
  return format.month ? d.slice(0, 7) : d;
}
