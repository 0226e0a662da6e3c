import { z } from 'zod';
import { column, ISO_DATE, ISO_MONTH, labelOf } from './column.ts';

/** Status of a line; it moves one way: planned → shutdown → sealed | dismantled → accepted. */
export const LINE_STATUSES = ['planned', 'shutdown', 'sealed', 'dismantled', 'accepted', 'incomplete'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** Order of statuses along the one-way path; `incomplete` is a verdict, not a step (see rules). */
export const STATUS_RANK: Readonly<Record<LineStatus, number>> = {
  planned: 0,
  incomplete: 0,
  shutdown: 1,
  sealed: 2,
  dismantled: 3,
  accepted: 4,
};

const date = () => z.string().regex(ISO_DATE);
const decimal = () => z.number().nonnegative();

/**
 * One row of a `plan` (计划淘汰名单) or `completion` (完成名单) table: one line — a piece of
 * equipment or a production line — that is to be or has been eliminated.
 */
export const LineRowSchema = z.object({
  line_id: column(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), {
    zh: '清单编号', type: 'code', required: true,
    doc: '本条设备/生产线的编号，1–40位字母、数字、“-”或“_”；同一条线在以后各年的公告中保持同一编号',
  }),
  enterprise_name: column(z.string().min(1).max(100), {
    zh: '企业名称', type: 'text', required: true, max: 100, doc: '企业全称，按营业执照填写', phone: true,
  }),
  credit_code: column(z.string().length(18).optional(), {
    zh: '统一社会信用代码', type: 'credit-code', doc: '18位统一社会信用代码；不知道就留空，不要编造',
  }),
  region_code: column(z.string().regex(/^\d{6}$/), {
    zh: '行政区划代码', type: 'region', required: true, doc: '企业所在地的6位行政区划代码，须在本公告地区之内',
  }),
  industry: column(z.string(), { zh: '行业', type: 'industry', required: true, doc: '行业名称或代码，如 水泥、电石、炼铁' }),
  equipment: column(z.string().max(200).optional(), {
    zh: '设备名称及型号', type: 'text', max: 200, doc: '按原文填写，如 Φ3×11m机立窑生产线、128m³高炉',
  }),
  equipment_count: column(z.number().int().min(1).optional(), {
    zh: '数量', type: 'integer', doc: '设备台（条、座、处）数，不填按1计',
  }),
  capacity: column(decimal().optional(), { zh: '产能', type: 'decimal', doc: '淘汰产能，只填数字，单位填在“产能单位”' }),
  capacity_unit: column(z.string().optional(), {
    zh: '产能单位', type: 'unit', doc: '该行业允许的单位，如 万吨、万千瓦、万重量箱；填了产能就必须填',
  }),
  deadline: column(z.string().regex(new RegExp(`${ISO_DATE.source}|${ISO_MONTH.source}`)).optional(), {
    zh: '淘汰时限', type: 'date-or-month', required: ['plan'], doc: '计划淘汰的期限，YYYY-MM-DD 或 YYYY-MM', phone: true,
  }),
  status: column(z.enum(LINE_STATUSES), {
    zh: '状态', type: 'enum', required: true, phone: true,
    labels: { planned: '计划淘汰', shutdown: '已关停', sealed: '已封存', dismantled: '已拆除', accepted: '已验收', incomplete: '未完成' },
    aliases: { 拟淘汰: 'planned', 列入计划: 'planned', 关停: 'shutdown', 停产: 'shutdown', 已停产: 'shutdown', 封存: 'sealed', 拆除: 'dismantled', 验收: 'accepted', 已淘汰: 'dismantled' },
    doc: '本公告发布时该线的状态',
  }),
  shutdown_date: column(date().optional(), { zh: '关停时间', type: 'date', doc: '停产/关停日期 YYYY-MM-DD' }),
  sealed_date: column(date().optional(), { zh: '封存时间', type: 'date', doc: '断水断电、拆除动力装置并封存的日期；状态为“已封存”时应填' }),
  dismantled_date: column(date().optional(), { zh: '拆除时间', type: 'date', doc: '主体设备拆除日期；状态为“已拆除”“已验收”时应填（已填封存时间的除外）' }),
  accepted_date: column(date().optional(), { zh: '验收时间', type: 'date', doc: '验收日期；状态为“已验收”时应填' }),
  employees: column(z.number().int().nonnegative().optional(), { zh: '涉及职工人数', type: 'integer', unit: '人', doc: '涉及职工人数' }),
  employees_resettled: column(z.number().int().nonnegative().optional(), {
    zh: '已安置职工人数', type: 'integer', unit: '人', doc: '已安置职工人数，不能超过涉及职工人数',
  }),
  fixed_assets: column(z.number().optional(), { zh: '固定资产净值（万元）', type: 'decimal', unit: '万元', doc: '固定资产净值，单位万元' }),
  central_reward: column(z.number().optional(), { zh: '中央财政奖励资金（万元）', type: 'decimal', unit: '万元', doc: '中央财政奖励资金，单位万元' }),
  provincial_compensation: column(z.number().optional(), { zh: '省级补偿资金（万元）', type: 'decimal', unit: '万元', doc: '省级补偿资金，单位万元' }),
  energy_saved_tce: column(z.number().optional(), { zh: '节能量（吨标煤）', type: 'decimal', unit: '吨标煤', doc: '节能量，单位吨标准煤' }),
  equipment_destination: column(z.string().max(200).optional(), { zh: '设备去向', type: 'text', max: 200, doc: '拆除设备的去向，如 已作废钢回收' }),
  can_resume: column(z.boolean().optional(), { zh: '能否恢复生产', type: 'yes-no', doc: '是/否；已验收的线不能为“是”' }),
  stock_code: column(z.string().regex(/^\d{6}$/).optional(), { zh: '股票代码', type: 'stock-code', doc: '上市公司6位股票代码' }),
  note: column(z.string().max(500).optional(), { zh: '备注', type: 'text', max: 500, doc: '备注，500字以内', prose: true }),
});
export type LineRow = z.infer<typeof LineRowSchema>;

/** Chinese label of a line status (计划淘汰, 已关停 …), from the `status` column's metadata. */
export const statusLabel = (s: string): string => labelOf(LineRowSchema.shape.status, s);
