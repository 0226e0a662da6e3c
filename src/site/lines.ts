/**
 * Lines as pages show them, from the published line schema (src/schema/published-line.ts): a
 * region's or an industry's lines table, and the facts of one line on its enterprise page. The
 * columns and their order come from the schema; this file only says how each kind of value reads.
 */
import type { LineState, Model } from '../derive/model.ts';
import { publishLine } from '../derive/published-line.ts';
import { formatDate, formatQuantity } from '../i18n/format.ts';
import { t } from '../i18n/zh-CN.ts';
import { shownColumns, type PublishedColumn, type PublishedColumnMeta, type PublishedLine } from '../schema/published-line.ts';
import { cell, statusClass, type Cell, type Part, type TableData } from './table.ts';
import { GLOSSARY } from './glossary.ts';

/** How one published value reads, as runs of text. */
export function valueParts(p: PublishedLine, name: PublishedColumn, meta: PublishedColumnMeta): Part[] {
  const v = p[name];
  switch (meta.display) {
    case 'enterprise':
      return [{ text: p.enterprise_name, href: `/enterprises/${p.enterprise_key}/` }];
    case 'equipment':
      return [{ text: `${p.equipment ?? t.line.equipmentUnknown}${(p.equipment_count ?? 1) > 1 ? ` ×${p.equipment_count}` : ''}` }];
    case 'quantity':
      return [{ text: formatQuantity(p.capacity, p.capacity_unit) }];
    case 'date':
      return typeof v === 'string' ? [{ text: formatDate(v), datetime: v }] : [];
    case 'deadline':
      return typeof v === 'string' ? [{ text: formatDate(v), datetime: v }, ...deadlineMark(p)] : [];
    case 'status':
      return [{ text: p.status_label, className: statusClass(p.status) }];
    case 'yes-no':
      return typeof v === 'boolean' ? [{ text: v ? t.yes : t.no }] : [];
    default:
      return v === undefined || v === '' ? [] : [{ text: String(v) }];
  }
}

/** 逾期 (alerted) or 未见完成公告 after a deadline that has passed (src/derive/deadline.ts). */
export function deadlineMark(p: Pick<PublishedLine, 'overdue' | 'unreported'>): Part[] {
  if (p.overdue) return [{ text: ` ${t.line.overdue}`, alert: true }];
  if (p.unreported) return [{ text: ` ${t.line.unreported}`, className: 'un' }];
  return [];
}

/** The glossary entry a column's header links to, by how the column shows. */
const HEADER_LINK: Partial<Record<NonNullable<PublishedColumnMeta['display']>, string>> = { status: GLOSSARY.status, deadline: GLOSSARY.overdue };

type TableColumn = 'enterprise_name' | 'region_name';

/** A table of lines, one row each, with the columns the schema shows in tables. */
export function linesTable(model: Model, lines: readonly LineState[], opts: { caption: string; id?: string; without?: readonly TableColumn[] }): TableData {
  const columns = shownColumns('table').filter((c) => !opts.without?.includes(c.name as TableColumn));
  return {
    caption: opts.caption,
    id: opts.id,
    columns: columns.map((c) => ({ label: c.zh, numeric: c.meta.display === 'quantity', phone: c.meta.phone, href: c.meta.display && HEADER_LINK[c.meta.display] })),
    rows: lines.map((l) => {
      const p = publishLine(model, l);
      return {
        cells: columns.map((c): Cell => ({ ...cell(...valueParts(p, c.name, c.meta)), numeric: c.meta.display === 'quantity' })),
        data: { status: l.status, ...(l.overdue && { overdue: '1' }), ...(l.unreported && { unreported: '1' }) },
      };
    }),
  };
}

/** The facts of a line on its enterprise page: label and value, in schema order, blanks left out. */
export function lineDetails(model: Model, line: LineState): { label: string; parts: Part[] }[] {
  const p = publishLine(model, line);
  return shownColumns('detail').map((c) => ({ label: c.zh, parts: valueParts(p, c.name, c.meta) })).filter((d) => d.parts.some((x) => x.text !== ''));
}
