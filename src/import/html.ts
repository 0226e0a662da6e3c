/**
 * Reads the tables of a saved web page (a notice as the office's site published it) and the
 * paragraphs between them, in document order. The parser is forgiving, as saved pages need:
 * unclosed cells and rows, tables inside layout tables (each is a table of its own; the outer
 * one then has no header and is left out), rowspan and colspan filled in. Scripts and styles are
 * skipped.
 */
import { GridBuilder } from './grid.ts';
import type { ImportLimits } from './refusal.ts';
import { Budget, type Block } from './source.ts';
import { parseMarkup } from './xml.ts';

/** Elements whose start or end ends a paragraph of text. */
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'center', 'blockquote', 'pre', 'dt', 'dd', 'title', 'form', 'hr', 'body', 'html']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'select', 'textarea', 'object', 'svg']);

interface TableState {
  grid: GridBuilder;
  cell?: { text: string[]; colspan: number; rowspan: number } | undefined;
  /** Text of the table's <caption>, often its section heading (一、炼铁). */
  caption?: string[] | undefined;
}

const span = (v: string | undefined) => (v === undefined ? 1 : parseInt(v, 10));

export function readHtml(text: string, limits: ImportLimits, file: string): Block[] {
  const budget = new Budget(limits, file);
  const blocks: Block[] = [];
  const stack: TableState[] = [];
  let tables = 0;
  let para: string[] = [];
  let skip = 0;
  const top = () => stack[stack.length - 1];
  const flush = () => {
    const t = para.join('');
    if (t.trim() !== '') blocks.push({ kind: 'text', text: t });
    para = [];
  };
  const endCell = () => {
    const t = top();
    if (t?.cell) {
      t.grid.cell(t.cell.text.join(''), t.cell.colspan, t.cell.rowspan);
      t.cell = undefined;
    }
  };
  parseMarkup(text, {
    onopentag(name, a) {
      if (SKIP.has(name)) {
        skip++;
        return;
      }
      if (skip > 0) return;
      switch (name) {
        case 'table':
          if (!top()?.cell) flush();
          stack.push({ grid: new GridBuilder(`第 ${++tables} 个表格`, budget) });
          return;
        case 'tr': {
          const t = top();
          if (t) {
            endCell();
            t.grid.startRow();
          }
          return;
        }
        case 'td':
        case 'th': {
          const t = top();
          if (t) {
            endCell();
            t.cell = { text: [], colspan: span(a.colspan), rowspan: span(a.rowspan) };
          }
          return;
        }
        case 'caption': {
          const t = top();
          if (t && !t.cell) t.caption = [];
          return;
        }
        case 'br':
          (top()?.cell?.text ?? para).push('\n');
          return;
      }
      if (BLOCK.has(name)) {
        const c = top()?.cell;
        if (c) c.text.push('\n');
        else flush();
      }
    },
    ontext(t) {
      if (skip > 0) return;
      const s = top();
      if (s) {
        if (s.cell) s.cell.text.push(t);
        else if (s.caption) s.caption.push(t);
        return; // text between a table's cells is markup noise
      }
      para.push(t);
    },
    onclosetag(name) {
      if (SKIP.has(name)) {
        skip = Math.max(0, skip - 1);
        return;
      }
      if (skip > 0) return;
      switch (name) {
        case 'caption': {
          const t = top();
          const text = t?.caption?.join('') ?? '';
          if (t) t.caption = undefined;
          // Blocks are kept in document order: the table's own block is added when it closes, after this.
          if (text.trim() !== '') blocks.push({ kind: 'text', text });
          return;
        }
        case 'td':
        case 'th':
          endCell();
          return;
        case 'tr': {
          endCell();
          top()?.grid.endRow();
          return;
        }
        case 'table': {
          const t = stack.pop();
          if (t) {
            if (t.cell) t.grid.cell(t.cell.text.join(''), t.cell.colspan, t.cell.rowspan);
            blocks.push(t.grid.finish());
          }
          return;
        }
      }
      if (BLOCK.has(name)) {
        const c = top()?.cell;
        if (c) c.text.push('\n');
        else flush();
      }
    },
  }, false);
  flush();
  return blocks;
}
