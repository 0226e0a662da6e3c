import { describe, expect, it } from 'vitest';
import { toHalfWidth, trimCell } from '../../src/text/normalize.ts';

/** trimCell before the rewrite. */
function oldTrimCell(s: string): string {
  return s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** toHalfWidth before the rewrite. */
function oldToHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Every BMP code point except the surrogates, and a few astral ones. */
function codePoints(): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) out.push(c);
  out.push(0x10000, 0x1f600, 0x20000, 0x2a6d6, 0x2ebe0, 0x30000, 0xe0020, 0xe0100, 0xf0000, 0x10fffd, 0x10ffff);
  return out;
}
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

describe('normalize: the fast implementations agree with the old ones', () => {
  const all = codePoints();

  it('trimCell(c + x + c) for every code point', () => {
    const mismatches: string[] = [];
    for (const c of all) {
      const ch = String.fromCodePoint(c);
      for (const s of [ch + 'x' + ch, ch + ch + 'x' + ch + ch, ch, ch + ch]) {
        const got = trimCell(s);
        const want = oldTrimCell(s);
        if (got !== want) mismatches.push(`${hex(c)} in ${JSON.stringify(s)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('trimCell: mixed runs of the white space Excel and input methods leave', () => {
    for (const s of ['\ufeff\u3000 \u00a0 x \u00a0\u3000\ufeff', '\t\r\n 中 文\u2028', '\u200bx\u200b', '\u0085x\u0085', '\u180ex\u180e']) {
      expect(trimCell(s), JSON.stringify(s)).toBe(oldTrimCell(s));
    }
  });

  it("toHalfWidth('a' + c + 'b') for every code point", () => {
    const mismatches: string[] = [];
    for (const c of all) {
      const s = 'a' + String.fromCodePoint(c) + 'b';
      const got = toHalfWidth(s);
      const want = oldToHalfWidth(s);
      if (got !== want) mismatches.push(`${hex(c)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('toHalfWidth: whole full-width strings and strings without any', () => {
    for (const s of ['', 'ＸＡ－００１', '２０２５－１２', '９１４２１２０２１２３４５６７８８ｈ', '\u3000\u3000', 'plain', '中文（括号）：１', '\uff00\uff5f\uff01\uff5e', '𠀀Ａ𠀀']) {
      expect(toHalfWidth(s), JSON.stringify(s)).toBe(oldToHalfWidth(s));
    }
  });
});
