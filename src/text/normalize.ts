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

/** Already an identity key: ideographs, ASCII digits and lower-case letters only (most equipment and many names). */
const PLAIN_KEY = /^[\u3400-\u9fff0-9a-z]*$/;
/**
 * What identity ignores: white space, punctuation, control and format characters (zero-width,
 * bidi controls, soft hyphen) and every other default-ignorable code point (variation selectors,
 * Hangul fillers), which show as nothing or as a mark between words.
 */
const NOT_IDENTITY = /[\p{White_Space}\p{P}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * The identity of an enterprise name or an equipment text, for comparing them across
 * announcements (data contract, "Identity"): NFKC (which folds full-width and other compatibility
 * forms: ＡＢＣ, ㈱, ⼯ the Kangxi radical), case folding, NFKC again, then without spaces,
 * punctuation and invisible characters. 咸安区 温泉电石总厂, 咸安区温泉电石总厂 and
 * 咸安区温泉電石總廠 — the last is another text: Traditional characters are not folded.
 */
export function matchKey(s: string): string {
  if (PLAIN_KEY.test(s)) return s;
  return s.normalize('NFKC').toLowerCase().normalize('NFKC').replace(NOT_IDENTITY, '');
}
