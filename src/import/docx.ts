/**
 * Reads the tables of a Word document (.docx) and the paragraphs between them, in document order.
 * A .docx is a ZIP archive (read under the same limits as a workbook); its body is
 * word/document.xml: <w:tbl> tables of <w:tr> rows of <w:tc> cells, with <w:gridSpan> for a cell
 * spanning columns and <w:vMerge> for one spanning rows. Deleted text of tracked changes and field
 * codes are left out.
 */
import { GridBuilder } from './grid.ts';
import { ImportRefused, type ImportLimits } from './refusal.ts';
import { Budget, type Block } from './source.ts';
import { parseMarkup } from './xml.ts';
import { openZip } from './zip.ts';

interface TableState {
  grid: GridBuilder;
  /** Text of the cell being read, by paragraph. */
  cell?: { paragraphs: string[]; span: number; vmerge: 'none' | 'restart' | 'continue' } | undefined;
}

export function readDocx(bytes: Uint8Array, limits: ImportLimits, file: string): Block[] {
  const zip = openZip(bytes, limits, file);
  const body = zip.read('word/document.xml');
  if (!body) {
    throw new ImportRefused('damaged', `${file}不是 Word 文档（.docx）：其中没有正文。如果它是 Excel 工作簿，请把扩展名改为 .xlsx；否则请在 Word 或 WPS 中打开后“另存为”.docx 再导入`);
  }
  const budget = new Budget(limits, file);
  const blocks: Block[] = [];
  const stack: TableState[] = [];
  let tables = 0;
  let paragraph: string[] = [];
  let inText = false;
  let skip = 0; // inside deleted text or a field code

  const top = () => stack[stack.length - 1];
  parseMarkup(body, {
    onopentag(name, a) {
      const val = a['w:val'];
      switch (name) {
        case 'w:tbl':
          stack.push({ grid: new GridBuilder(`第 ${++tables} 个表格`, budget) });
          break;
        case 'w:tr':
          top()?.grid.startRow();
          break;
        case 'w:gridBefore':
          top()?.grid.skip(Number(val ?? 0));
          break;
        case 'w:tc': {
          const t = top();
          if (t) t.cell = { paragraphs: [], span: 1, vmerge: 'none' };
          paragraph = [];
          break;
        }
        case 'w:gridSpan': {
          const c = top()?.cell;
          if (c) c.span = Number(val ?? 1) || 1;
          break;
        }
        case 'w:vMerge': {
          const c = top()?.cell;
          if (c) c.vmerge = val === 'restart' ? 'restart' : 'continue';
          break;
        }
        case 'w:p':
          paragraph = [];
          break;
        case 'w:t':
          if (skip === 0) inText = true;
          break;
        case 'w:tab':
          if (skip === 0) paragraph.push('\t');
          break;
        case 'w:br':
        case 'w:cr':
          if (skip === 0) paragraph.push('\n');
          break;
        case 'w:delText':
        case 'w:instrText':
          skip++;
          break;
      }
    },
    ontext(t) {
      if (inText) paragraph.push(t);
    },
    onclosetag(name) {
      switch (name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:delText':
        case 'w:instrText':
          skip--;
          break;
        case 'w:p': {
          const text = paragraph.join('');
          const cell = top()?.cell;
          if (cell) cell.paragraphs.push(text);
          else if (text.trim() !== '') blocks.push({ kind: 'text', text });
          paragraph = [];
          break;
        }
        case 'w:tc': {
          const t = top();
          const c = t?.cell;
          if (t && c) {
            t.grid.cell(c.paragraphs.join('\n'), c.span, 1, c.vmerge === 'continue');
            t.cell = undefined;
          }
          break;
        }
        case 'w:tr':
          top()?.grid.endRow();
          break;
        case 'w:tbl': {
          const t = stack.pop();
          if (t) blocks.push(t.grid.finish());
          break;
        }
      }
    },
  }, true);
  return blocks;
}
