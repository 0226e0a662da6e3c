/**
 * Why a file cannot be imported at all, in one Chinese sentence that names the file's problem and
 * the fix. The importer throws it; `npm run import` and `npm run import-xlsx` print the message
 * alone (exit 2). Each limit has its own code, so tests can tell the limits apart.
 */
export type RefusalCode =
  | 'file-too-large' // the file itself (compressed, for .xlsx and .docx) is over the limit
  | 'uncompressed-too-large' // the parts of a zip would unpack to more than the limit
  | 'too-many-rows'
  | 'too-many-cells'
  | 'damaged' // not a zip, a part missing, a part that unpacks to another size than it says
  | 'unsupported'; // encrypted, an unknown compression, an old binary format

export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** What one import may read. A file within them is converted; past any of them, it is refused with its own message. */
export interface ImportLimits {
  /** Bytes of the file as given (for .xlsx and .docx: compressed). */
  fileBytes: number;
  /** Bytes all the parts read from a .xlsx or .docx unpack to, together. */
  uncompressedBytes: number;
  /** Rows with any text, over all sheets and tables of the file: one announcement's table holds at most 200,000, plus headers and titles. */
  rows: number;
  /** Cells of the rectangles the tables span (rows × columns), over all sheets and tables. */
  cells: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  fileBytes: 50 * 1024 * 1024,
  uncompressedBytes: 400 * 1024 * 1024,
  rows: 201_000,
  cells: 6_000_000,
};

/** A byte count for offices: 1.2 MB, 300 KB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
