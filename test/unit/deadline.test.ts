/**
 * 逾期 or 未见完成公告 (src/derive/deadline.ts): the one rule, on a record built for it
 * (test/fixtures/valid/deadline-verdicts) and on the sample record, followed by the model's flags,
 * the progress counts, lines.csv, the watchlist of lines past their deadline and the pages' data.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionYearCovering, completionYears, deadlineEnd, deadlineVerdict } from '../../src/derive/deadline.ts';
import { publishLine } from '../../src/derive/published-line.ts';
import { linesTable, lineDetails } from '../../src/site/lines.ts';
import { enterprisePage } from '../../src/site/pages/enterprise.ts';
import { cellText } from '../../src/site/table.ts';
import { modelOf, SAMPLE_DATA } from '../support/models.ts';

const CASE = join(import.meta.dirname, '../fixtures/valid/deadline-verdicts/data');
const { model, record } = modelOf(CASE);
const line = (key: string) => model.lines.find((l) => l.key === key)!;
const verdict = (key: string) => (line(key).overdue ? 'overdue' : line(key).unreported ? 'unreported' : undefined);

describe('the rule', () => {
  it('a month deadline ends on the month’s last day', () => {
    expect(deadlineEnd('2024-02')).toBe('2024-02-29');
    expect(deadlineEnd('2025-12')).toBe('2025-12-31');
    expect(deadlineEnd('2025-06-15')).toBe('2025-06-15');
  });

  it('a line is only judged once its deadline’s last day is before the as-of date, and never when complete', () => {
    expect(deadlineVerdict({ deadline: '2025-08', complete: false, coveredUntil: 2025 }, '2025-08-31')).toBeUndefined();
    expect(deadlineVerdict({ deadline: '2025-08', complete: false, coveredUntil: 2025 }, '2025-09-01')).toBe('overdue');
    expect(deadlineVerdict({ deadline: '2025-08', complete: true, coveredUntil: 2025 }, '2026-01-01')).toBeUndefined();
    expect(deadlineVerdict({ deadline: undefined, complete: false, coveredUntil: 2025 }, '2026-01-01')).toBeUndefined();
  });

  it('overdue needs a completion announcement for the deadline’s year or later; otherwise 未见完成公告', () => {
    expect(deadlineVerdict({ deadline: '2025-08', complete: false, coveredUntil: 2024 }, '2026-01-01')).toBe('unreported');
    expect(deadlineVerdict({ deadline: '2025-08', complete: false, coveredUntil: undefined }, '2026-01-01')).toBe('unreported');
    expect(deadlineVerdict({ deadline: '2025-08', complete: false, coveredUntil: 2026 }, '2026-01-01')).toBe('overdue');
  });

  it('a completion announcement covers its own region and every region below it, not those above or beside it', () => {
    const years = completionYears(record.chronological, record.superseded);
    expect(Object.fromEntries(years)).toEqual({ '000000': 2012, '420000': 2014, '421202': 2024 });
    expect(completionYearCovering('421202', years, record.regions)).toBe(2024);
    expect(completionYearCovering('420100', years, record.regions)).toBe(2014);
    expect(completionYearCovering('421221', years, record.regions)).toBe(2014);
    expect(completionYearCovering('000000', years, record.regions)).toBe(2012);
    expect(completionYearCovering('370100', years, record.regions)).toBe(2012);
  });
});

describe('a record built for it', () => {
  it('gives each line the verdict the rule says', () => {
    expect(model.asOf).toBe('2025-10-01');
    // National list, deadline 2011, the national completion list of 2012 covers it.
    expect(verdict('00:N-001')).toBe('overdue');
    // National list, deadline 2013: no national completion list since; the record cannot say.
    expect(verdict('00:N-002')).toBe('unreported');
    // National list, a line in Wuhan, deadline 2013: Hubei’s completion list of 2014 covers it.
    expect(verdict('42:N-003')).toBe('overdue');
    // Reported complete: neither.
    expect(verdict('00:N-005')).toBeUndefined();
    // Xian’an, deadline 2024-06, Xian’an’s 2024 completion list does not report it complete.
    expect(verdict('42:XA-010')).toBe('overdue');
    expect(verdict('42:XA-011')).toBeUndefined();
    // Xian’an, deadline 2025-08: its latest completion list is for 2024.
    expect(verdict('42:XA-020')).toBe('unreported');
    // Deadlines still to come.
    expect(verdict('42:XA-021')).toBeUndefined();
    expect(verdict('42:XN-001')).toBeUndefined();
  });

  it('counts each kind apart: the nation’s progress, a province’s, and the watchlist of lines past their deadline lists only 逾期', () => {
    expect(model.progressByRegion.get('000000')).toMatchObject({ lines: 10, complete: 3, overdue: 3, unreported: 2 });
    expect(model.progressByRegion.get('421202')).toMatchObject({ overdue: 1, unreported: 1 });
    expect(model.watchlists.overdue.items.map((i) => i.key).sort()).toEqual(['00:N-001', '42:N-003', '42:XA-010']);
  });

  it('lines.csv says which is which', () => {
    expect(publishLine(model, line('00:N-002'))).toMatchObject({ overdue: false, unreported: true });
    expect(publishLine(model, line('00:N-001'))).toMatchObject({ overdue: true, unreported: false });
  });

  it('pages say 逾期 only of overdue lines, and 未见完成公告 of the others', () => {
    const table = linesTable(model, [line('00:N-001'), line('00:N-002'), line('42:XA-021')], { caption: 'x' });
    const deadlines = table.rows.map((r) => cellText(r.cells[table.columns.findIndex((c) => c.label === '淘汰时限')]!));
    expect(deadlines).toEqual(['2011年12月 逾期', '2013年12月 未见完成公告', '2026年12月']);
    expect(table.rows.map((r) => r.data)).toEqual([{ status: 'planned', overdue: '1' }, { status: 'planned', unreported: '1' }, { status: 'planned' }]);
    const facts = lineDetails(model, line('00:N-002'));
    expect(facts.find((f) => f.label === '淘汰时限')!.parts.map((p) => p.text).join('')).toBe('2013年12月 未见完成公告');
    const e = enterprisePage(model, model.enterpriseByKey.get(line('00:N-002').enterpriseKey)!);
    expect(e.lines[0]!.late).toEqual({ text: '已过淘汰时限 4292 天，未见完成公告', href: '/glossary/#unreported', alert: false });
    const o = enterprisePage(model, model.enterpriseByKey.get(line('00:N-001').enterpriseKey)!);
    expect(o.lines[0]!.late).toMatchObject({ text: '逾期 5023 天', alert: true });
  });
});

describe('the sample record', () => {
  const sample = modelOf(SAMPLE_DATA).model;
  it('calls none of the 2011 national list overdue: no national completion notice is in the record', () => {
    const national = sample.lines.filter((l) => l.key.includes('MIIT-2011'));
    expect(national.length).toBe(20);
    expect(national.every((l) => !l.overdue && l.unreported)).toBe(true);
  });
  it('calls Linzi’s plan lines overdue: Linzi reported its 2025 completions without them', () => {
    expect(sample.lines.filter((l) => l.overdue).map((l) => l.key).sort()).toEqual(['37:LZ-2025-012', '37:LZ-2025-013', '37:LZ-2025-014']);
  });
});
