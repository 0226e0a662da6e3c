/**
 * A small ZIP writer for tests: real archives (deflated, with CRCs) that any unzip reads, built
 * from parts given as bytes or as deflated chunks repeated many times, so a test can make a
 * "zip bomb" of gigabytes from a few hundred kilobytes without ever holding the gigabytes.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  name: string;
  /** The part's bytes (deflated here). */
  data?: Uint8Array | string;
  /** Or: a raw deflate stream already made, with its real size and CRC. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** Size written in the headers instead of the real one (a bomb that lies about its size). */
  declaredSize?: number;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

export function zip(parts: readonly Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    let comp: Uint8Array;
    let size: number;
    let crc: number;
    if (p.deflated) {
      ({ bytes: comp, size, crc } = p.deflated);
    } else {
      const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data ?? new Uint8Array());
      comp = deflateRawSync(raw);
      size = raw.length;
      crc = crc32(raw);
    }
    const declared = p.declaredSize ?? size;
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0x800), u16(8), u16(0), u16(0), u32(crc), u32(comp.length), u32(declared), u16(name.length), u16(0), name]);
    central.push(Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(0x800), u16(8), u16(0), u16(0), u32(crc), u32(comp.length), u32(declared),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name,
    ]));
    chunks.push(local, Buffer.from(comp));
    offset += local.length + comp.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(dir.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

/**
 * A raw deflate stream of `head`, then `block` repeated `times` times, then `tail`, made by
 * deflating `block` once with a full flush (so its compressed form stands alone) and repeating
 * that: gigabytes of text in a few hundred kilobytes, with the true size and CRC.
 */
export function repeatedDeflate(head: string, block: string, times: number, tail: string): { bytes: Uint8Array; size: number; crc: number } {
  const flush = (s: string | Buffer) => deflateRawSync(s, { finishFlush: constants.Z_FULL_FLUSH });
  const blockBytes = Buffer.from(block, 'utf8');
  const headC = flush(head);
  const blockC = flush(blockBytes);
  const tailC = deflateRawSync(tail);
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(blockBytes, crc);
  crc = crc32(tail, crc);
  const parts: Buffer[] = [headC];
  for (let i = 0; i < times; i++) parts.push(blockC);
  parts.push(tailC);
  return { bytes: new Uint8Array(Buffer.concat(parts)), size: Buffer.byteLength(head) + blockBytes.length * times + Buffer.byteLength(tail), crc };
}

/** A minimal .xlsx: one sheet per entry (sheet XML body rows), shared strings none, optional styles. */
export function xlsxParts(sheets: readonly { name: string; xml?: string; deflated?: Part['deflated']; declaredSize?: number }[], styles?: string): Part[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook ${ns}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    },
    ...(styles ? [{ name: 'xl/styles.xml', data: styles }] : []),
    ...sheets.map((s, i): Part => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      ...(s.deflated ? { deflated: s.deflated } : { data: `<?xml version="1.0"?><worksheet ${ns}><sheetData>${s.xml ?? ''}</sheetData></worksheet>` }),
      ...(s.declaredSize !== undefined && { declaredSize: s.declaredSize }),
    })),
  ];
}

/** A .docx with the given body XML (paragraphs and tables in WordprocessingML). */
export function docx(body: string): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>${body}</w:body></w:document>` },
  ]);
}
