/**
 * Text normalisation for cells and codes. Offices type in Chinese input methods, which produce
 * full-width digits, letters and punctuation (１２３、ＡＢＣ、（）、：); codes and numbers are
 * folded to their ASCII forms before they are checked.
 */

const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\u3000\uff01-\uff5e]/g;
const foldChar = (ch: string) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space → ASCII. */
export function toHalfWidth(s: string): string {
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, foldChar) : s;
}

/**
 * Trims ASCII and ideographic white space, and the non-breaking spaces and byte-order marks
 * Excel leaves behind (all of them white space to String.prototype.trim).
 */
export function trimCell(s: string): string {
  return s.trim();
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
