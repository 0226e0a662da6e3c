import { describe, expect, it } from 'vitest';
import { readCell, type CellResult } from '../../src/validate/cells.ts';
import { buildTaxonomy } from '../../src/reference/industries.ts';
import { buildRegionTable } from '../../src/reference/regions.ts';
import { columnsOf } from '../../src/schema/column.ts';
import { LineRowSchema } from '../../src/schema/line.ts';
import { CardRowSchema } from '../../src/schema/cards.ts';
import { AssessmentRowSchema } from '../../src/schema/assessment.ts';
import type { Problem } from '../../src/schema/problem.ts';

const ctx = { where: { file: 'announcements/2025/a.csv', line: 7 }, taxonomy: buildTaxonomy(), regions: buildRegionTable() };
type Table = Parameters<typeof columnsOf>[0];
const cell = (raw: string, name: string, table: Table = LineRowSchema): CellResult => {
  const meta = columnsOf(table).find((c) => c.name === name)?.meta;
  if (!meta) throw new Error(`no column ${name}`);
  return readCell(raw, name, meta, ctx);
};
const value = (raw: string, name: string, table?: Table) => {
  const r = cell(raw, name, table);
  if ('problem' in r) throw new Error(`${raw}: ${r.problem.code} ${r.problem.message}`);
  return r.value;
};
const fails = (raw: string, name: string, table?: Table): Problem => {
  const r = cell(raw, name, table);
  if (!('problem' in r)) throw new Error(`${raw} was accepted as ${JSON.stringify(r.value)}`);
  return r.problem;
};

describe('problems say where they are', () => {
  it('file, line, column and the value as written', () => {
    expect(fails(' 8万吨 ', 'capacity')).toMatchObject({ severity: 'error', code: 'number-with-unit', file: 'announcements/2025/a.csv', line: 7, column: 'capacity', value: ' 8万吨 ' });
  });
});

describe('days that do not exist', () => {
  it('29 February only in leap years; years 0–99 are read as 1900–1999, as the front matter reads them', () => {
    expect(value('2024-02-29', 'shutdown_date')).toBe('2024-02-29');
    expect(fails('2025-02-29', 'shutdown_date').code).toBe('bad-date');
    expect(fails('1900-02-29', 'shutdown_date').code).toBe('bad-date');
    expect(value('2000-02-29', 'shutdown_date')).toBe('2000-02-29');
    expect(fails('0000-02-29', 'shutdown_date').code).toBe('bad-date');
    expect(value('0004-02-29', 'shutdown_date')).toBe('0004-02-29');
  });
});

describe('dates', () => {
  it.each([
    ['2025/4/28', '2025-04-28'],
    ['2025.4.28', '2025-04-28'],
    ['2025-4-28', '2025-04-28'],
    ['2025年4月28日', '2025-04-28'],
    ['2025 年 4 月 28 日', '2025-04-28'],
    ['28/4/2025', '2025-04-28'],
    ['4/28/2025', '2025-04-28'],
    ['45775', '2025-04-28'], // Excel serial day
  ])('%s → suggests %s', (raw, suggest) => {
    const p = fails(raw, 'shutdown_date');
    expect(p.code).toBe('bad-date');
    expect(p.hint).toContain(`请写成 ${suggest}。`);
  });

  it('an Excel serial is named as such', () => {
    expect(fails('45775', 'shutdown_date').message).toContain('Excel 把日期存成了序号');
  });

  it.each(['4/5/2025', '2025-02-30', '2025/2/30', '2025-04', '2025年10月', '去年', '2025-4'])('%s: no suggestion for a day', (raw) => {
    const p = fails(raw, 'shutdown_date');
    expect(p.code).toBe('bad-date');
    expect(p.hint).not.toContain('请写成');
  });

  it('accepts YYYY-MM-DD, with full-width digits folded', () => {
    expect(value('2025-04-28', 'shutdown_date')).toBe('2025-04-28');
    expect(value('２０２５－０４－２８', 'shutdown_date')).toBe('2025-04-28');
    expect(value(' 2024-02-29 ', 'shutdown_date')).toBe('2024-02-29');
    expect(fails('2025-02-29', 'shutdown_date').code).toBe('bad-date');
  });

  it('a deadline may be a month', () => {
    expect(value('2025-10', 'deadline')).toBe('2025-10');
    expect(value('2025-10-31', 'deadline')).toBe('2025-10-31');
    expect(fails('2025年10月', 'deadline').hint).toContain('请写成 2025-10。');
    expect(fails('2025/10', 'deadline').hint).toContain('请写成 2025-10。');
    expect(fails('2025-13', 'deadline').code).toBe('bad-date');
    expect(fails('2025-13', 'deadline').message).toContain('YYYY-MM-DD 或 YYYY-MM');
  });
});

describe('numbers', () => {
  it('plain numbers, trimmed and full-width folded', () => {
    expect(value('3', 'capacity')).toBe(3);
    expect(value(' 3.5 ', 'capacity')).toBe(3.5);
    expect(value('１２.５', 'capacity')).toBe(12.5);
    expect(value('１２', 'employees')).toBe(12);
    expect(value('0', 'capacity')).toBe(0);
  });

  it('8万吨: capacity and unit go in two columns', () => {
    const p = fails('8万吨', 'capacity');
    expect(p.code).toBe('number-with-unit');
    expect(p.hint).toBe('在“产能”中只填 8，在“产能单位”中填 万吨。');
    expect(fails('3.5 万千瓦', 'capacity').hint).toContain('只填 3.5');
  });

  it('a unit in a column with a fixed unit', () => {
    expect(fails('12人', 'employees')).toMatchObject({ code: 'number-with-unit' });
    expect(fails('12人', 'employees').hint).toBe('在“涉及职工人数”中只填 12（单位固定为 人）。');
    expect(fails('100万元', 'fixed_assets').hint).toContain('单位固定为 万元');
  });

  it('thousands separators are refused with the number to write', () => {
    const p = fails('1,200', 'capacity');
    expect(p.code).toBe('bad-number');
    expect(p.hint).toContain('1200');
  });

  it('not a number', () => {
    for (const raw of ['约3', '三', '1e3', 'n/a']) expect(fails(raw, 'capacity').code).toBe('bad-number');
    expect(fails('1.5', 'employees')).toMatchObject({ code: 'bad-number' });
    expect(fails('1.5', 'employees').message).toContain('不是整数');
  });

  it('numbers are never formula cells', () => {
    expect(value('-5', 'fixed_assets')).toBe(-5);
  });
});

describe('enums by value, Chinese label or alias', () => {
  it.each([
    ['planned', 'planned'],
    ['计划淘汰', 'planned'],
    ['拟淘汰', 'planned'],
    ['已关停', 'shutdown'],
    ['停产', 'shutdown'],
    ['已封存', 'sealed'],
    ['已拆除', 'dismantled'],
    ['已淘汰', 'dismantled'],
    ['DISMANTLED', 'dismantled'],
    [' Accepted ', 'accepted'],
    ['已验收', 'accepted'],
    ['未完成', 'incomplete'],
  ])('status %s → %s', (raw, v) => {
    expect(value(raw, 'status')).toBe(v);
  });

  it('cards and grades', () => {
    expect(value('黄牌', 'card', CardRowSchema)).toBe('yellow');
    expect(value('Red', 'card', CardRowSchema)).toBe('red');
    expect(value('环保', 'dimension', CardRowSchema)).toBe('environment');
    expect(value('不合格', 'grade', AssessmentRowSchema)).toBe('fail');
    expect(value('优秀', 'grade', AssessmentRowSchema)).toBe('excellent');
  });

  it('an unknown value lists what is allowed', () => {
    const p = fails('已关闭', 'status');
    expect(p.code).toBe('bad-enum');
    expect(p.hint).toContain('已关停（shutdown）');
    expect(fails('绿牌', 'card', CardRowSchema).hint).toBe('允许的取值：黄牌（yellow）、红牌（red）。');
  });
});

describe('yes/no', () => {
  it.each([['是', true], ['否', false], ['YES', true], ['no', false], ['True', true], ['ｎｏ', false]] as const)('%s → %s', (raw, v) => {
    expect(value(raw, 'can_resume')).toBe(v);
  });
  it('anything else', () => {
    expect(fails('可以', 'can_resume').code).toBe('bad-yes-no');
  });
});

describe('codes', () => {
  it('regions: full-width digits and spaces folded, must be known', () => {
    expect(value('４２１２０２', 'region_code')).toBe('421202');
    expect(value(' 421202 ', 'region_code')).toBe('421202');
    expect(value('000000', 'region_code')).toBe('000000');
    expect(fails('421299', 'region_code').code).toBe('unknown-region');
    expect(fails('42120', 'region_code').code).toBe('unknown-region');
  });

  it('line ids: full-width folded, letters digits - _ only', () => {
    expect(value('ＸＡ－００１', 'line_id')).toBe('XA-001');
    expect(value('XA_001', 'line_id')).toBe('XA_001');
    expect(fails('XA.001', 'line_id').code).toBe('bad-code');
    expect(fails('甲001', 'line_id').code).toBe('bad-code');
    expect(fails('A'.repeat(41), 'line_id').code).toBe('bad-code');
  });

  it('stock codes: six digits', () => {
    expect(value('６０００２２', 'stock_code')).toBe('600022');
    expect(fails('60022', 'stock_code').code).toBe('bad-stock-code');
    expect(fails('SH600022', 'stock_code').code).toBe('bad-stock-code');
  });

  it('industries: id, name, alias, full-width brackets', () => {
    expect(value('水泥', 'industry')).toBe('cement');
    expect(value('水泥（熟料及磨机）', 'industry')).toBe('cement');
    expect(value('水泥(熟料及磨机)', 'industry')).toBe('cement');
    expect(value('cement', 'industry')).toBe('cement');
    expect(value('铅(含再生铅)冶炼', 'industry')).toBe('lead');
    expect(value('铅蓄电池(组装)', 'industry')).toBe('lead-acid-battery');
    expect(fails('木材加工', 'industry').code).toBe('unknown-industry');
  });
});

describe('text', () => {
  it.each([['=1+1', '='], ['+86 0715', '+'], ['-', '-'], ['@SUM(A1)', '@'], ['\t说明', '制表符'], ['  =x', '=']])('%s is a formula cell', (raw, first) => {
    const p = fails(raw, 'note');
    expect(p.code).toBe('formula-cell');
    expect(p.message).toContain(`“${first}”`);
  });

  it.each([['\n=HYPERLINK("http://x")', '换行符'], ['\r-2', '换行符'], ['\u3000=1+1', '='], ['\u00a0@SUM(A1)', '@']])('%j: a formula behind white space', (raw, first) => {
    const p = fails(raw, 'note');
    expect(p.code).toBe('formula-cell');
    expect(p.message).toContain(`“${first}”`);
  });

  it('a formula character later in the text is fine', () => {
    expect(value('Φ3×11m-2', 'equipment')).toBe('Φ3×11m-2');
    expect(value('电话 +86 0715', 'note')).toBe('电话 +86 0715');
  });

  it('trimmed, kept as written otherwise', () => {
    expect(value('  原文如此 ', 'note')).toBe('原文如此');
    expect(value('Φ3×11m机立窑生产线', 'equipment')).toBe('Φ3×11m机立窑生产线');
  });

  it('length is counted in characters', () => {
    expect(value('咸'.repeat(100), 'enterprise_name')).toBe('咸'.repeat(100));
    expect(fails('咸'.repeat(101), 'enterprise_name')).toMatchObject({ code: 'too-long' });
    expect(value('𠀀'.repeat(100), 'enterprise_name')).toBe('𠀀'.repeat(100)); // astral characters count once
  });
});

describe('test environment', () => {
  it('runs in China time (vitest.config.ts), so date handling does not depend on the machine', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai');
    expect(new Date('2025-04-28T00:00:00Z').getTimezoneOffset()).toBe(-480);
  });
});
