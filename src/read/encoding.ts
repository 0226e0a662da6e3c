/**
 * Decoding of data files. UTF-8 (with or without BOM) is the format; GBK/GB18030 — what Excel and
 * WPS write when told "CSV" on a Chinese system — is recognised, decoded so the rest of the file
 * can still be checked, and reported so the office can convert it (`npm run fix-encoding`).
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'unknown';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Offset (in characters of `text`) of a U+FEFF found after the start, if any. */
  innerBom?: number;
  /** Not text at all (a renamed .xlsx, Big5, random bytes): `text` is noise, don't check its content. */
  unreadable?: true;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Encoding;
  let unreadable = false;
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
      let gb: string | undefined;
      try {
        gb = gb18030.decode(bytes);
      } catch {
        gb = undefined;
      }
      // GB18030 decodes almost any byte string; call it GBK only if it reads as Chinese text.
      if (gb !== undefined && /[\u4e00-\u9fff]/.test(gb) && !/[\u0080-\u009f\ufffd]/.test(gb) && mostlyGb2312(bytes)) {
        text = gb;
        encoding = 'gb18030';
      } else {
        text = new TextDecoder('utf-8').decode(hasBom ? bytes.subarray(3) : bytes);
        encoding = 'unknown';
        // A few bad bytes in UTF-8 text leave the rest readable; Big5 or binary bytes don't.
        const bad = text.length - text.replaceAll('\ufffd', '').length;
        unreadable = bad * 20 > text.length;
      }
    }
  }
  // NUL or other control characters: binary data (or UTF-16 without a BOM), not text.
  if (text.includes('\0') || (encoding === 'unknown' && /[\u0001-\u0008\u000e-\u001f]/.test(text))) {
    encoding = 'unknown';
    unreadable = true;
  }
  const inner = unreadable ? -1 : text.indexOf('\ufeff');
  return { text, encoding, ...(inner >= 0 && { innerBom: inner }), ...(unreadable && { unreadable: true as const }) };
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
  if (d.encoding === 'unknown') throw new Error('无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030');
  return { text: d.text, from: d.encoding };
}
