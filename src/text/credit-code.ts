import { toHalfWidth } from './normalize.ts';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 * 18 characters from 0-9 and A-Z without I, O, Z, S, V. Position 18 is a check character over
 * the first 17 with weights 3^(i-1) mod 31; positions 9–17 are the GB 11714 organisation code,
 * whose last digit (position 17) is itself a check digit (weights 3 7 9 10 5 8 4 2; 10 → X).
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Already upper-case ASCII letters and digits: nothing to fold. */
const FOLDED = /^[0-9A-Z]*$/;
const CHARSET_INDEX = new Map([...CREDIT_CODE_CHARSET].map((c, i) => [c, i]));
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type CreditCodeResult =
  | { ok: true; code: string; orgDigitOk: boolean }
  | { ok: false; code: string; reason: string };

/** Folds what people type (lower case, spaces, hyphens, full-width) to the 18-character form. */
export function normaliseCreditCode(input: string): string {
  if (FOLDED.test(input)) return input;
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase();
}

/** The GB 32100-2015 check character for the first 17 characters. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (CHARSET_INDEX.get(first17[i]!) ?? -1) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function orgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARSET.indexOf(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input);
  if (code.length !== 18) return { ok: false, code, reason: `应为18位，实为${code.length}位` };
  for (let i = 0; i < 18; i++) {
    if (!CHARSET_INDEX.has(code[i]!)) {
      return { ok: false, code, reason: `第${i + 1}位“${code[i]}”不是允许的字符` };
    }
  }
  const expected = creditCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, code, reason: `校验位（第18位）应为“${expected}”，实为“${code[17]}”` };
  const org = code.slice(8, 17);
  return { ok: true, code, orgDigitOk: orgCheckChar(org.slice(0, 8)) === org[8] };
}

/** Whether a string looks like a credit code someone is typing (for search's exact lookup). */
export function looksLikeCreditCode(input: string): boolean {
  const c = normaliseCreditCode(input);
  return c.length === 18 && /^[0-9A-Z]{18}$/.test(c);
}
