/**
 * The one CSV writer: papaparse's `unparse` (RFC 4180; a field is quoted when it holds a comma,
 * a quote, a line break, or begins or ends with white space). Values are written as given:
 * callers turn booleans and objects into the text their readers expect.
 *
 * `escapeFormulae` is for files people open in spreadsheets: a text cell that begins like a
 * formula (=, +, -, @, tab, CR) gets a leading apostrophe so the spreadsheet does not run it. The
 * validator refuses such cells and front-matter values (`formula-cell`), so on the site's data it
 * never fires; it guards what the data cannot reach. Office tools write cells exactly as given.
 */
import Papa from 'papaparse';

export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel and WPS read the file as UTF-8. */
  bom?: boolean;
  /** Line ends: CRLF (RFC 4180, the site's downloads) or LF (files offices edit). */
  newline?: '\r\n' | '\n';
  escapeFormulae?: boolean;
}

const EDGE_SPACE = /^\s|\s$/;

/** Rows are written this many at a time, so a national table is never all in memory as arrays. */
const CHUNK = 500;

export function writeCsv(rows: Iterable<readonly CsvValue[]>, opts: CsvOptions = {}): string {
  const newline = opts.newline ?? '\r\n';
  const config = {
    newline,
    escapeFormulae: opts.escapeFormulae ?? false,
    // Papa quotes edge spaces; full-width and other white space at an edge are quoted too, so trimming readers keep them.
    quotes: (v: unknown) => typeof v === 'string' && EDGE_SPACE.test(v),
  };
  let out = opts.bom ? '\ufeff' : '';
  let chunk: (readonly CsvValue[])[] = [];
  const flush = () => {
    out += `${Papa.unparse(chunk as CsvValue[][], config)}${newline}`;
    chunk = [];
  };
  for (const r of rows) {
    chunk.push(r);
    if (chunk.length === CHUNK) flush();
  }
  if (chunk.length > 0) flush();
  return out;
}
