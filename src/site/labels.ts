import { columnsOf, type ColumnMeta } from '../schema/column.ts';
import { KIND_LABELS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { t } from '../i18n/zh-CN.ts';
import type { Model } from '../derive/model.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';

/** Column metadata of a kind's table, by canonical name. */
export function columnMeta(kind: Kind): Map<string, ColumnMeta> {
  return new Map(columnsOf(TABLE_SCHEMAS[kind]).map((c) => [c.name, c.meta]));
}

export const kindLabel = (k: Kind) => KIND_LABELS[k];

export function regionName(model: Model, code: string): string {
  return model.regions.get(code)?.name ?? code;
}

/** How a cell reads on a page: labels for enums, names for codes, Chinese dates. */
export function displayCell(model: Model, meta: ColumnMeta | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (!meta) return String(value);
  switch (meta.type) {
    case 'enum':
      return meta.labels?.[String(value)] ?? String(value);
    case 'industry':
      return model.taxonomy.get(String(value))?.name ?? String(value);
    case 'region':
      return `${regionName(model, String(value))}`;
    case 'date':
    case 'date-or-month':
      return formatDate(String(value));
    case 'yes-no':
      return value ? t.yes : t.no;
    case 'integer':
    case 'decimal':
      return formatNumber(Number(value));
    default:
      return String(value);
  }
}

export const isNumeric = (meta: ColumnMeta | undefined) => meta?.type === 'integer' || meta?.type === 'decimal';

export { statusLabel } from '../schema/line.ts';

/** Breadcrumb chain for a region: 全国 → province → city → county. */
export function regionChain(model: Model, code: string) {
  return model.regions.chain(code);
}

/** The example mark's word (示例), in full-width or half-width brackets at the end of a title. */
const EXAMPLE_END = new RegExp(`[（(]${t.marks.example.slice(1, -1)}[）)]\\s*$`);

/** A title marked as example data, once: titles that already end in （示例） or (示例) keep their own mark. */
export function withExampleMark(title: string, example: boolean): string {
  return example && !EXAMPLE_END.test(title) ? `${title}${t.marks.example}` : title;
}
