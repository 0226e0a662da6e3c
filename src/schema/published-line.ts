import { z } from 'zod';
import { columns, type ColumnMeta } from './column.ts';
import { LineRowSchema } from './line.ts';

/**
 * A line as the site publishes it: its identity, its latest data in force and its derived state.
 * This schema is the one list of the published columns and their order: `lines.csv`,
 * `lines-zh.csv` and `lines.xlsx` and their Table Schema (src/output/tables.ts), a
 * region's lines table and the facts of each line on an enterprise page (src/site/lines.ts) all
 * read it. A column offices write is the same zod schema as in their table (src/schema/line.ts),
 * so its Chinese header, type, constraints and description come with it. A new published column
 * is a field here (with where it shows) and its value in `publishLine` (src/derive/published-line.ts).
 */
export interface PublishedColumnMeta {
  /** Chinese header and label; an office column has its own (src/schema/line.ts). */
  zh?: string;
  /** What the column holds; an office column has its own. */
  doc?: string;
  /** Where pages show it besides the downloads: a region's lines table, an enterprise page's line. */
  show?: readonly ('table' | 'detail')[];
  /**
   * Kept in view on a phone: the other columns of a page's table fold away there until the reader
   * asks for every column (src/site/table.ts).
   */
  phone?: boolean;
  /** How a page shows it (text by default). */
  display?: 'enterprise' | 'equipment' | 'quantity' | 'date' | 'deadline' | 'status' | 'yes-no';
  /** An identifier or a date: a workbook keeps every character as text. */
  text?: boolean;
  /** The table's key: present and unique on every row. */
  key?: boolean;
  /**
   * For programs only: a key or code whose name or label is another column. lines.csv has it; the
   * copies for people (lines-zh.csv, lines.xlsx) leave it out.
   */
  machine?: boolean;
}

export const publishedColumns = z.registry<PublishedColumnMeta>();

const col = <T extends z.ZodType>(schema: T, meta: PublishedColumnMeta): T => {
  publishedColumns.add(schema, meta);
  return schema;
};
/** Office columns are published as offices wrote them in the line's latest row in force. */
const L = LineRowSchema.shape;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const PublishedLineSchema = z.object({
  line_key: col(z.string(), { zh: '线的唯一键', doc: '全国唯一：省级代码前两位、冒号、清单编号，如 42:XA-002；同一条线在各年公告中不变', text: true, key: true, machine: true }),
  line_id: col(L.line_id, { show: ['detail'] }),
  enterprise_key: col(z.string(), { zh: '企业键', doc: '企业页面的键：统一社会信用代码，或地区代码加企业名称的散列', text: true, machine: true }),
  enterprise_name: col(L.enterprise_name, { show: ['table'], display: 'enterprise', phone: true }),
  credit_code: col(L.credit_code, {}),
  region_code: col(L.region_code, {}),
  region_name: col(z.string(), { zh: '地区', doc: '企业所在地的名称', show: ['table'] }),
  industry: col(L.industry, { zh: '行业代码', doc: '行业分类的代码（见行业页面）', machine: true }),
  industry_name: col(z.string(), { zh: '行业', doc: '行业的中文名称', show: ['table', 'detail'] }),
  equipment: col(L.equipment, { show: ['table'], display: 'equipment' }),
  equipment_count: col(L.equipment_count, { doc: '设备台（条、座、处）数；公告未填的按1计' }),
  capacity: col(L.capacity, { show: ['table', 'detail'], display: 'quantity' }),
  capacity_unit: col(L.capacity_unit, {}),
  deadline: col(L.deadline, { show: ['table', 'detail'], display: 'deadline', phone: true }),
  status: col(L.status, { doc: '截至数据日期的状态（最近一份有效公告所列）', show: ['table'], display: 'status', phone: true, machine: true }),
  status_label: col(z.string(), { zh: '状态（中文）', doc: '当前状态的中文名称' }),
  overdue: col(z.boolean(), { zh: '是否逾期', doc: '截至数据日期已过淘汰时限而未完成（封存、拆除或验收），且本地区（或上级地区）已发布该年度或以后年度的完成公告' }),
  unreported: col(z.boolean(), { zh: '是否未见完成公告', doc: '截至数据日期已过淘汰时限而未完成，但本地区及上级地区都没有该年度或以后年度的完成公告，无从判断是否逾期' }),
  plan_year: col(z.number().int().optional(), { zh: '首次列入计划的年度', doc: '最早列入本线的计划名单的年度' }),
  completed_year: col(z.number().int().optional(), { zh: '首次报告完成的年度', doc: '首次报告本线已封存、拆除或验收的公告的年度' }),
  equipment_destination: col(L.equipment_destination, { show: ['detail'] }),
  can_resume: col(L.can_resume, { show: ['detail'], display: 'yes-no' }),
  // Not among a line's details on its page: its record there dates every announcement, the first and the last.
  first_published: col(z.string().regex(ISO), { zh: '首次公布日期', doc: '首次提到本线的公告的发布日期', display: 'date', text: true }),
  last_changed: col(z.string().regex(ISO), { zh: '最近变更日期', doc: '决定当前状态的公告的发布日期', display: 'date', text: true }),
  latest_announcement: col(z.string(), { zh: '当前状态所据公告', doc: '决定当前状态的公告的编号', text: true }),
  announcements: col(z.string(), { zh: '提到本线的公告', doc: '提到本线的全部公告编号，按发布先后，以分号分隔', machine: true }),
  example: col(z.boolean(), { zh: '是否示例数据', doc: '来自标为示例（example: true）的公告' }),
});
export type PublishedLine = z.infer<typeof PublishedLineSchema>;
export type PublishedColumn = keyof PublishedLine;

export interface PublishedColumnInfo {
  name: PublishedColumn;
  schema: z.ZodType;
  /** Chinese header: the published one, else the office column's. */
  zh: string;
  doc: string;
  meta: PublishedColumnMeta;
  /** For a column offices write: its metadata in their table. */
  office?: ColumnMeta | undefined;
}

let list: readonly PublishedColumnInfo[] | undefined;
/** The published columns in order, with their metadata. */
export function publishedColumnList(): readonly PublishedColumnInfo[] {
  list ??= (Object.entries(PublishedLineSchema.shape) as [PublishedColumn, z.ZodType][]).map(([name, schema]) => {
    if (!publishedColumns.has(schema)) throw new Error(`published column ${name} is not registered: wrap it in col()`);
    // zod returns no metadata for an empty object: an office column published as it is.
    const meta = publishedColumns.get(schema) ?? {};
    const own = columns.get(schema);
    const zh = meta.zh ?? own?.zh;
    const doc = meta.doc ?? own?.doc;
    if (!zh || !doc) throw new Error(`published column ${name} has no Chinese name or description`);
    return { name, schema, zh, doc, meta, office: own };
  });
  return list;
}

/** The columns a page shows in a place, in order. */
export const shownColumns = (where: 'table' | 'detail') => publishedColumnList().filter((c) => c.meta.show?.includes(where));
