/**
 * Text normalisation for cells and codes. Offices type in Chinese input methods, which produce
 * full-width digits, letters and punctuation (１２３、ＡＢＣ、（）、：); codes and numbers are
 * folded to their ASCII forms before they are checked.
 */

/** Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space → ASCII. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Trims ASCII and ideographic white space, and non-breaking spaces Excel leaves behind. */
export function trimCell(s: string): string {
  return s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** A document number (文号) as text writes it, in any bracket style: 国发〔2025〕7号, 云政发[2025]123号. */
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,16}\s*[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,5}\s*号/g;

/**
 * Normalises a document number (文号) to 〔〕 brackets: 云政发[2025]123号, 云政发［2025］123号 and
 * 云政发(2025)123号 all become 云政发〔2025〕123号. Only a bracketed 4-digit year is touched.
 */
export function normaliseDocNumber(s: string): string {
  return trimCell(s)
    .replace(/[[［(（〔【]\s*(\d{4}|[０-９]{4})\s*[\]］)）〕】]/g, (_m, y: string) => `〔${toHalfWidth(y)}〕`)
    .replace(/\s+/g, '');
}

/** Normalised form of an enterprise name or equipment text for matching across announcements. */
export function matchKey(s: string): string {
  return toHalfWidth(s).replace(/[\s·・.,，。、()（）\-—_]/g, '').toLowerCase();
}
