/**
 * Characters a reader cannot see but a computer compares: zero-width characters, bidi controls
 * and control characters (data contract, `invisible-character`). In a cell or a front-matter value
 * they make one enterprise look like another, or hide a line from the rules across announcements.
 */

/**
 * Zero-width (U+200B–U+200D, U+2060, U+FEFF), the bidi controls of Unicode's Bidi_Control property
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and control characters (C0, DEL, C1):
 * every one except the line feed. A tab is one too: `INVISIBLE_IN_MARKDOWN` allows it.
 */
export const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
/** In Markdown text a tab is indentation, not a hidden character. */
export const INVISIBLE_IN_MARKDOWN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

const NAMES: Readonly<Record<number, string>> = {
  0x09: '制表符',
  0x0d: '回车符',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连字',
  0x2060: '零宽连接符',
  0xfeff: '零宽不换行空格（字节顺序标记）',
};

/** U+200B as written in messages. */
export const codePointName = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The Chinese name of an invisible character, e.g. 零宽空格（U+200B）. */
export function invisibleName(c: number): string {
  const bidi = c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  const name = NAMES[c] ?? (bidi ? '双向文字控制符' : '控制字符');
  return `${name}（${codePointName(c)}）`;
}

/** Where the first invisible character of `s` is: its index (UTF-16) and its position in characters (1-based). */
export function findInvisible(s: string, from = 0, pattern: RegExp = INVISIBLE): { index: number; position: number; char: number } | undefined {
  const rest = from === 0 ? s : s.slice(from);
  const m = pattern.exec(rest);
  if (!m) return undefined;
  const index = from + m.index;
  let position = 1;
  for (let i = 0; i < index; i++, position++) {
    // A surrogate pair is one character.
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return { index, position, char: s.charCodeAt(index) };
}

/** Invisible characters, line breaks and other control characters anywhere in a text, for a terminal: every one shown as [U+XXXX]. */
const SHOWN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const SHOWN_ALL = new RegExp(SHOWN.source, 'g');

/** `s` with every invisible or control character written out as [U+200B], so a terminal shows it instead of obeying it. */
export function showInvisible(s: string): string {
  return SHOWN.test(s) ? s.replace(SHOWN_ALL, (c) => `[${codePointName(c.charCodeAt(0))}]`) : s;
}

/** At most `max` characters of a value for a message: the start, then how long it is. */
export function shorten(s: string, max = 200): string {
  if (s.length <= max) return s;
  let end = max;
  if ((s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--; // never cut a surrogate pair
  return `${s.slice(0, end)}…（共 ${s.length} 个字符）`;
}
