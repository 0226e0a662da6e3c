/**
 * What search compares: a text folded so that what a citizen types meets what an office wrote.
 * Full-width forms become ASCII, Traditional characters become Simplified (by a character map
 * built from OpenCC at build time and shipped with the index, so that the page and the build fold
 * alike), letters lower-case, and everything that is not a letter or a digit — spaces,
 * punctuation, brackets of every style, the middle dot — is dropped. Pure; runs in the browser.
 */

/** Traditional → Simplified, one character to one character. */
export type CharMap = ReadonlyMap<string, string>;

const WORD = /[\p{L}\p{N}]/u;

export function fold(s: string, ts: CharMap): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    let c = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
    c = ts.get(c) ?? c;
    if (code < 0x80 ? /[0-9A-Za-z]/.test(c) : WORD.test(c)) out += c.toLowerCase();
  }
  return out;
}

/** The character map as shipped: pairs of characters, Traditional then Simplified. */
export function parseCharMap(pairs: string): Map<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

/**
 * Where the folded query lies in the text as written: [start, end) in UTF-16 units of `s`, or
 * undefined. For marking the part of a name that matched.
 */
export function locate(s: string, query: string, ts: CharMap): [number, number] | undefined {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = fold(ch, ts);
    for (let k = 0; k < f.length; k++) from.push(i);
    folded += f;
    i += ch.length;
  }
  const at = folded.indexOf(query);
  if (at < 0 || query.length === 0) return undefined;
  const last = from[at + query.length - 1]!;
  return [from[at]!, last + (s.codePointAt(last)! > 0xffff ? 2 : 1)];
}
