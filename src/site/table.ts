/**
 * Tables as data: every table of the site is a `TableData` made by a page-data function and
 * rendered by the one table component (src/components/Table.astro, through `tableHtml`), so captions, header scopes,
 * numeric alignment and the scroll container are the same everywhere and testable without a build.
 */
import { escapeHtml } from '../text/escape.ts';

/** A run of text in a cell, optionally a link, a date, emphasised or styled. */
export interface Part {
  text: string;
  href?: string | undefined;
  /** ISO date or month: rendered as <time datetime>. */
  datetime?: string | undefined;
  /** A class for the run (e.g. a status badge). */
  className?: string | undefined;
  /** Something a reader must not miss (overdue, unexplained): shown emphasised. */
  alert?: boolean | undefined;
  /** Text a correction removed or added. */
  edit?: 'del' | 'ins' | undefined;
}

export interface Cell {
  parts: Part[];
  numeric?: boolean | undefined;
  rowspan?: number | undefined;
}

export interface Column {
  label: string;
  numeric?: boolean | undefined;
}

export interface TableRow {
  /** The table's row-header cell is a th scope=row, unless `header` is false (a row under a rowspan). */
  cells: Cell[];
  header?: boolean | undefined;
  /** data-* attributes of the row, for scripts that filter rows. */
  data?: Record<string, string> | undefined;
}

export interface TableData {
  caption: string;
  columns: Column[];
  rows: TableRow[];
  /** The table element's id (filters point to it). */
  id?: string | undefined;
  /** Which cell of each row names the row (0 by default). */
  rowHeader?: number | undefined;
}

export const cell = (...parts: (Part | string | undefined | false)[]): Cell => ({
  parts: parts.filter((p): p is Part | string => p !== undefined && p !== false && p !== '').map((p) => (typeof p === 'string' ? { text: p } : p)),
});
export const num = (text: string): Cell => ({ parts: [{ text }], numeric: true });
export const link = (text: string, href: string): Part => ({ text, href });
export const date = (text: string, datetime: string): Part => ({ text, datetime });

/** The visible text of a cell, for tests and for filters. */
export const cellText = (c: Cell): string => c.parts.map((p) => p.text).join('');

/** One run as HTML: text escaped, then wrapped in time, span, strong and a link as it asks. */
export function partHtml(p: Part): string {
  let h = escapeHtml(p.text);
  if (p.datetime) h = `<time datetime="${escapeHtml(p.datetime)}">${h}</time>`;
  if (p.className) h = `<span class="${escapeHtml(p.className)}">${h}</span>`;
  if (p.edit) h = `<${p.edit}>${h}</${p.edit}>`;
  if (p.alert) h = `<strong class="overdue">${h}</strong>`;
  if (p.href) h = `<a href="${escapeHtml(p.href)}">${h}</a>`;
  return h;
}

export const partsHtml = (parts: readonly Part[]): string => parts.map(partHtml).join('');

/**
 * A table as HTML, in a scroll container keyboard users can reach. Written as a string rather than
 * as markup in a component: a national build renders millions of cells, and a component per cell
 * cost more than the rest of the page. Everything from data goes through `escapeHtml`.
 */
export function tableHtml(table: TableData): string {
  const caption = escapeHtml(table.caption);
  const head = table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const headerAt = table.rowHeader ?? 0;
  const rows = table.rows.map((row) => {
    const data = Object.entries(row.data ?? {}).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
    const cells = row.cells.map((c, i) => {
      const th = i === headerAt && row.header !== false;
      const attrs = `${th ? ' scope="row"' : ''}${c.numeric ? ' class="num"' : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}`;
      return th ? `<th${attrs}>${partsHtml(c.parts)}</th>` : `<td${attrs}>${partsHtml(c.parts)}</td>`;
    });
    return `<tr${data}>${cells.join('')}</tr>`;
  });
  const id = table.id ? ` id="${escapeHtml(table.id)}"` : '';
  return `<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table${id}><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
