import { z } from 'zod';
import { column } from './column.ts';

/** One row of a `target` (目标任务) table: a region's target for one industry. */
export const TargetRowSchema = z.object({
  region_code: column(z.string().regex(/^\d{6}$/), {
    zh: '行政区划代码', type: 'region', required: true, doc: '目标下达到的地区，须在本公告地区之内（全国为000000）', phone: true,
  }),
  industry: column(z.string(), { zh: '行业', type: 'industry', required: true, doc: '行业名称或代码', phone: true }),
  capacity: column(z.number().nonnegative().optional(), { zh: '产能', type: 'decimal', doc: '目标淘汰产能，只填数字', phone: true }),
  capacity_unit: column(z.string().optional(), { zh: '产能单位', type: 'unit', doc: '该行业允许的单位；填了产能就必须填', phone: true }),
  count: column(z.number().int().nonnegative().optional(), { zh: '数量（处/台）', type: 'integer', doc: '目标数量，如关闭小煤矿的处数' }),
  note: column(z.string().max(500).optional(), { zh: '备注', type: 'text', max: 500, doc: '备注，500字以内', prose: true }),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;
