/**
 * Identity (data contract, "Identity"): names and equipment are compared after NFKC, case folding
 * and removal of spaces, punctuation and invisible characters, so compatibility and full-width
 * forms cannot split one enterprise into two. matchKey is that comparison; the rules file rows
 * under a cheap hash of the ideographs of NFKC, which must agree with it.
 */
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../src/text/normalize.ts';
import { checkLineIdentity, checkReReported, identityHash, nfkcIdeographs } from '../../src/validate/rules/lines.ts';
import type { LineRow } from '../../src/schema/line.ts';
import type { Announcement } from '../../src/validate/record.ts';

const isIdeograph = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);

describe('matchKey folds what looks alike, and keeps what differs', () => {
  it.each([
    ['咸安区温泉电石总厂', '咸安区 温泉电石总厂'],
    ['咸安区温泉电石总厂', '咸安区温泉电石总\u2f1a'], // ⼚ KANGXI RADICAL CLIFF
    ['咸安区温泉电石总厂', '咸安区温泉\u200b电石总厂'], // zero-width space
    ['咸安区温泉电石总厂', '咸安区温泉\u00ad电石\u2060总厂'], // soft hyphen, word joiner
    ['咸安区温泉电石总厂', '\u202e咸安区温泉电石总厂\u202c'], // bidi controls
    ['12500kVA电石炉', '１２５００ＫＶＡ电石炉'],
    ['12500kVA电石炉', '12500 kva 电石炉'],
    ['咸宁市恒宇物资贸易(有限)公司', '咸宁市恒宇物资贸易（有限）公司'],
    ['咸宁(株)', '咸宁㈱'], // ㈱ PARENTHESIZED IDEOGRAPH STOCK
    ['豈山水泥厂', '\uf900山水泥厂'], // CJK COMPATIBILITY IDEOGRAPH-F900
    ['ⅱ号窑', 'ii号窑'],
    ['Φ3×11m机立窑', 'φ3×11m机立窑'],
    ['一号窑', '⼀号窑'], // ⼀ KANGXI RADICAL ONE
  ])('%s ≡ %s', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
    expect(identityHash(a)).toBe(identityHash(b));
  });

  it.each([
    ['咸安区温泉电石总厂', '咸安区温泉电石总厂（老厂）'],
    ['咸安区温泉电石总厂', '咸安区温泉電石總廠'], // Traditional characters are another text
    ['12500kVA电石炉', '25000kVA电石炉'],
    ['2#窑', '3#窑'],
  ])('%s ≢ %s', (a, b) => expect(matchKey(a)).not.toBe(matchKey(b)));
});

describe('the ideograph hash agrees with matchKey for every code point', () => {
  it('nothing below U+2E80 becomes an ideograph under NFKC', () => {
    const found: string[] = [];
    for (let c = 0; c < 0x2e80; c++) if (nfkcIdeographs(c).length > 0) found.push(c.toString(16));
    expect(found).toEqual([]);
  });

  it('every unified ideograph U+3400–U+9FFF is its own NFKC form', () => {
    const changed: string[] = [];
    for (let c = 0x3400; c <= 0x9fff; c++) if (String.fromCharCode(c).normalize('NFKC') !== String.fromCharCode(c)) changed.push(c.toString(16));
    expect(changed).toEqual([]);
  });

  it('for every code point, the hash counts the ideographs of its NFKC form, as matchKey keeps them', () => {
    const bad: string[] = [];
    for (let c = 0x2e80; c <= 0x3ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      const kept = [...matchKey(`a${ch}b`)].map((x) => x.codePointAt(0)!).filter(isIdeograph);
      const hashed = c >= 0x3400 && c <= 0x9fff ? [c] : [...nfkcIdeographs(c)];
      if (kept.join() !== hashed.join()) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });
});

describe('the rules across announcements compare by identity', () => {
  let n = 0;
  const ann = (kind: 'plan' | 'completion', year: number, rows: Partial<LineRow>[], extra: Record<string, unknown> = {}) => ({
    id: `${year}-421202-${kind}-${n++}`, kind, csvFile: `announcements/${year}/x-${n}.csv`,
    meta: { year, published: `${year}-06-01`, region: '421202', ...extra },
    rows: rows.map((data, i) => ({ line: i + 2, extra: {}, data: { region_code: '421202', industry: 'calcium-carbide', status: 'planned', ...data } as LineRow })),
  }) as unknown as Announcement;

  it('re-reported sees through a Kangxi radical and full-width letters', () => {
    const problems = checkReReported([
      ann('completion', 2024, [{ line_id: 'A-1', enterprise_name: '咸安区温泉电石总厂', equipment: '12500kVA电石炉', status: 'dismantled' }]),
      ann('plan', 2025, [{ line_id: 'B-1', enterprise_name: '咸安区温泉电石总\u2f1a', equipment: '１２５００ＫＶＡ电石炉' }]),
    ]);
    expect(problems.map((p) => [p.code, p.value])).toEqual([['re-reported', 'B-1']]);
  });

  it('line-identity-changed: a look-alike name is the same enterprise; the same credit code is the same enterprise renamed', () => {
    const cc = '91421202MA4970X21Q';
    const problems = checkLineIdentity([
      ann('plan', 2024, [{ line_id: 'A-1', enterprise_name: '咸安区温泉电石总厂' }, { line_id: 'A-2', enterprise_name: '甲厂', credit_code: cc }, { line_id: 'A-3', enterprise_name: '乙厂' }]),
      ann('completion', 2025, [
        { line_id: 'A-1', enterprise_name: '咸安区 温泉电石总\u2f1a', status: 'shutdown' },
        { line_id: 'A-2', enterprise_name: '甲厂（更名后）', credit_code: cc, status: 'shutdown' },
        { line_id: 'A-3', enterprise_name: '丙厂', status: 'shutdown' },
      ]),
    ]);
    expect(problems.map((p) => [p.code, p.value, p.column])).toEqual([['line-identity-changed', 'A-3', 'enterprise_name']]);
  });
});
