import type { Problem } from '../../schema/problem.ts';
import { gradeFor, gradeLabel } from '../../schema/assessment.ts';
import { LineRowSchema, statusLabel, type LineRow } from '../../schema/line.ts';
import type { AssessmentRow } from '../../schema/assessment.ts';
import { CardRowSchema, type CardRow } from '../../schema/cards.ts';
import type { TargetRow } from '../../schema/target.ts';
import type { AnnouncementMeta } from '../../schema/announcement.ts';
import { columnsOf } from '../../schema/column.ts';
import { problem } from '../../problems/catalogue.ts';
import type { Taxonomy } from '../../reference/industries.ts';
import type { RegionTable } from '../../reference/regions.ts';
import type { Row } from '../table.ts';

/**
 * Rules inside one announcement's table: between cells of a row (dates in order, resettled ≤
 * employees, units of the industry …) and between rows (unique ids and keys).
 */
export interface RowContext {
  file: string;
  meta: Pick<AnnouncementMeta, 'kind' | 'region' | 'published'>;
  taxonomy: Taxonomy;
  regions: RegionTable;
  /** The file's header names some column in English: messages name columns in both languages (1), else in Chinese. */
  english?: 1 | undefined;
}

const zhOf = (table: Parameters<typeof columnsOf>[0]) => Object.fromEntries(columnsOf(table).map((c) => [c.name, c.meta.zh]));
const LINE_ZH = zhOf(LineRowSchema);
const CARD_ZH = zhOf(CardRowSchema);
const CARD_DATES = ['issued_date', 'deadline', 'resolved_date'] as const;

function regionRule(row: Row<{ region_code: string }>, ctx: RowContext, out: Problem[]) {
  const code = row.data.region_code;
  if (!ctx.regions.contains(ctx.meta.region, code)) {
    out.push(problem('region-outside', { file: ctx.file, line: row.line, column: 'region_code' }, {
      value: code, name: ctx.regions.get(code)?.name ?? code, parent: ctx.meta.region, parentName: ctx.regions.get(ctx.meta.region)?.name ?? ctx.meta.region,
    }));
  }
}

function unitRule(row: Row<{ industry: string; capacity?: number | undefined; capacity_unit?: string | undefined }>, ctx: RowContext, out: Problem[]) {
  const industry = ctx.taxonomy.get(row.data.industry);
  if (!industry) return;
  const where = { file: ctx.file, line: row.line, column: 'capacity_unit' };
  if (row.data.capacity_unit !== undefined && !industry.units.includes(row.data.capacity_unit)) {
    out.push(problem('bad-unit', where, { value: row.data.capacity_unit, industry: industry.name, allowed: industry.units.join('、') }));
  } else if (row.data.capacity !== undefined && row.data.capacity_unit === undefined) {
    out.push(problem('missing-unit', where, { allowed: industry.units.join('、') }));
  }
}

function uniqueRule<T>(rows: readonly Row<T>[], keyOf: (r: T) => string, column: string, zh: string, ctx: RowContext, out: Problem[]) {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.data);
    const prev = first.get(key);
    if (prev !== undefined) out.push(problem('duplicate-row', { file: ctx.file, line: row.line, column }, { zh, value: key, other: prev }));
    else first.set(key, row.line);
  }
}

/** Dates that never go backwards: shutdown ≤ sealed/dismantled ≤ accepted. */
const DATE_ORDER: readonly (readonly [keyof LineRow, keyof LineRow])[] = [
  ['shutdown_date', 'sealed_date'], ['shutdown_date', 'dismantled_date'], ['shutdown_date', 'accepted_date'],
  ['sealed_date', 'accepted_date'], ['dismantled_date', 'accepted_date'],
];
const LINE_DATES = ['shutdown_date', 'sealed_date', 'dismantled_date', 'accepted_date'] as const;

const where = (file: string, line: number, column: string) => ({ file, line, column });

/** Any date before this (compared as text: 1999-12 and 1999-12-31 are before it, 2000-01 is not) is implausible. */
export const EARLIEST = '2000';

/** The publication date rules assume when the front matter gives none that reads: later than every date, so no row date is after it. */
export const UNKNOWN_PUBLISHED = '9999-12-31';

/** A date a line's status leads one to expect; blank ones are warnings (many real lists give none). */
function expectDate(row: Row<LineRow>, column: 'sealed_date' | 'dismantled_date' | 'accepted_date', file: string, out: Problem[], english: 1 | undefined) {
  if (row.data[column] === undefined) out.push(problem('missing-date', where(file, row.line, column), { status: statusLabel(row.data.status), zh: LINE_ZH[column], english }));
}

export function checkLineRows(rows: readonly Row<LineRow>[], ctx: RowContext): Problem[] {
  const out: Problem[] = [];
  const { file, meta } = ctx;
  uniqueRule(rows, (r) => r.line_id, 'line_id', '清单编号', ctx, out);
  for (const row of rows) {
    const d = row.data;
    const line = row.line;
    regionRule(row, ctx, out);
    unitRule(row, ctx, out);
    if (meta.kind === 'completion' && d.status === 'planned') out.push(problem('planned-in-completion', where(file, line, 'status'), { value: d.status }));
    if (meta.kind === 'plan' && d.deadline === undefined) out.push(problem('missing-deadline', where(file, line, 'deadline')));
    if (d.equipment === undefined) out.push(problem('missing-equipment', where(file, line, 'equipment')));
    if (d.employees_resettled !== undefined && d.employees !== undefined && d.employees_resettled > d.employees) {
      out.push(problem('resettled-exceeds', where(file, line, 'employees_resettled'), { value: d.employees_resettled, employees: d.employees }));
    }
    if (d.status === 'accepted' && d.can_resume === true) out.push(problem('resume-after-acceptance', where(file, line, 'can_resume'), { value: '是' }));
    if (d.status === 'sealed') expectDate(row, 'sealed_date', file, out, ctx.english);
    if ((d.status === 'dismantled' || d.status === 'accepted') && d.sealed_date === undefined) expectDate(row, 'dismantled_date', file, out, ctx.english);
    if (d.status === 'accepted') expectDate(row, 'accepted_date', file, out, ctx.english);
    // Dates never go backwards: shutdown ≤ sealed/dismantled ≤ accepted; none after publication.
    for (let i = 0; i < DATE_ORDER.length; i++) {
      const [earlier, later] = DATE_ORDER[i]!;
      const e = d[earlier] as string | undefined;
      const l = d[later] as string | undefined;
      if (e !== undefined && l !== undefined && l < e) {
        out.push(problem('dates-backwards', where(file, line, later), { value: l, later: l, earlier: e, laterZh: LINE_ZH[later], earlierZh: LINE_ZH[earlier] }));
      }
    }
    for (let i = 0; i < LINE_DATES.length; i++) {
      const column = LINE_DATES[i]!;
      const v = d[column];
      if (v === undefined) continue;
      if (v > meta.published) out.push(problem('date-after-published', where(file, line, column), { value: v, zh: LINE_ZH[column], published: meta.published }));
      if (v < EARLIEST) out.push(problem('implausible-date', where(file, line, column), { value: v, zh: LINE_ZH[column] }));
    }
    const deadline = d.deadline;
    if (deadline !== undefined) {
      if (deadline < EARLIEST) out.push(problem('implausible-date', where(file, line, 'deadline'), { value: deadline, zh: LINE_ZH.deadline }));
      // A month ends after any day of it: 2025-04 is not before 2025-04-28.
      else if (meta.kind === 'plan' && meta.published !== UNKNOWN_PUBLISHED && deadline < (deadline.length === 7 ? meta.published.slice(0, 7) : meta.published)) {
        out.push(problem('deadline-before-published', where(file, line, 'deadline'), { value: deadline, published: meta.published }));
      }
    }
  }
  return out;
}

export function checkTargetRows(rows: readonly Row<TargetRow>[], ctx: RowContext): Problem[] {
  const out: Problem[] = [];
  uniqueRule(rows, (r) => `${r.region_code}/${r.industry}`, 'industry', '地区+行业', ctx, out);
  for (const row of rows) {
    regionRule(row, ctx, out);
    unitRule(row, ctx, out);
    if (row.data.capacity === undefined && row.data.count === undefined) {
      out.push(problem('missing-value', { file: ctx.file, line: row.line, column: 'capacity' }, { zh: '产能', about: '目标任务至少要填“产能”或“数量（处/台）”之一。' }));
    }
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function checkAssessmentRows(rows: readonly Row<AssessmentRow>[], ctx: RowContext): Problem[] {
  const out: Problem[] = [];
  uniqueRule(rows, (r) => r.region_code, 'region_code', '行政区划代码', ctx, out);
  for (const row of rows) {
    const d = row.data;
    const at = (column: string) => ({ file: ctx.file, line: row.line, column });
    regionRule(row, ctx, out);
    const bonus = d.bonus ?? 0;
    const sum = round2(d.target_score + d.policy_score + bonus);
    if (round2(d.total) !== sum) {
      out.push(problem('total-mismatch', at('total'), { value: d.total, target: d.target_score, policy: d.policy_score, bonus, sum }));
    }
    const expected = gradeFor(d.total, d.target_completed);
    if (d.grade !== expected) {
      out.push(problem('grade-mismatch', at('grade'), { value: gradeLabel(d.grade), total: d.total, veto: d.target_completed ? undefined : 1, expected: gradeLabel(expected) }));
    }
  }
  return out;
}

export function checkCardRows(rows: readonly Row<CardRow>[], ctx: RowContext): Problem[] {
  const out: Problem[] = [];
  uniqueRule(rows, (r) => r.card_id, 'card_id', '编号', ctx, out);
  for (const row of rows) {
    regionRule(row, ctx, out);
    for (const column of CARD_DATES) {
      const v = row.data[column];
      if (v !== undefined && v < EARLIEST) out.push(problem('implausible-date', { file: ctx.file, line: row.line, column }, { value: v, zh: CARD_ZH[column] }));
    }
    if (row.data.card === 'yellow' && row.data.deadline === undefined) {
      out.push(problem('yellow-needs-deadline', { file: ctx.file, line: row.line, column: 'deadline' }));
    }
  }
  return out;
}
