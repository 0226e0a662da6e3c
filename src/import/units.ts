/**
 * Units of capacity as lists write them, in headers (产能（万吨）) and cells (8万吨, 1.5万t/a), and
 * how each maps to a contract unit. A unit that is a power of ten away from the contract's
 * (吨 for 万吨, MW for 万千瓦) is converted by moving the decimal point, which is exact.
 */

export interface Unit {
  /** The contract's unit: 万吨, 万千瓦, 万重量箱, 万标张, 万米, 万千伏安时, 处, 台, 条, 座. */
  unit: string;
  /** Power of ten to multiply a number in the written unit by to get the contract unit. */
  exp: number;
  /** As written, for the report. */
  written: string;
}

const TABLE: Readonly<Record<string, readonly [string, number]>> = {
  万吨: ['万吨', 0], 万t: ['万吨', 0], 吨: ['万吨', -4], t: ['万吨', -4], 千吨: ['万吨', -1], kt: ['万吨', -1], 亿吨: ['万吨', 4],
  万千瓦: ['万千瓦', 0], 万kw: ['万千瓦', 0], 千瓦: ['万千瓦', -4], kw: ['万千瓦', -4], 兆瓦: ['万千瓦', -1], mw: ['万千瓦', -1],
  万重量箱: ['万重量箱', 0], 重量箱: ['万重量箱', -4],
  万标张: ['万标张', 0], 万张: ['万标张', 0], 标张: ['万标张', -4],
  万米: ['万米', 0], 万m: ['万米', 0], 亿米: ['万米', 4],
  万千伏安时: ['万千伏安时', 0], 万kvah: ['万千伏安时', 0], 千伏安时: ['万千伏安时', -4], kvah: ['万千伏安时', -4],
  处: ['处', 0], 台: ['台', 0], 条: ['条', 0], 座: ['座', 0],
};

/** Money columns are in 万元: a header in 元 is converted. */
export const MONEY: Readonly<Record<string, number>> = { 万元: 0, 元: -4, 亿元: 4, 千元: -1 };

/** A unit as written → the contract's unit, or undefined when it is no unit we know. "/年", "/a", "年产" are dropped. */
export function parseUnit(written: string): Unit | undefined {
  const k = written.replace(/\s+/g, '').toLowerCase().replace(/^年产/, '').replace(/(?:\/年|\/a|每年|\/y)$/, '');
  const hit = TABLE[k];
  return hit ? { unit: hit[0], exp: hit[1], written } : undefined;
}

/** A header's unit in brackets at its end: 产能（万吨） → 产能 + 万吨; 县（市、区） has none. */
export function headerUnit(header: string): { base: string; unit: string } | undefined {
  const m = /^(.*?)[(（]([^()（）]{1,12})[)）]$/.exec(header);
  if (!m) return undefined;
  const inner = m[2]!.trim();
  if (!parseUnit(inner) && MONEY[inner] === undefined && !/^(?:人|个|台|套|台\/套|台套|处|座|条|吨标煤|吨|家|户)$/.test(inner)) return undefined;
  return { base: m[1]!.trim(), unit: inner };
}

/** Moves the decimal point of a decimal numeral by `exp` places, exactly: ("8000", -4) → "0.8". */
export function shiftDecimal(num: string, exp: number): string {
  if (exp === 0) return num;
  const neg = num.startsWith('-');
  const [int, frac = ''] = (neg ? num.slice(1) : num).split('.') as [string, string | undefined];
  let digits = int + frac;
  let point = int.length + exp;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  let fraction = digits.slice(point).replace(/0+$/, '');
  if (whole === '') whole = '0';
  if (fraction === '') fraction = '';
  return `${neg ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface NumberCell {
  /** The number as a plain decimal numeral (thousands separators removed). */
  number: string;
  /** A unit written after the number, if any. */
  unit?: Unit | undefined;
  /** Text after the number that is no unit we know (kept in the report). */
  rest?: string | undefined;
  /** Written as an estimate (约8万吨). */
  approx: boolean;
  /** Thousands separators were removed. */
  grouped: boolean;
}

/** A cell that holds a number, perhaps with a unit: 8, 1,000, 8万吨, 约30万t/a, 1.5 万吨/年. */
export function readNumberCell(cell: string): NumberCell | undefined {
  const m = /^(约|近|大约)?\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$/.exec(cell);
  if (!m) return undefined;
  const grouped = m[2]!.includes(',');
  const number = m[2]!.replace(/,/g, '');
  const tail = m[3]!.trim();
  if (tail === '') return { number, approx: !!m[1], grouped };
  const unit = parseUnit(tail);
  return unit ? { number, unit, approx: !!m[1], grouped } : { number, rest: tail, approx: !!m[1], grouped };
}
