/**
 * Reads an .xlsx workbook under limits (refusal.ts): its sheets as rows of the text Excel shows,
 * merged cells filled with their text. Only the parts a table needs are unpacked (workbook,
 * relationships, shared strings, styles, the sheets), each streamed through the XML parser once.
 *
 * Every cell becomes the text Excel shows for it (number-format.ts). Only real Excel dates (a
 * number with a date format) become YYYY-MM-DD (YYYY-MM under a format without a day); a date
 * typed as text (2026/4/28) stays as typed.
 */
import { columnIndex, squareUp, Budget, type SourceRow, type SourceTable } from './source.ts';
import { compileFormat, excelGeneral, showDate, type CompiledFormat } from './number-format.ts';
import { ImportRefused, type ImportLimits } from './refusal.ts';
import { parseMarkup } from './xml.ts';
import { openZip, type ZipArchive } from './zip.ts';

export interface WorkbookSheet extends SourceTable {
  sheet: string;
  hidden: boolean;
}

/** Largest row and column Excel has. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const attr = (attrs: Record<string, string>, name: string): string | undefined => attrs[name] ?? attrs[Object.keys(attrs).find((k) => k.endsWith(`:${name}`)) ?? ''];

/** OOXML escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** A part's path from a relationship target: relative to the folder of the part that names it, or absolute. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relsOf(zip: ZipArchive, part: string): Map<string, { type: string; target: string }> {
  const dir = part.split('/').slice(0, -1).join('/');
  const file = `${dir ? `${dir}/` : ''}_rels/${part.split('/').pop()}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const bytes = zip.read(file);
  if (!bytes) return out;
  parseMarkup(bytes, {
    onopentag(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(part, a.Target) });
    },
  }, true);
  return out;
}

/** Shared strings: the text of each <si>, runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(bytes: Uint8Array | undefined): string[] {
  const out: string[] = [];
  if (!bytes) return out;
  let cur: string[] | undefined;
  let inT = false;
  let rph = 0;
  parseMarkup(bytes, {
    onopentag(name) {
      if (name === 'si') cur = [];
      else if (name === 'rPh') rph++;
      else if (name === 't' && cur && rph === 0) inT = true;
    },
    ontext(t) {
      if (inT) cur!.push(t);
    },
    onclosetag(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') rph--;
      else if (name === 'si' && cur) {
        out.push(unescapeOoxml(cur.join('')));
        cur = undefined;
      }
    },
  }, true);
  return out;
}

/** Each cell style's number format, compiled once. */
function cellFormats(bytes: Uint8Array | undefined): CompiledFormat[] {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  if (bytes) {
    let inCellXfs = false;
    parseMarkup(bytes, {
      onopentag(name, a) {
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
      },
      onclosetag(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    }, true);
  }
  const compiled = new Map<number, CompiledFormat>();
  return xfs.map((id) => {
    let f = compiled.get(id);
    if (!f) compiled.set(id, (f = compileFormat(codes.get(id), codes.has(id) ? undefined : id)));
    return f;
  });
}

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const REF = /^([A-Z]{1,3})(\d{1,7})$/;

function parseRef(ref: string): { col: number; row: number } | undefined {
  const m = REF.exec(ref.replace(/\$/g, '').toUpperCase());
  return m ? { col: columnIndex(m[1]!), row: Number(m[2]) } : undefined;
}

interface SheetContext {
  strings: string[];
  formats: CompiledFormat[];
  date1904: boolean;
  budget: Budget;
  label: string;
  file: string;
}

/** One worksheet: rows with text, in order, and the merged ranges. */
function readSheet(bytes: Uint8Array, ctx: SheetContext): { rows: SourceRow[]; merges: Merge[] } {
  const byRow = new Map<number, string[]>();
  const merges: Merge[] = [];
  const damaged = (detail: string) => new ImportRefused('damaged', `${ctx.file}的${ctx.label}已损坏（${detail}）。请在 Excel 或 WPS 中打开它，重新“另存为”.xlsx 后再导入`);
  let rowNumber = 0;
  let col = -1;
  let type = '';
  let style = 0;
  let text: string[] | undefined; // text of the current <v> or <is><t>
  let value: string[] = [];
  let inlineT = false;
  let rph = 0;
  const finishCell = () => {
    const raw = value.join('');
    let shown: string;
    if (type === 's') shown = ctx.strings[Number(raw)] ?? '';
    else if (type === 'inlineStr' || type === 'str') shown = unescapeOoxml(raw);
    else if (type === 'b') shown = raw === '1' || raw.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    else if (type === 'e') shown = raw;
    else if (type === 'd') shown = raw.slice(0, 10);
    else if (raw.trim() === '') shown = '';
    else {
      const n = Number(raw);
      const fmt = ctx.formats[style];
      shown = !Number.isFinite(n) ? raw : fmt?.date ? showDate(n, fmt, ctx.date1904) : fmt ? fmt.show(n) : excelGeneral(n);
    }
    if (shown.trim() === '') return;
    let row = byRow.get(rowNumber);
    if (!row) {
      ctx.budget.row(`${ctx.label}第 ${rowNumber} 行`);
      byRow.set(rowNumber, (row = []));
    }
    row[col] = shown;
  };
  parseMarkup(bytes, {
    onopentag(name, a) {
      switch (name) {
        case 'row': {
          rowNumber = a.r !== undefined ? Number(a.r) : rowNumber + 1;
          if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROW) throw damaged(`行号 ${a.r} 不对`);
          col = -1;
          break;
        }
        case 'c': {
          const ref = a.r !== undefined ? parseRef(a.r) : undefined;
          if (a.r !== undefined && !ref) throw damaged(`单元格位置 ${a.r} 不对`);
          col = ref ? ref.col : col + 1;
          if (ref && ref.row !== rowNumber) rowNumber = ref.row;
          if (col >= MAX_COLUMN) throw damaged(`单元格 ${a.r} 超出了最后一列`);
          type = a.t ?? 'n';
          style = a.s !== undefined ? Number(a.s) : 0;
          value = [];
          break;
        }
        case 'v':
          text = value;
          break;
        case 'rPh':
          rph++;
          break;
        case 't':
          if (rph === 0) inlineT = true;
          break;
        case 'mergeCell': {
          const [from, to] = (a.ref ?? '').split(':');
          const f = from ? parseRef(from) : undefined;
          const t = to ? parseRef(to) : f;
          if (f && t) merges.push({ r1: Math.min(f.row, t.row), c1: Math.min(f.col, t.col), r2: Math.max(f.row, t.row), c2: Math.max(f.col, t.col) });
          break;
        }
      }
    },
    ontext(t) {
      if (text || inlineT) value.push(t);
    },
    onclosetag(name) {
      if (name === 'v') text = undefined;
      else if (name === 't') inlineT = false;
      else if (name === 'rPh') rph--;
      else if (name === 'c') finishCell();
    },
  }, true);
  const rows = [...byRow.entries()].sort((x, y) => x[0] - y[0]).map(([n, cells]) => ({ n, cells }));
  return { rows, merges };
}

/**
 * Fills each merged range's text into its other cells, in rows that have text (a merged range
 * over otherwise blank rows adds no rows). Excel forbids overlapping ranges, so the work is at
 * most the table's rectangle; overlapping ranges in a crafted file are counted against the budget.
 */
function fillMerges(rows: SourceRow[], merges: readonly Merge[], width: number, where: string, budget: Budget): number {
  if (merges.length === 0) return 0;
  const index = new Map<number, number>();
  rows.forEach((r, i) => index.set(r.n, i));
  let filled = 0;
  // Ranges in row order, so each is found by a binary search rather than a scan of the rows.
  const ns = rows.map((r) => r.n);
  const firstAtOrAfter = (n: number) => {
    let lo = 0;
    let hi = ns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ns[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const m of merges) {
    const master = index.get(m.r1);
    const text = master === undefined ? '' : (rows[master]!.cells[m.c1] ?? '');
    if (text === '') continue;
    const c2 = Math.min(m.c2, width - 1);
    for (let i = firstAtOrAfter(m.r1); i < rows.length && rows[i]!.n <= m.r2; i++) {
      const cells = rows[i]!.cells;
      budget.cellsOf(Math.max(0, c2 - m.c1 + 1), where, '合并单元格的范围过大或相互重叠');
      for (let c = m.c1; c <= c2; c++) {
        if (rows[i]!.n === m.r1 && c === m.c1) continue;
        if (cells[c] === '') {
          cells[c] = text;
          filled++;
        }
      }
    }
  }
  return filled;
}

export interface ReadWorkbookOptions {
  /** Only the first visible sheet (what `npm run import-xlsx` converts). */
  firstOnly?: boolean;
}

/** The workbook's sheets, in workbook order, as tables of displayed text. `file` names it in messages (“名单.xlsx”). */
export function readWorkbook(bytes: Uint8Array, limits: ImportLimits, file: string, opts: ReadWorkbookOptions = {}): WorkbookSheet[] {
  const zip = openZip(bytes, limits, file);
  const notWorkbook = () => new ImportRefused('damaged', `${file}不是 Excel 工作簿（.xlsx）：其中没有工作簿的内容。如果它是 Word 文档，请把扩展名改为 .docx；否则请在 Excel 或 WPS 中打开后“另存为”.xlsx 再导入`);
  const rootRels = relsOf(zip, '');
  const wbPath = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const wbBytes = zip.read(wbPath);
  if (!wbBytes) throw notWorkbook();
  const sheets: { name: string; rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  parseMarkup(wbBytes, {
    onopentag(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: attr(a, 'id') ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  }, true);
  const rels = relsOf(zip, wbPath);
  const dir = wbPath.split('/').slice(0, -1).join('/');
  const partOf = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? `${dir}/${fallback}`;
  const strings = sharedStrings(zip.read(partOf('/sharedStrings', 'sharedStrings.xml')));
  const formats = cellFormats(zip.read(partOf('/styles', 'styles.xml')));
  const budget = new Budget(limits, file);
  const chosen = opts.firstOnly ? sheets.filter((s) => !s.hidden).slice(0, 1) : sheets;
  if (chosen.length === 0) throw new ImportRefused('damaged', `${file}中没有可见的工作表。请在 Excel 或 WPS 中打开它，取消隐藏名单所在的工作表后另存再导入`);
  const out: WorkbookSheet[] = [];
  for (const s of chosen) {
    const where = `工作表“${s.name}”`;
    const target = rels.get(s.rid)?.target;
    const part = target ? zip.read(target) : undefined;
    if (!part) throw new ImportRefused('damaged', `${file}的${where}找不到内容，文件可能已损坏。请在 Excel 或 WPS 中打开它，重新“另存为”.xlsx 后再导入`);
    const { rows, merges } = readSheet(part, { strings, formats, date1904, budget, label: where, file });
    const width = squareUp(rows, where, budget);
    const filled = fillMerges(rows, merges, width, where, budget);
    out.push({ kind: 'table', where, sheet: s.name, hidden: s.hidden, rows, filled });
  }
  return out;
}
