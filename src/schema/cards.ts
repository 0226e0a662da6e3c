import { z } from 'zod';
import { column, ISO_DATE } from './column.ts';

/** One row of a `cards` (红黄牌) table: one yellow or red card issued to an enterprise. */
export const CardRowSchema = z.object({
  card_id: column(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), { zh: '编号', type: 'code', required: true, doc: '牌的编号，表内唯一' }),
  enterprise_name: column(z.string().min(1).max(100), { zh: '企业名称', type: 'text', required: true, max: 100, doc: '企业全称', phone: true }),
  credit_code: column(z.string().length(18).optional(), { zh: '统一社会信用代码', type: 'credit-code', doc: '18位统一社会信用代码' }),
  region_code: column(z.string().regex(/^\d{6}$/), { zh: '行政区划代码', type: 'region', required: true, doc: '企业所在地' }),
  industry: column(z.string(), { zh: '行业', type: 'industry', required: true, doc: '行业名称或代码' }),
  card: column(z.enum(['yellow', 'red']), { zh: '牌色', type: 'enum', required: true, phone: true, labels: { yellow: '黄牌', red: '红牌' }, doc: '黄牌：限期整改；红牌：整改后仍不达标，依法关停' }),
  dimension: column(z.enum(['energy', 'environment', 'quality', 'safety', 'technology']), {
    zh: '类别', type: 'enum', required: true,
    labels: { energy: '能耗', environment: '环保', quality: '质量', safety: '安全', technology: '技术' },
    doc: '不达标的类别',
  }),
  issued_date: column(z.string().regex(ISO_DATE).optional(), { zh: '发布时间', type: 'date', doc: '发牌日期' }),
  deadline: column(z.string().regex(ISO_DATE).optional(), { zh: '整改期限', type: 'date', doc: '整改期限；黄牌必填' }),
  resolved_date: column(z.string().regex(ISO_DATE).optional(), { zh: '整改完成时间', type: 'date', doc: '整改完成日期' }),
  outcome: column(z.string().max(200).optional(), { zh: '处理结果', type: 'text', max: 200, doc: '处理结果', prose: true }),
  note: column(z.string().max(500).optional(), { zh: '备注', type: 'text', max: 500, doc: '备注，500字以内', prose: true }),
});
export type CardRow = z.infer<typeof CardRowSchema>;
