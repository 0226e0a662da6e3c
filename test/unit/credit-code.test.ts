/**
 * 统一社会信用代码, GB 32100-2015. The expected check characters below were computed with an
 * independent implementation of the standard's algorithm (kept here as `referenceCheck`).
 */
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCheckChar, looksLikeCreditCode, normaliseCreditCode, orgCheckChar } from '../../src/text/credit-code.ts';
import { readCell } from '../../src/validate/cells.ts';
import { buildTaxonomy } from '../../src/reference/industries.ts';
import { buildRegionTable } from '../../src/reference/regions.ts';
import { columnsOf } from '../../src/schema/column.ts';
import { LineRowSchema } from '../../src/schema/line.ts';

/** GB 32100-2015 §4: characters and their values, weights W_i = 3^(i-1) mod 31, C18 = 31 − Σ mod 31. */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function referenceCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + CHARS.indexOf(ch) * W[i]!, 0);
  const c = 31 - (sum % 31);
  return CHARS[c === 31 ? 0 : c]!;
}

describe('check character (GB 32100-2015)', () => {
  const VALID = [
    '91350100M000100Y43', // the standard's widely quoted sample
    '91421202123456788H',
    '91532300214365873K',
    '9142120070000001XP', // organisation code check digit X
    '92532301MA6K00014U', // individual business (92), letters in the organisation code
    '9142120212340024X0', // check character 0: 31 − Σ mod 31 = 31 → 0
  ];

  it.each(VALID)('%s is valid', (code) => {
    expect(referenceCheck(code.slice(0, 17))).toBe(code[17]);
    expect(creditCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(checkCreditCode(code)).toEqual({ ok: true, code, orgDigitOk: true });
  });

  it('a code whose check character is 0', () => {
    expect(creditCheckChar('9142120212340024X')).toBe('0');
  });

  it('agrees with the reference on many prefixes', () => {
    let seed = 20250428;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const prefix = Array.from({ length: 17 }, () => CHARS[next() % 31]).join('');
      expect(creditCheckChar(prefix)).toBe(referenceCheck(prefix));
    }
  });

  it('the weights are 3^(i-1) mod 31', () => {
    expect(W).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });
});

describe('invalid codes', () => {
  it('wrong check character', () => {
    const r = checkCreditCode('91421202123456788A');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('应为“H”');
  });

  it.each([
    ['9142120212345678', '16'],
    ['91421202123456788', '17'],
    ['91421202123456788HH', '19'],
    ['', '0'],
  ])('wrong length: %s', (code, n) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(`应为18位，实为${n}位`);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('forbidden letter %s', (letter) => {
    const first16 = `91421202${letter}2345678`;
    // Even with a "matching" last character the letter itself is refused.
    const code = `${first16}8H`;
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(`第9位“${letter}”不是允许的字符`);
  });

  it('other characters', () => {
    expect(checkCreditCode('91421202123456788#').ok).toBe(false);
    expect(checkCreditCode('9142120212345678８H').ok).toBe(true); // full-width digit folds
    expect(checkCreditCode('91421202一23456788H').ok).toBe(false);
  });
});

describe('normalisation', () => {
  it.each([
    ['91421202123456788h', 'lower case'],
    [' 9142 1202 1234 5678 8H ', 'spaces'],
    ['91421202-12345678-8H', 'hyphens'],
    ['９１４２１２０２１２３４５６７８８Ｈ', 'full-width'],
    ['９１４２１２０２\u3000１２３４５６７８８ｈ', 'full-width lower case and ideographic space'],
  ])('%s (%s)', (input) => {
    expect(normaliseCreditCode(input)).toBe('91421202123456788H');
    expect(checkCreditCode(input)).toEqual({ ok: true, code: '91421202123456788H', orgDigitOk: true });
    expect(looksLikeCreditCode(input)).toBe(true);
  });

  it('looksLikeCreditCode needs 18 characters', () => {
    expect(looksLikeCreditCode('咸安区温泉电石总厂')).toBe(false);
    expect(looksLikeCreditCode('9142120212345678')).toBe(false);
  });
});

describe('organisation code digit (GB 11714, position 17)', () => {
  it('computes the check digit, with X for 10 and 0 for 11', () => {
    expect(orgCheckChar('12345678')).toBe('8');
    expect(orgCheckChar('70000001')).toBe('X');
    expect(orgCheckChar('00000000')).toBe('0');
    expect(orgCheckChar('MA6K0001')).toBe('4');
    expect(orgCheckChar('M000100Y')).toBe('4');
  });

  it('a failing organisation digit still passes the check character, flagged', () => {
    expect(checkCreditCode('91421202123456780Q')).toEqual({ ok: true, code: '91421202123456780Q', orgDigitOk: false });
  });

  it('as a cell: a warning, the value is kept', () => {
    const meta = columnsOf(LineRowSchema).find((c) => c.name === 'credit_code')!.meta;
    const ctx = { where: { file: 'a.csv', line: 2 }, taxonomy: buildTaxonomy(), regions: buildRegionTable() };
    const r = readCell('91421202123456780q', 'credit_code', meta, ctx);
    expect('problem' in r).toBe(false);
    if (!('problem' in r)) {
      expect(r.value).toBe('91421202123456780Q');
      expect(r.warning).toMatchObject({ severity: 'warning', code: 'credit-code-org-digit', file: 'a.csv', line: 2, column: 'credit_code' });
    }
    const ok = readCell('91421202123456788H', 'credit_code', meta, ctx);
    expect(ok).toEqual({ value: '91421202123456788H' });
  });

  it('as a cell: scientific notation is named as such', () => {
    const meta = columnsOf(LineRowSchema).find((c) => c.name === 'credit_code')!.meta;
    const ctx = { where: { file: 'a.csv', line: 2 }, taxonomy: buildTaxonomy(), regions: buildRegionTable() };
    for (const v of ['9.14212E+17', '9.14212e+17', '9.14212E17', '9E+17']) {
      const r = readCell(v, 'credit_code', meta, ctx);
      expect('problem' in r && r.problem.code).toBe('credit-code-scientific');
    }
  });
});
