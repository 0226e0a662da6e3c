import { z } from 'zod';

/**
 * A line as the site publishes it: its identity, its latest data in force and its derived state.
 * This schema is the one list of the published columns and their order: `lines.csv`, `lines.json`
 * and `lines.xlsx`, their Table Schema, a region's lines table and the facts of each line on an
 * enterprise page all read it. A new published column is a field here (with where it shows) and
 * its value in `publishLine` (src/derive/published-line.ts).
 */
export interface PublishedColumnMeta {
  /** Chinese header and label. */
  zh: string;
  /** What the column holds, for the Data Package and the guide. */
  doc: string;
  /** Where pages show it besides the downloads: a region's lines table, an enterprise page's line. */
  show?: readonly ('table' | 'detail')[];
  /** How a page shows it (text by default). */
  display?: 'enterprise' | 'equipment' | 'quantity' | 'date' | 'deadline' | 'status' | 'yes-no';
}

export const publishedColumns = z.registry<PublishedColumnMeta>();

const col = <T extends z.ZodType>(schema: T, meta: PublishedColumnMeta): T => {
  publishedColumns.add(schema, meta);
  return schema;
};
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const PublishedLineSchema = z.object({
  line_key: col(z.string(), { zh: '线的唯一键', doc: '省级代码前两位与清单编号，如 42:XA-001；同一条线在各公告中不变' }),
  line_id: col(z.string(), { zh: '清单编号', doc: '发布机关给这条线的编号', show: ['detail'] }),
  enterprise_key: col(z.string(), { zh: '企业页面的键', doc: '统一社会信用代码；没有代码的，为地区代码与名称散列' }),
  enterprise_name: col(z.string(), { zh: '企业名称', doc: '最近一条有效公告中的企业名称', show: ['table'], display: 'enterprise' }),
  credit_code: col(z.string().optional(), { zh: '统一社会信用代码', doc: '18位统一社会信用代码；名单未给出的为空' }),
  region_code: col(z.string(), { zh: '行政区划代码', doc: '企业所在地的6位行政区划代码' }),
  region_name: col(z.string(), { zh: '地区', doc: '企业所在地的名称', show: ['table'] }),
  industry: col(z.string(), { zh: '行业代码', doc: '行业分类的代码' }),
  industry_name: col(z.string(), { zh: '行业', doc: '行业名称', show: ['table', 'detail'] }),
  equipment: col(z.string().optional(), { zh: '设备名称及型号', doc: '按公告原文', show: ['table'], display: 'equipment' }),
  equipment_count: col(z.number().int().min(1), { zh: '数量', doc: '设备台（条、座、处）数' }),
  capacity: col(z.number().optional(), { zh: '产能', doc: '淘汰产能，单位见“产能单位”', show: ['table', 'detail'], display: 'quantity' }),
  capacity_unit: col(z.string().optional(), { zh: '产能单位', doc: '产能的单位，如 万吨' }),
  deadline: col(z.string().optional(), { zh: '淘汰时限', doc: 'YYYY-MM-DD 或 YYYY-MM', show: ['table', 'detail'], display: 'deadline' }),
  status: col(z.string(), { zh: '状态', doc: '当前状态：planned、shutdown、sealed、dismantled、accepted、incomplete', show: ['table'], display: 'status' }),
  status_label: col(z.string(), { zh: '状态（中文）', doc: '当前状态的中文名称' }),
  overdue: col(z.boolean(), { zh: '是否逾期', doc: '截至数据日期，淘汰时限已过而未完成（封存、拆除或验收）' }),
  plan_year: col(z.number().int().optional(), { zh: '列入计划年度', doc: '首次列入计划的年度' }),
  completed_year: col(z.number().int().optional(), { zh: '完成年度', doc: '首次报告完成的年度' }),
  equipment_destination: col(z.string().optional(), { zh: '设备去向', doc: '拆除设备的去向', show: ['detail'] }),
  can_resume: col(z.boolean().optional(), { zh: '能否恢复生产', doc: '最近一条公告所说', show: ['detail'], display: 'yes-no' }),
  first_published: col(z.string().regex(ISO), { zh: '首次公布', doc: '首次出现在公告中的日期', show: ['detail'], display: 'date' }),
  last_changed: col(z.string().regex(ISO), { zh: '最近变更', doc: '最近一条有效公告的发布日期', show: ['detail'], display: 'date' }),
  announcements: col(z.string(), { zh: '相关公告', doc: '提到本线的公告编号，以分号分隔，按发布先后' }),
  example: col(z.boolean(), { zh: '是否示例数据', doc: '来自标为示例的公告' }),
});
export type PublishedLine = z.infer<typeof PublishedLineSchema>;
export type PublishedColumn = keyof PublishedLine;

/** The published columns in order, with their metadata. */
export function publishedColumnList(): readonly { name: PublishedColumn; meta: PublishedColumnMeta; schema: z.ZodType }[] {
  return (Object.entries(PublishedLineSchema.shape) as [PublishedColumn, z.ZodType][]).map(([name, schema]) => ({ name, meta: publishedColumns.get(schema)!, schema }));
}

/** The columns a page shows in a place, in order. */
export const shownColumns = (where: 'table' | 'detail') => publishedColumnList().filter((c) => c.meta.show?.includes(where));
