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
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Encoding;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    text = utf8.decode(hasBom ? bytes.subarray(3) : bytes);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  } catch {
    try {
      text = gb18030.decode(bytes);
      // GB18030 decodes almost any byte string; call it GBK only if it reads as Chinese text.
      encoding = /[\u4e00-\u9fff]/.test(text) && !/[\u0080-\u009f\ufffd]/.test(text) ? 'gb18030' : 'unknown';
    } catch {
      encoding = 'unknown';
      text = new TextDecoder('utf-8').decode(bytes);
    }
  }
  const inner = text.indexOf('\ufeff');
  return inner >= 0 ? { text, encoding, innerBom: inner } : { text, encoding };
}

/** Re-encodes a file's bytes as UTF-8 (no BOM); returns null when the bytes are already UTF-8. */
export function toUtf8(bytes: Uint8Array): { text: string; from: Encoding } | null {
  const d = decode(bytes);
  if (d.encoding === 'utf-8') return null;
  if (d.encoding === 'unknown') throw new Error('无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030');
  return { text: d.text, from: d.encoding };
}
