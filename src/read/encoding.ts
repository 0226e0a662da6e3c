/**
 * Decoding of data files. UTF-8 (with or without BOM) is the format; GBK/GB18030 — what Excel and
 * WPS write when told "CSV" on a Chinese system — is recognised, decoded so the rest of the file
 * can still be checked, and reported so the office can convert it (`npm run fix-encoding`).
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'mixed' | 'unknown';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Offset (in characters of `text`) of a U+FEFF found after the start, if any. */
  innerBom?: number;
  /** Not text at all (a renamed .xlsx, Big5, random bytes): `text` is noise, don't check its content. */
  unreadable?: true;
  /** `mixed`: the physical lines (1-based) in each encoding; each line is decoded in its own. */
  lines?: { utf8: number[]; gbk: number[] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Encoding;
  let unreadable = false;
  let mixed: { text: string; lines: { utf8: number[]; gbk: number[] } } | undefined;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    // UTF-16 with a BOM (Excel's "Unicode text"): not an accepted encoding, but read so that the
    // rest of the file can still be checked. The decoder drops the BOM.
    text = new TextDecoder(utf16).decode(bytes);
    encoding = 'unknown';
  } else {
    try {
      text = utf8.decode(hasBom ? bytes.subarray(3) : bytes);
      encoding = hasBom ? 'utf-8-bom' : 'utf-8';
    } catch {
      mixed = mixedLines(hasBom ? bytes.subarray(3) : bytes);
      ({ text, encoding, unreadable } = mixed ? { text: mixed.text, encoding: 'mixed' as const, unreadable: false } : notUtf8(bytes, hasBom));
    }
  }
  // NUL or other control characters: binary data (or UTF-16 without a BOM), not text.
  if (text.includes('\0') || (encoding === 'unknown' && /[\u0001-\u0008\u000e-\u001f]/.test(text))) {
    encoding = 'unknown';
    unreadable = true;
  }
  const inner = unreadable ? -1 : text.indexOf('\ufeff');
  return { text, encoding, ...(inner >= 0 && { innerBom: inner }), ...(unreadable && { unreadable: true as const }), ...(mixed && { lines: mixed.lines }) };
}

/** Bytes that are not UTF-8 and not of two encodings: GBK, or no text. */
function notUtf8(bytes: Uint8Array, hasBom: boolean): { text: string; encoding: Encoding; unreadable: boolean } {
  let gb: string | undefined;
  try {
    gb = gb18030.decode(bytes);
  } catch {
    gb = undefined;
  }
  // GB18030 decodes almost any byte string; call it GBK only if it reads as Chinese text.
  if (gb !== undefined && /[\u4e00-\u9fff]/.test(gb) && !/[\u0080-\u009f\ufffd]/.test(gb) && mostlyGb2312(bytes)) {
    return { text: gb, encoding: 'gb18030', unreadable: false };
  }
  const text = new TextDecoder('utf-8').decode(hasBom ? bytes.subarray(3) : bytes);
  // A few bad bytes in UTF-8 text leave the rest readable; Big5 or binary bytes don't.
  const bad = text.length - text.replaceAll('\ufffd', '').length;
  return { text, encoding: 'unknown', unreadable: bad * 20 > text.length };
}

const CJK = /[\u4e00-\u9fff]/;
const utf8Line = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gbLine = new TextDecoder('gb18030', { fatal: true });

/**
 * Text whose lines are some UTF-8, some GBK (two files joined, or a file edited in two programs),
 * decoded line by line, each in its own encoding; undefined when the lines are not of both kinds.
 * A line break is the byte 0A in both encodings (GBK's second bytes are 40–FE), so lines are
 * found in the bytes. A line counts as GBK when it is not UTF-8 and reads as Chinese in GBK, or
 * when it is UTF-8 by accident (a few GBK byte pairs are) without any Chinese as UTF-8 but with
 * some as GBK. Only bytes that are not UTF-8 as a whole come here.
 */
function mixedLines(bytes: Uint8Array): { text: string; lines: { utf8: number[]; gbk: number[] } } | undefined {
  const utf8: number[] = [];
  const gbk: number[] = [];
  const parts: string[] = [];
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    let ascii = true;
    for (let i = 0; i < chunk.length; i++) if (chunk[i]! >= 0x80) { ascii = false; break; }
    let text: string | undefined;
    if (ascii) text = utf8Line.decode(chunk);
    else {
      let u: string | undefined;
      let g: string | undefined;
      try { u = utf8Line.decode(chunk); } catch { u = undefined; }
      try { g = gbLine.decode(chunk); } catch { g = undefined; }
      const gbOk = g !== undefined && CJK.test(g) && !/[\u0080-\u009f\ufffd]/.test(g) && mostlyGb2312(chunk);
      if (u !== undefined && (CJK.test(u) || !gbOk)) { text = u; utf8.push(line); }
      else if (gbOk) { text = g; gbk.push(line); }
      else return undefined; // neither: not this case
    }
    parts.push(text!);
    start = end + 1;
    if (end === bytes.length) break;
  }
  if (utf8.length === 0 || gbk.length === 0) return undefined;
  return { text: parts.join('\n'), lines: { utf8, gbk } };
}

/** Line numbers as ranges: 2–5、9. */
export function lineRanges(lines: readonly number[], max = 20): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    out.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return out.length > max ? `${out.slice(0, max).join('、')} 等` : out.join('、');
}

/**
 * Simplified Chinese in GBK is nearly all GB2312 (symbols rows A1–A9, hanzi rows B0–F7, trail
 * byte A1–FE). Big5 text read as GBK is not: about half its characters fall in GBK's extension
 * areas (trail byte 40–A0) or its user-defined rows. More than a third outside GB2312 is no GBK.
 */
function mostlyGb2312(bytes: Uint8Array): boolean {
  let total = 0;
  let outside = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    total++;
    if (trail >= 0x30 && trail <= 0x39) {
      outside++; // four-byte GB18030 sequence
      i += 4;
      continue;
    }
    if (!(((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe)) outside++;
    i += 2;
  }
  return outside < 2 || outside * 3 <= total;
}

/** Re-encodes a file's bytes as UTF-8 (no BOM); returns null when the bytes are already UTF-8. */
export function toUtf8(bytes: Uint8Array): { text: string; from: Encoding } | null {
  const d = decode(bytes);
  if (d.encoding === 'utf-8') return null;
  if (d.encoding === 'mixed') {
    throw new Error(`文件混用了两种编码（第 ${lineRanges(d.lines!.utf8)} 行是 UTF-8，第 ${lineRanges(d.lines!.gbk)} 行是 GBK），整体转换会把一部分行变成乱码，未改动。请在 Excel 或 WPS 中打开原始表格，另存为“CSV UTF-8（逗号分隔）”`);
  }
  if (d.encoding === 'unknown') throw new Error('无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030');
  return { text: d.text, from: d.encoding };
}
