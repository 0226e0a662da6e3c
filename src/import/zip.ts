/**
 * A ZIP reader for .xlsx and .docx files under limits. Only the parts asked for are unpacked, each
 * at most to the size the archive declares for it, and all of them together at most to
 * `limits.uncompressedBytes`: a declared size over the limit is refused before anything is
 * unpacked, and a part that unpacks to more than it declares (a "zip bomb" that lies about its
 * size) is stopped by zlib at its declared size. A 294 KB file that unpacks to 2.5 GB is refused
 * after reading its 22-byte directory.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ImportRefused, sizeText, type ImportLimits } from './refusal.ts';

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  /** Names of the parts, as stored. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The part's bytes; undefined when there is no such part. */
  read(name: string): Uint8Array | undefined;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Opens the archive's directory. `what` names the file in messages, e.g. “名单.xlsx”. */
export function openZip(bytes: Uint8Array, limits: ImportLimits, what: string): ZipArchive {
  const damaged = (detail: string) => new ImportRefused('damaged', `${what}不是完整的 ${kindOf(what)} 文件（${detail}）。请在 Excel、WPS 或 Word 中打开它，重新“另存为”后再导入`);
  if (bytes.length > limits.fileBytes) {
    throw new ImportRefused('file-too-large', `${what}有 ${sizeText(bytes.length)}，超过导入上限 ${sizeText(limits.fileBytes)}。请删去其中的图片等与名单无关的内容，或把名单分成几个文件分别导入`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('找不到压缩包的目录，文件可能被截断，或者根本不是压缩包');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    throw new ImportRefused('uncompressed-too-large', `${what}是超过 4 GB 的大型压缩包（ZIP64），超过导入上限 ${sizeText(limits.uncompressedBytes)}。请把名单分成几个文件分别导入`);
  }
  if (dirOffset + dirSize > eocd) throw damaged('压缩包的目录位置不对');

  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder('utf-8');
  const gbk = new TextDecoder('gb18030');
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw damaged('压缩包的目录已损坏');
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise it is in the writer's code page (GBK on Chinese systems).
    const name = (flags & 0x800 ? decoder : gbk).decode(rawName).replace(/\\/g, '/');
    entries.set(name, {
      name,
      flags,
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }

  let unpacked = 0;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      if (e.flags & 1) throw new ImportRefused('unsupported', `${what}设置了打开密码（已加密），无法读取。请在 Excel、WPS 或 Word 中取消密码后另存，再导入`);
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || unpacked + e.size > limits.uncompressedBytes) {
        throw new ImportRefused(
          'uncompressed-too-large',
          `${what}中的“${name}”解压后有 ${e.size === 0xffffffff ? '4 GB 以上' : sizeText(e.size)}，` +
            `超过导入上限（解压后共 ${sizeText(limits.uncompressedBytes)}）。正常的名单远小于此；如果这确是一份名单，请把它分成几个文件分别导入`,
        );
      }
      const at = e.localOffset;
      if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw damaged(`“${name}”的位置不对`);
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      const data = bytes.subarray(start, start + e.compressedSize);
      if (data.length !== e.compressedSize) throw damaged(`“${name}”被截断`);
      let out: Uint8Array;
      if (e.method === 0) {
        out = data;
      } else if (e.method === 8) {
        try {
          // zlib stops at the declared size: a part that says 1 KB cannot unpack to 1 GB here.
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
        } catch (err) {
          const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
          throw damaged(tooBig ? `“${name}”解压后比它声明的 ${sizeText(e.size)} 更大，这不是正常的文件` : `“${name}”无法解压`);
        }
      } else {
        throw new ImportRefused('unsupported', `${what}中的“${name}”使用了不常见的压缩方式（${e.method}），无法读取。请在 Excel、WPS 或 Word 中重新“另存为”后再导入`);
      }
      if (out.length !== e.size) throw damaged(`“${name}”解压后的大小与声明的不符`);
      if (crc32(out) >>> 0 !== e.crc) throw damaged(`“${name}”的校验码不符`);
      unpacked += out.length;
      return out;
    },
  };
}

const kindOf = (what: string) => (/docx/i.test(what) ? '.docx' : /xlsx/i.test(what) ? '.xlsx' : 'Office');
