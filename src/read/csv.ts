import Papa from 'papaparse';

/** A CSV record with the physical line (1-based) it starts on; quoted cells may span lines. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvSyntaxError {
  line: number;
  detail: string;
}

export interface ParsedCsv {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
  /** Parsing stopped at `maxRecords`: the file has more. */
  truncated: boolean;
}

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: '有一个用双引号开始的单元格没有结束的双引号',
  InvalidQuotes: '双引号括起的单元格后面紧跟了其他字符',
  UndetectableDelimiter: '无法识别分隔符',
  TooFewFields: '单元格太少',
  TooManyFields: '单元格太多',
};

/**
 * Parses CSV text with papaparse (comma-delimited, RFC 4180 quoting), keeping for each record
 * the physical line it starts on. Blank lines are skipped; their lines still count.
 *
 * Well-formed text is parsed in one call and the lines are counted from the records: each
 * record ends at one line break, plus the breaks inside its quoted cells. Text with a quoting
 * error is parsed again record by record, where papaparse's cursor gives the lines exactly.
 */
export function parseCsv(input: string, maxRecords = Infinity): ParsedCsv {
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  // Text with more lines than records allowed is read record by record, stopping at the limit,
  // rather than parsed whole into memory.
  if (text.length > maxRecords && moreLinesThan(text, maxRecords)) return parseCsvStepwise(text, maxRecords);
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false });
  if (result.errors.length > 0) return parseCsvStepwise(text, maxRecords);
  const records: CsvRecord[] = [];
  const rows = result.data;
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    if (!(cells.length === 1 && cells[0] === '')) {
      if (records.length >= maxRecords) return { records, errors: [], truncated: true };
      records.push({ line, cells });
    }
    line++;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line++;
    }
  }
  return { records, errors: [], truncated: false };
}

function moreLinesThan(text: string, n: number): boolean {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) if (++lines > n) return true;
  return false;
}

/** parseCsv for text with quoting errors: papaparse's step cursor places every record. */
export function parseCsvStepwise(text: string, maxRecords: number): ParsedCsv {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let line = 1;
  let scanned = 0; // text[0, scanned) has been counted into `line`
  let start = 0; // where the current record starts
  let truncated = false;
  const advanceTo = (pos: number) => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
    scanned = Math.max(scanned, pos);
  };
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      const cells = result.data;
      const blank = cells.length === 1 && cells[0] === '';
      // Only a record past the limit truncates; blank lines after the last one do not.
      if (!blank && records.length >= maxRecords) {
        truncated = true;
        parser.abort();
        return;
      }
      // A blank line without errors needs no line number: the next record's count covers it
      // (placing every blank line would rescan the blank lines after it, quadratic in a run of them).
      if (blank && result.errors.length === 0) {
        start = result.meta.cursor;
        return;
      }
      // Skip leading newlines that belong to blank lines before this record.
      let s = start;
      while (text[s] === '\n') s++;
      advanceTo(s);
      const recordLine = line;
      const seen = new Set<string>();
      for (const e of result.errors) {
        const detail = QUOTE_MESSAGES[e.code] ?? e.message;
        if (seen.has(detail)) continue;
        seen.add(detail);
        errors.push({ line: recordLine, detail });
      }
      if (!blank) records.push({ line: recordLine, cells });
      start = result.meta.cursor;
    },
  });
  return { records, errors, truncated };
}

/** A delimiter other than the comma that a header line seems to use (semicolon or tab). */
export function foreignDelimiter(headerLine: string): string | undefined {
  if (headerLine.includes(',')) return undefined;
  if (headerLine.includes('\t')) return '制表符';
  if (headerLine.includes(';') || headerLine.includes('；')) return '分号';
  return undefined;
}
