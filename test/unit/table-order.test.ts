import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/validate/table.ts';
import { buildTaxonomy } from '../../src/reference/industries.ts';
import { buildRegionTable } from '../../src/reference/regions.ts';
import { LineRowSchema } from '../../src/schema/line.ts';

const lookups = { taxonomy: buildTaxonomy(), regions: buildRegionTable() };
const read = (text: string, file = 't.csv') => readTable<Record<string, unknown>>(text, LineRowSchema, 'plan', { file, ...lookups });
const summary = (t: ReturnType<typeof read>) => t.problems.map((p) => [p.code, p.line, p.column]);

describe('readTable: the order of problems within a line', () => {
  const header = 'status,capacity,line_id,enterprise_name,region_code,industry,deadline,equipment_count';

  it('row-length, then cells in file order, then missing values and out-of-range in schema order', () => {
    // 9 cells under 8 headers; bad status, bad capacity, blank line_id and enterprise_name, 0 lines.
    const t = read(`${header}\nnope,abc,,,421202,水泥,2025-12,0,surplus\n`);
    expect(summary(t)).toEqual([
      ['row-length', 2, undefined],
      ['bad-enum', 2, 'status'],
      ['bad-number', 2, 'capacity'],
      ['missing-value', 2, 'line_id'],
      ['missing-value', 2, 'enterprise_name'],
      ['out-of-range', 2, 'equipment_count'],
    ]);
    expect(t.rows).toEqual([]);
  });

  it('missing values come in schema order even when the header lists the columns the other way round', () => {
    const reversed = 'enterprise_name,line_id,region_code,industry,deadline,status';
    const t = read(`${reversed}\n,,421202,水泥,2025-12,planned\n`);
    expect(summary(t)).toEqual([
      ['missing-value', 2, 'line_id'],
      ['missing-value', 2, 'enterprise_name'],
    ]);
  });

  it('values out of range come in schema order even when the header lists the columns the other way round', () => {
    // Schema order: equipment_count (at least 1), then capacity (not negative).
    const h = 'capacity,line_id,enterprise_name,region_code,industry,deadline,status,equipment_count';
    const t = read(`${h}\n-1,A1,甲厂,421202,水泥,2025-12,planned,0\n`);
    expect(summary(t)).toEqual([
      ['out-of-range', 2, 'equipment_count'],
      ['out-of-range', 2, 'capacity'],
    ]);
  });

  it('cell problems come in file column order, not schema order', () => {
    // Schema order: line_id … capacity … status; file order: status, capacity, line_id.
    const t = read(`${header}\nnope,abc,A中1,甲厂,421202,水泥,2025-12,1\n`);
    expect(summary(t)).toEqual([
      ['bad-enum', 2, 'status'],
      ['bad-number', 2, 'capacity'],
      ['bad-code', 2, 'line_id'],
    ]);
  });

  it('across lines: by line first, each line in the order above', () => {
    const t = read(
      [
        header,
        'planned,1,A1,甲厂,421202,水泥,2025-12,0', // line 2: out-of-range
        'nope,,,乙厂,421202,水泥,2025-12,1', // line 3: bad-enum, missing-value
        '',
        'planned,abc,A3,丙厂,421202,水泥,2025-12', // line 5: row-length, bad-number
        'planned,"x\ny",A4,丁厂,421202,水泥,2025-12,x', // line 6–7: bad-number ×2
        'planned,2,A5,,421202,水泥,2025-12,1', // line 8: missing-value
      ].join('\n'),
    );
    expect(summary(t)).toEqual([
      ['out-of-range', 2, 'equipment_count'],
      ['bad-enum', 3, 'status'],
      ['missing-value', 3, 'line_id'],
      ['row-length', 5, undefined],
      ['bad-number', 5, 'capacity'],
      ['bad-number', 6, 'capacity'],
      ['bad-number', 6, 'equipment_count'],
      ['missing-value', 8, 'enterprise_name'],
    ]);
    expect(t.rows).toEqual([]);
  });

  it('every problem names the file', () => {
    const t = read(`${header}\nnope,abc,,,421202,水泥,2025-12,0,surplus\n`, 'announcements/2025/x.csv');
    expect(new Set(t.problems.map((p) => p.file))).toEqual(new Set(['announcements/2025/x.csv']));
  });
});

describe('readTable: header layouts are shared between files, problems are not', () => {
  it('an unknown column names the file it is in, on the header line', () => {
    const text = '\nline_id,bogus,enterprise_name,region_code,industry,deadline,status\nA1,x,甲厂,421202,水泥,2025-12,planned\n';
    const a = read(text, 'a.csv');
    const b = read(text, 'b.csv');
    const c = read(text, 'a.csv');
    for (const [t, file] of [[a, 'a.csv'], [b, 'b.csv'], [c, 'a.csv']] as const) {
      expect(t.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([['unknown-column', file, 2, 'bogus']]);
    }
  });

  it('a missing column and a duplicate column name the file each time', () => {
    const text = 'line_id,清单编号,enterprise_name,region_code,industry,status\nA1,A1,甲厂,421202,水泥,planned\n';
    for (const file of ['p.csv', 'q.csv']) {
      const t = read(text, file);
      expect(t.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
        ['duplicate-column', file, 1, 'line_id'],
        ['missing-column', file, 1, 'deadline'],
      ]);
    }
  });

  it('a column without a header is a problem only in the file where a row uses it', () => {
    const head = 'line_id,,enterprise_name,region_code,industry,deadline,status';
    const filled = read(`${head}\nA1,something,甲厂,421202,水泥,2025-12,planned\n`, 'filled.csv');
    const empty = read(`${head}\nA1,,甲厂,421202,水泥,2025-12,planned\n`, 'empty.csv');
    const filledAgain = read(`${head}\nA1,again,甲厂,421202,水泥,2025-12,planned\n`, 'filled-2.csv');
    const emptyAgain = read(`${head}\nA1, ,甲厂,421202,水泥,2025-12,planned\n`, 'empty-2.csv');
    expect(filled.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([['unknown-column', 'filled.csv', 1, '']]);
    expect(empty.problems).toEqual([]);
    expect(filledAgain.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([['unknown-column', 'filled-2.csv', 1, '']]);
    expect(emptyAgain.problems).toEqual([]);
  });

  it('the same header under another kind is read for that kind', () => {
    // deadline is required in plan tables only.
    const text = 'line_id,enterprise_name,region_code,industry,status\nA1,甲厂,421202,水泥,shutdown\n';
    const plan = readTable(text, LineRowSchema, 'plan', { file: 'p.csv', ...lookups });
    const completion = readTable(text, LineRowSchema, 'completion', { file: 'c.csv', ...lookups });
    const planAgain = readTable(text, LineRowSchema, 'plan', { file: 'p2.csv', ...lookups });
    expect(plan.problems.map((p) => [p.code, p.file, p.column])).toEqual([['missing-column', 'p.csv', 'deadline']]);
    expect(completion.problems).toEqual([]);
    expect(planAgain.problems.map((p) => [p.code, p.file, p.column])).toEqual([['missing-column', 'p2.csv', 'deadline']]);
  });
});

describe('readTable: the data of a valid row', () => {
  const header = 'line_id,enterprise_name,credit_code,region_code,industry,equipment,equipment_count,capacity,capacity_unit,deadline,status,employees,can_resume,note,x_原序号,x_source,X_空列';

  it('holds only the non-blank cells, numbers as numbers, x_ columns in extra', () => {
    const t = read(`${header}\nXA-001, 咸安区温泉水泥厂 ,,421202,水泥,,2,3.5,万吨,2025-12,planned,,否,,3,原表第3行,\n`);
    expect(t.problems).toEqual([]);
    expect(t.rows.length).toBe(1);
    const row = t.rows[0]!;
    expect(row.line).toBe(2);
    expect(Object.keys(row.data).sort()).toEqual(
      ['line_id', 'enterprise_name', 'region_code', 'industry', 'equipment_count', 'capacity', 'capacity_unit', 'deadline', 'status', 'can_resume'].sort(),
    );
    expect(Object.values(row.data).every((v) => v !== undefined)).toBe(true);
    expect(row.data).toMatchObject({
      line_id: 'XA-001',
      enterprise_name: '咸安区温泉水泥厂',
      region_code: '421202',
      equipment_count: 2,
      capacity: 3.5,
      capacity_unit: '万吨',
      deadline: '2025-12',
      status: 'planned',
      can_resume: false,
    });
    expect(row.data.industry).toBe(lookups.taxonomy.lookup('水泥')!.id);
    expect(row.extra).toEqual({ x_原序号: '3', x_source: '原表第3行' });
    expect(t.extraColumns).toEqual(['x_原序号', 'x_source', 'X_空列']);
    expect(t.columns).toEqual(header.split(',').filter((c) => !/^x_/i.test(c)));
  });

  it('a table without x_ columns: empty extra, and each row its own data object', () => {
    const h = 'line_id,enterprise_name,region_code,industry,capacity,capacity_unit,deadline,status';
    const t = read(`${h}\nA1,甲厂,421202,水泥,1,万吨,2025-12,planned\nA2,乙厂,421202,水泥,,,2025-10-31,计划淘汰\n`);
    expect(t.problems).toEqual([]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(t.rows[0]!.extra).toEqual({});
    expect(t.rows[1]!.extra).toEqual({});
    expect(t.rows[0]!.data).not.toBe(t.rows[1]!.data);
    expect(t.rows[0]!.data.capacity).toBe(1);
    expect('capacity' in t.rows[1]!.data).toBe(false);
    expect('capacity_unit' in t.rows[1]!.data).toBe(false);
    expect(t.rows[1]!.data.status).toBe('planned');
    expect(t.rows[1]!.data.deadline).toBe('2025-10-31');
  });

  it('full-width digits are folded before the range check', () => {
    const h = 'line_id,enterprise_name,region_code,industry,equipment_count,deadline,status';
    const t = read(`${h}\nＡ１,甲厂,４２１２０２,水泥,０,２０２５－１２,planned\nA2,乙厂,421202,水泥,３,2025-12,planned\n`);
    expect(summary(t)).toEqual([['out-of-range', 2, 'equipment_count']]);
    expect(t.rows.map((r) => r.data)).toEqual([expect.objectContaining({ line_id: 'A2', equipment_count: 3 })]);
  });

  it('text within its maximum length in characters is accepted, also with CJK Extension B characters', () => {
    // enterprise_name: at most 100 characters. 𠀀 is one character (two UTF-16 units); the cell
    // reader counts characters (code points), as zod does.
    const h = 'line_id,enterprise_name,region_code,industry,deadline,status';
    const name = '咸宁市' + '𠀀'.repeat(60) + '水泥厂'; // 66 characters, 126 UTF-16 units
    const t = read(`${h}\nA1,${name},421202,水泥,2025-12,planned\n`);
    expect(LineRowSchema.shape.enterprise_name.safeParse(name).success).toBe(true);
    expect(summary(t)).toEqual([]);
    expect(t.rows.map((r) => r.data.enterprise_name)).toEqual([name]);
  });

  it('two headers that join alike are two layouts (a cell may hold any character)', () => {
    const h = 'line_id,enterprise_name,region_code,industry,deadline,status';
    const two = read(`${h},x_a,x_b\nA1,甲厂,421202,水泥,2025-12,planned,1,2\n`);
    expect(two.extraColumns).toEqual(['x_a', 'x_b']);
    // A control character in a header is reported (invisible-character), then read without it.
    const one = read(`${h},x_a\u0001x_b\nA1,甲厂,421202,水泥,2025-12,planned,1\n`);
    expect(summary(one)).toEqual([['invisible-character', 1, 'x_a\u0001x_b']]);
    expect(one.extraColumns).toEqual(['x_ax_b']);
  });

  it('without a column every row needs, the cells are checked but no row is kept', () => {
    const t = read('line_id,enterprise_name,industry,deadline,status\nA1,甲厂,水泥,2025-12,planned\nA2,乙厂,水泥,2025-13,planned\n');
    expect(summary(t)).toEqual([['missing-column', 1, 'region_code'], ['bad-date', 3, 'deadline']]);
    expect(t.rows).toEqual([]);
  });

  it('each table gets its own columns list, not one shared through the header cache', () => {
    const h = 'line_id,enterprise_name,region_code,industry,deadline,status\nA1,甲厂,421202,水泥,2025-12,planned\n';
    const a = read(h);
    a.columns.push('changed');
    expect(read(h).columns).not.toContain('changed');
  });
});
