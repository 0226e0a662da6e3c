/**
 * Builds a table from cells that span rows and columns (HTML's rowspan and colspan, Word's
 * gridSpan and vMerge): every grid cell a span covers gets the span's text, so a province written
 * once beside five rows is the province of each of them.
 */
import { Budget, squareUp, type SourceRow, type SourceTable } from './source.ts';

/** Longest spans honoured: HTML's own limits (colspan ≤ 1000, rowspan ≤ 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export class GridBuilder {
  readonly rows: SourceRow[] = [];
  private current: string[] | undefined;
  private col = 0;
  private rowCount = 0;
  /** Columns still covered by a cell of an earlier row: its text and how many rows it has left. */
  private pending = new Map<number, { text: string; left: number }>();
  private filled = 0;
  /** Whether the current row has any text of its own, or from a span. */
  private hasText = false;

  constructor(
    private readonly where: string,
    private readonly budget: Budget,
  ) {}

  startRow(): void {
    if (this.current) this.endRow();
    this.current = [];
    this.col = 0;
    this.hasText = false;
    this.rowCount++;
  }

  /** Skips grid columns at the start of a row (Word's gridBefore). */
  skip(n: number): void {
    this.col += Math.max(0, Math.min(n, MAX_COLSPAN));
  }

  private takePending(): void {
    for (let p = this.pending.get(this.col); p; p = this.pending.get(this.col)) {
      this.put(this.col, p.text, true);
      if (--p.left <= 0) this.pending.delete(this.col);
      this.col++;
    }
  }

  private put(col: number, text: string, fromSpan: boolean): void {
    if (text.trim() === '') return;
    this.current![col] = text;
    this.hasText = true;
    if (fromSpan) this.filled++;
  }

  /**
   * A cell of the current row. `continues`: a Word cell that continues the merged cell above
   * (vMerge without restart): it takes that cell's text.
   */
  cell(text: string, colspan = 1, rowspan = 1, continues = false): void {
    if (!this.current) this.startRow();
    this.takePending();
    const span = Math.max(1, Math.min(Number.isFinite(colspan) ? colspan : 1, MAX_COLSPAN));
    const down = rowspan === 0 ? MAX_ROWSPAN : Math.max(1, Math.min(Number.isFinite(rowspan) ? rowspan : 1, MAX_ROWSPAN));
    this.budget.cellsOf(span, this.where, '合并单元格的范围过大');
    const above = continues ? this.rows.at(-1) : undefined;
    for (let i = 0; i < span; i++) {
      const c = this.col + i;
      if (continues) {
        // The row above was kept only if it had text; a continued blank stays blank.
        const t = above && above.n === this.rowCount - 1 ? (above.cells[c] ?? '') : '';
        this.put(c, t, true);
      } else {
        this.put(c, text, i > 0);
        if (down > 1) this.pending.set(c, { text, left: down - 1 });
      }
    }
    this.col += span;
  }

  endRow(): void {
    if (!this.current) return;
    // Spans from rows above that reach past this row's last cell.
    if (this.pending.size > 0) {
      const cols = [...this.pending.keys()].filter((c) => c >= this.col).sort((a, b) => a - b);
      for (const c of cols) {
        this.col = c;
        this.takePending();
      }
    }
    if (this.hasText) {
      this.budget.row(`${this.where}第 ${this.rowCount} 行`);
      this.rows.push({ n: this.rowCount, cells: this.current });
    }
    this.current = undefined;
  }

  finish(): SourceTable {
    this.endRow();
    squareUp(this.rows, this.where, this.budget);
    return { kind: 'table', where: this.where, rows: this.rows, filled: this.filled };
  }
}
