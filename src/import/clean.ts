/**
 * Clean-up of every cell and heading before anything is matched: Traditional characters →
 * Simplified (opencc-js, only when the document is written in Traditional characters, so that a
 * Simplified name such as 乾县 is never "converted"), full-width letters, digits and punctuation
 * → ASCII, invisible characters removed, line breaks inside a cell joined, footnote marks at the
 * end of a cell (①, *, ※, [1], 注1) stripped.
 */
import * as OpenCC from 'opencc-js';
import { toHalfWidth } from '../text/normalize.ts';

let converter: ((s: string) => string) | undefined;
/** Traditional (Taiwan and Hong Kong forms included) → Simplified as used in mainland China. */
export function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(s);
}

const HAN = /[\u3400-\u9fff]/;
/** Han characters looked at to decide whether a document is Traditional: enough to be sure, few enough to be quick. */
const SAMPLE = 20_000;
/**
 * Share of Han characters that conversion changes, above which a text is Traditional (Simplified text:
 * well under 1%; Traditional: 20–40%), and how many different characters must change: a
 * Simplified list of enterprises in 乾县 changes one character (乾), many times.
 */
const TRADITIONAL_SHARE = 0.1;
const TRADITIONAL_DISTINCT = 3;

export interface ScriptVerdict {
  traditional: boolean;
  han: number;
  changed: number;
  /** A few characters as written → as converted, for the report. */
  examples: string[];
}

/** Decides from the texts (up to SAMPLE Han characters) whether the document is in Traditional characters. */
export function detectTraditional(texts: Iterable<string>): ScriptVerdict {
  let han = 0;
  let changed = 0;
  const examples = new Map<string, string>();
  const distinct = new Set<string>();
  for (const t of texts) {
    if (!HAN.test(t)) continue;
    const s = toSimplified(t);
    const chars = [...t];
    const conv = [...s];
    for (let i = 0; i < chars.length; i++) {
      if (!HAN.test(chars[i]!)) continue;
      han++;
      if (chars.length === conv.length && conv[i] !== chars[i]) {
        changed++;
        distinct.add(chars[i]!);
        if (examples.size < 6 && !examples.has(chars[i]!)) examples.set(chars[i]!, conv[i]!);
      }
    }
    if (han >= SAMPLE) break;
  }
  return { traditional: han > 0 && changed / han >= TRADITIONAL_SHARE && distinct.size >= TRADITIONAL_DISTINCT, han, changed, examples: [...examples].map(([a, b]) => `${a}→${b}`) };
}

/** Zero-width characters, bidi controls, soft hyphens and control characters other than tab and line ends. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ODD_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f]/g;
const CJK_BREAK = /([\u3400-\u9fff（）])\s*\n\s*(?=[\u3400-\u9fff（）])/g;

/**
 * Footnote marks at the end of a cell: ①–⑳, *, ※, †, ‡, superscript digits (not ² or ³ after m,
 * which are m² and m³), [1], (注1), 注1.
 */
const FOOTNOTE = /(?:[*※†‡]+|[\u2460-\u2473]+|(?<![mM])[¹²³\u2070\u2074-\u2079]+|\[\d{1,2}\]|\(注\d{0,2}\)|注[\u2460-\u2473\d]{1,2})$/;

export interface Cleaned {
  text: string;
  invisible: boolean;
  footnote: string | undefined;
  fullWidth: boolean;
}

/** Cleans one cell or heading; `traditional` from detectTraditional over the whole document. */
export function cleanText(raw: string, traditional: boolean): Cleaned {
  let s = raw;
  const withoutInvisible = s.replace(INVISIBLE, '');
  const invisible = withoutInvisible.length !== s.length;
  s = withoutInvisible.replace(ODD_SPACES, ' ');
  if (traditional && HAN.test(s)) s = toSimplified(s);
  const half = toHalfWidth(s);
  const fullWidth = half !== s;
  s = half.replace(/\r\n?/g, '\n').replace(CJK_BREAK, '$1').replace(/\s+/g, ' ').trim();
  let footnote: string | undefined;
  const m = FOOTNOTE.exec(s);
  if (m && m.index > 0) {
    footnote = m[0];
    s = s.slice(0, m.index).trim();
  }
  return { text: s, invisible, footnote, fullWidth };
}

/** Matching key of a header or heading: cleaned, without spaces, lower case. */
export const keyOf = (s: string) => s.replace(/\s+/g, '').toLowerCase();
