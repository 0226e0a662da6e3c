/**
 * The one example row of each kind's template (templates/<kind>.csv), written as an office would
 * write it: Chinese labels for statuses and grades, 是/否, dates as YYYY-MM-DD. Keys are
 * canonical column names; a column not listed is left blank. The enterprises are invented: the
 * row's note says so and asks for it to be deleted.
 */
import type { Kind } from '../schema/announcement.ts';

const NOTE = '示例行，填写时请删除';

/** The same line in its plan and in its completion. */
const LINE = {
  line_id: 'XA-2026-001',
  enterprise_name: '咸宁市示例建材有限公司',
  credit_code: '91421202MA4E7K2N0U',
  region_code: '421202',
  industry: '水泥',
  equipment: 'Φ3×11m机立窑生产线',
  equipment_count: '1',
  capacity: '8.8',
  capacity_unit: '万吨',
  deadline: '2026-12-31',
} as const;

export const EXAMPLE_ROWS: Readonly<Record<Kind, Readonly<Record<string, string>>>> = {
  plan: {
    ...LINE,
    status: '计划淘汰',
    employees: '120',
    fixed_assets: '350.5',
    note: NOTE,
  },
  completion: {
    ...LINE,
    status: '已验收',
    shutdown_date: '2026-03-15',
    dismantled_date: '2026-06-30',
    accepted_date: '2026-09-20',
    employees: '120',
    employees_resettled: '120',
    fixed_assets: '350.5',
    central_reward: '80',
    provincial_compensation: '20',
    energy_saved_tce: '12000',
    equipment_destination: '已作废钢回收',
    can_resume: '否',
    note: NOTE,
  },
  target: {
    region_code: '421202',
    industry: '水泥',
    capacity: '8.8',
    capacity_unit: '万吨',
    count: '1',
    note: NOTE,
  },
  assessment: {
    region_code: '421202',
    target_completed: '是',
    target_score: '60',
    policy_score: '35',
    bonus: '5',
    total: '100',
    grade: '优秀',
    note: NOTE,
  },
  cards: {
    card_id: 'HP-2026-001',
    enterprise_name: '咸宁市示例建材有限公司',
    credit_code: '91421202MA4E7K2N0U',
    region_code: '421202',
    industry: '水泥',
    card: '黄牌',
    dimension: '能耗',
    issued_date: '2026-03-01',
    deadline: '2026-09-01',
    note: NOTE,
  },
};

/** The region and year the example rows belong to (for the .md that goes with a template). */
export const EXAMPLE_REGION = '421202';
export const EXAMPLE_YEAR = 2026;
