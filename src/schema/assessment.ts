import { z } from 'zod';
import { column, labelOf } from './column.ts';

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** Grade that a total earns (seed 000): ≥100 优秀, 80–99 良好, 60–79 合格, < 60 不合格. */
export function gradeFor(total: number, targetCompleted: boolean | undefined): Grade {
  if (targetCompleted === false) return 'fail'; // 否决项: not completing the target fails
  if (total >= 100) return 'excellent';
  if (total >= 80) return 'good';
  if (total >= 60) return 'pass';
  return 'fail';
}

/** One row of an `assessment` (考核结果) table: one assessed region's score. */
export const AssessmentRowSchema = z.object({
  region_code: column(z.string().regex(/^\d{6}$/), { zh: '行政区划代码', type: 'region', required: true, doc: '被考核地区', phone: true }),
  target_completed: column(z.boolean(), { zh: '目标任务是否完成', type: 'yes-no', required: true, doc: '是/否；“否”一票否决，等级为不合格', phone: true }),
  target_score: column(z.number().min(0).max(60), { zh: '目标任务得分', type: 'decimal', required: true, unit: '分', doc: '0–60分' }),
  policy_score: column(z.number().min(0).max(40), { zh: '政策措施得分', type: 'decimal', required: true, unit: '分', doc: '0–40分' }),
  bonus: column(z.number().min(0).max(10).optional(), { zh: '奖励加分', type: 'decimal', unit: '分', doc: '0–10分，不填按0计' }),
  total: column(z.number().min(0).max(110), { zh: '总分', type: 'decimal', required: true, unit: '分', doc: '三项之和', phone: true }),
  grade: column(z.enum(GRADES), {
    zh: '等级', type: 'enum', required: true, phone: true,
    labels: { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' },
    doc: '≥100 优秀，80–99 良好，60–79 合格，<60 不合格',
  }),
  note: column(z.string().max(500).optional(), { zh: '备注', type: 'text', max: 500, doc: '备注，500字以内', prose: true }),
});
export type AssessmentRow = z.infer<typeof AssessmentRowSchema>;

/** Chinese label of a grade (优秀 …), from the `grade` column's metadata. */
export const gradeLabel = (g: string): string => labelOf(AssessmentRowSchema.shape.grade, g);
