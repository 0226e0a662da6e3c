/**
 * Tables as data: every table of the site is a `TableData` made by a page-data function and
 * rendered by the one table component (src/components/Table.astro, through `tableHtml`), so captions, header scopes,
 * numeric alignment and the scroll container are the same everywhere and testable without a build.
 */
import { escapeHtml, htmlAttr } from '../text/escape.ts';
import { t } from '../i18n/zh-CN.ts';

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
  /**
   * Kept in view on a phone. When any column of a table is, the others fold away on screens
   * narrower than 48rem until the reader ticks "show every column" (printing shows them all).
   */
  phone?: boolean | undefined;
  /**
   * Long free text (notes, messages): it wraps at a reading width (up to 16em) and is the only
   * kind of cell a row may grow taller than four lines for.
   */
  prose?: boolean | undefined;
  /** Where the header links: the glossary entry that says how the column is computed. */
  href?: string | undefined;
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

/**
 * The class of a status badge: `s-<status>` (its colour; the stylesheet draws every s- class as a
 * badge). One class, not two: a national site shows half a million badges.
 */
export const statusClass = (status: string): string => `s-${status}`;
const isBadge = (className: string | undefined): boolean => className?.startsWith('s-') ?? false;

/** One run as HTML: text escaped, then wrapped in time, span, strong and a link as it asks. */
export function partHtml(p: Part): string {
  let h = escapeHtml(p.text);
  if (p.datetime) h = `<time${htmlAttr('datetime', p.datetime)}>${h}</time>`;
  if (p.className) h = `<span${htmlAttr('class', p.className)}>${h}</span>`;
  if (p.edit) h = `<${p.edit}>${h}</${p.edit}>`;
  if (p.alert) h = `<strong class=overdue>${h}</strong>`;
  if (p.href) h = `<a${htmlAttr('href', p.href)}>${h}</a>`;
  return h;
}

export const partsHtml = (parts: readonly Part[]): string => parts.map(partHtml).join('');

/**
 * Facts as a definition list (an announcement's, an enterprise's codes and funds), as short as HTML
 * allows: the optional end tags of dt and dd left out. Labels and values are escaped.
 */
export function factsHtml(facts: readonly { label: string; parts: readonly Part[] }[]): string {
  return `<dl class=meta>${facts.map((f) => `<dt>${escapeHtml(f.label)}<dd>${partsHtml(f.parts)}`).join('')}</dl>`;
}

/**
 * Width of a text on one line, in em of the table's font: CJK and full-width characters are one
 * em, the rest at most 0.62 em in Noto Sans CJK (digits are 0.55): an estimate that errs wide.
 */
export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 ? 1 : c === 0x20 ? 0.3 : 0.62;
  }
  return w;
}

/** Widest reading width a column is kept at; wider text wraps (16em for prose). */
const CAP = 20;
const PROSE = 16;

/**
 * The width (in whole em, the `w<n>` class of its header) below which a column is never squeezed:
 * its widest cell on one line, or — for text that would be wider than 8em — enough that it wraps
 * into at most four lines; prose wraps at 16em. Numbers and dates never wrap (by the stylesheet).
 */
export function columnWidth(table: TableData, i: number): number {
  const col = table.columns[i]!;
  if (col.numeric) return 0;
  let widest = 0;
  for (const row of table.rows) {
    const c = row.cells[i];
    if (!c || c.numeric) continue;
    // Alerts and 未见完成公告 after a date sit on a line of their own in a cell (the stylesheet's `td .overdue, td .un`).
    let w = 0;
    for (const p of c.parts) {
      if (p.alert || p.className === 'un') {
        widest = Math.max(widest, w);
        w = 0;
      }
      w += textEm(p.text.trim()) + (isBadge(p.className) ? 1 : 0);
    }
    if (w > widest) widest = w;
  }
  const min = col.prose ? Math.min(widest, PROSE) : Math.min(widest, Math.max(8, widest / 4), CAP);
  return Math.ceil(min);
}

/** Column positions (1-based, as the stylesheet's nth-child rules count) that fold away on a phone. */
export function foldedColumns(table: TableData): number[] {
  if (!table.columns.some((c) => c.phone)) return [];
  const out: number[] = [];
  table.columns.forEach((c, i) => {
    if (!c.phone) out.push(i + 1);
  });
  return out;
}

/**
 * A table as HTML, in a scroll container keyboard users can reach, whose edges shade while more
 * of the table lies beyond them. Written as a string rather than as markup in a component: a
 * national build renders millions of cells, and a component per cell cost more than the rest of
 * the page. Everything from data goes through `escapeHtml`.
 *
 * Each column's header carries the width it is never squeezed below (`w<n>`, `columnWidth`).
 * Columns not marked `phone` fold away on a phone (the table's `h<n>` classes) behind a checkbox
 * that shows them all — no script: the stylesheet reads the checkbox.
 *
 * The markup is as short as HTML allows, since the tables are most of a national site's bytes:
 * the end tags HTML makes optional (th, td, tr, thead, tbody) are left out, attributes are
 * unquoted where they can be, header cells in the head are column headers without saying so, and
 * numeric columns are right-aligned by the table's `n<k>` classes rather than a class on every
 * cell (except in tables with merged cells, where a cell's position is not its column).
 */
export function tableHtml(table: TableData): string {
  const caption = escapeHtml(table.caption);
  const merged = table.rows.some((r) => r.header === false || r.cells.some((c) => c.rowspan));
  const byColumn = !merged;
  const head = table.columns.map((c, i) => {
    const w = columnWidth(table, i);
    const cls = [c.numeric && !byColumn ? 'num' : '', w > 1 ? `w${w}` : '', c.prose ? 'p' : ''].filter(Boolean).join(' ');
    const label = c.href ? `<a${htmlAttr('href', c.href)}>${escapeHtml(c.label)}</a>` : escapeHtml(c.label);
    return `<th${cls ? htmlAttr('class', cls) : ''}>${label}`;
  }).join('');
  const headerAt = table.rowHeader ?? 0;
  const rows = table.rows.map((row) => {
    const data = Object.entries(row.data ?? {}).map(([k, v]) => htmlAttr(`data-${k}`, v)).join('');
    const cells = row.cells.map((c, i) => {
      const th = i === headerAt && row.header !== false;
      const numeric = c.numeric && !(byColumn && table.columns[i]?.numeric);
      const attrs = `${th ? ' scope=row' : ''}${numeric ? ' class=num' : ''}${c.rowspan ? ` rowspan=${c.rowspan}` : ''}`;
      return `<${th ? 'th' : 'td'}${attrs}>${partsHtml(c.parts)}`;
    });
    return `<tr${data}>${cells.join('')}`;
  });
  const folded = foldedColumns(table);
  if (folded.length > 0 && merged) {
    throw new Error(`table "${table.caption}": columns cannot fold away in a table with merged cells`);
  }
  const classes = [
    ...folded.map((n) => `h${n}`),
    ...(byColumn ? table.columns.flatMap((c, i) => (c.numeric ? [`n${i + 1}`] : [])) : []),
  ];
  const id = table.id ? htmlAttr('id', table.id) : '';
  const cls = classes.length > 0 ? htmlAttr('class', classes.join(' ')) : '';
  // Ten columns or more print on a landscape page.
  const wrap = `<div${htmlAttr('class', table.columns.length >= 10 ? 'tw l' : 'tw')} role=region aria-label="${caption}" tabindex=0><table${id}${cls}><caption>${caption}</caption><thead><tr>${head}<tbody>${rows.join('')}</table></div>`;
  return folded.length > 0 ? `<div class=tt><label class=all><input type=checkbox> ${escapeHtml(t.table.showAll(table.columns.length, folded.length))}</label>${wrap}</div>` : wrap;
}
