/**
 * What every reader turns a file into: blocks of text and tables, in document order, with merged
 * cells already filled in and each row knowing where it came from. The importer (convert.ts)
 * reads only this, whatever the file's format was.
 */
import { ImportRefused, type ImportLimits } from './refusal.ts';
import { MAX_ROWS } from '../validate/table.ts';

export interface SourceRow {
  /** 1-based row number in its sheet or table, as the office sees it. */
  n: number;
  cells: string[];
}

export interface SourceTable {
  kind: 'table';
  /** Where the table is, as a prefix of a row's position: 工作表“炼铁”, 第 2 个表格. */
  where: string;
  /** The sheet's name, for a workbook: a new sheet starts new sections, and its name may be one. */
  sheet?: string;
  rows: SourceRow[];
  /** Cells that took the text of a merged cell (or a row or column span) they belong to. */
  filled: number;
}

/** A paragraph between tables (a saved page's or a Word document's): it may be a section heading. */
export interface SourceText {
  kind: 'text';
  text: string;
}

export type Block = SourceTable | SourceText;

export interface SourceDocument {
  /** The format read: xlsx, csv, html, docx. */
  format: string;
  blocks: Block[];
  /** What reading noticed, for the review report (an encoding, hidden sheets left out). */
  notes: string[];
}

/** Position of a row for messages and the report: 工作表“炼铁”第 5 行. */
export const rowLabel = (where: string, n: number) => `${where}第 ${n} 行`;

/**
 * Counts rows and cells against the limits over all tables of one file, so that a refusal says
 * which table went over and what the limit is.
 */
export class Budget {
  private rows = 0;
  private cells = 0;
  constructor(
    private readonly limits: ImportLimits,
    private readonly file: string,
  ) {}

  row(where: string): void {
    if (++this.rows > this.limits.rows) this.tooManyRows(where);
  }

  tooManyRows(where: string): never {
    throw new ImportRefused(
      'too-many-rows',
      `${this.file}有超过 ${this.limits.rows} 行（读到${where}时超出），超过导入上限：一份公告的表格最多 ${MAX_ROWS} 行数据，加上表头和标题行，一个文件最多读 ${this.limits.rows} 行。请按地区或行业把名单分成几份，分别导入`,
    );
  }

  /** `n` more cells of a table's rectangle (rows × columns), or of merged cells filled in. */
  cellsOf(n: number, where: string, detail: string): void {
    this.cells += n;
    if (this.cells > this.limits.cells) {
      throw new ImportRefused(
        'too-many-cells',
        `${this.file}的表格超过导入上限 ${this.limits.cells} 个单元格（${where}：${detail}）。请删去名单以外的行和列（如远处零星的内容）后再导入，或把名单分成几个文件`,
      );
    }
  }
}

/**
 * Pads every row to the table's width, counting the rectangle (rows × columns) against the budget
 * first. Readers set only cells with text, so a row's length is one past its last such cell.
 */
export function squareUp(rows: SourceRow[], where: string, budget: Budget): number {
  let width = 0;
  for (const r of rows) if (r.cells.length > width) width = r.cells.length;
  budget.cellsOf(rows.length * width, where, `${rows.length} 行 × ${width} 列`);
  for (const r of rows) {
    const cells = r.cells;
    const dense = new Array<string>(width);
    for (let i = 0; i < width; i++) dense[i] = cells[i] ?? '';
    r.cells = dense;
  }
  return width;
}

/** Spreadsheet column letters → 0-based index: A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}
