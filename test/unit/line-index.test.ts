import { describe, expect, it } from 'vitest';
import { checkReReported, LineIndex, lineKey } from '../../src/validate/rules/lines.ts';
import type { LineRow } from '../../src/schema/line.ts';
import type { Announcement, LineAnnouncement } from '../../src/validate/record.ts';

const row = (line_id: string, region_code: string) => ({ line: 2, data: { line_id, region_code } as LineRow, extra: {} });
const ann = (rows: ReturnType<typeof row>[]) => ({ rows }) as unknown as LineAnnouncement;

describe('LineIndex numbers lines as lineKey identifies them', () => {
  it('the same id in two provinces is two lines; in two counties of one province, one', () => {
    const index = new LineIndex();
    const ids = index.of(ann([row('001', '421202'), row('001', '530000'), row('001', '420100'), row('002', '421202'), row('001', '532301')]));
    expect([...ids]).toEqual([0, 1, 0, 2, 1]);
    expect(index.size).toBe(3);
  });

  it('numbers agree with lineKey over many rows, across announcements', () => {
    // A seeded walk over a few ids and provinces, so that ids recur across provinces in every order.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const provinces = ['11', '42', '53', '65'];
    const anns = Array.from({ length: 20 }, () => ann(Array.from({ length: 30 }, () => row(`L${next(12)}`, `${provinces[next(4)]}0${next(10)}00`))));
    const index = new LineIndex();
    const byKey = new Map<string, number>();
    for (const a of anns) {
      const ids = index.of(a);
      a.rows.forEach((r, i) => {
        const key = lineKey(r.data);
        if (!byKey.has(key)) byKey.set(key, ids[i]!);
        expect(ids[i], key).toBe(byKey.get(key));
      });
    }
    expect(new Set(byKey.values()).size).toBe(byKey.size); // different keys, different numbers
    expect(index.size).toBe(byKey.size);
    expect(index.of(anns[3]!)).toBe(index.of(anns[3]!)); // numbered once per announcement
  });
});

describe('checkReReported matches a line by enterprise or credit code with its equipment, as matchKey reads them', () => {
  type Status = LineRow['status'];
  let n = 0;
  const lineAnn = (kind: 'plan' | 'completion', year: number, rows: Partial<LineRow>[]) => ({
    id: `${year}-421202-${kind}-${n++}`, kind, csvFile: `announcements/${year}/x.csv`,
    meta: { year, published: `${year}-06-0${1 + (n % 9)}`, region: '421202' },
    rows: rows.map((data, i) => ({ line: i + 2, extra: {}, data: { region_code: '421202', industry: 'calcium-carbide', ...data } as LineRow })),
  }) as unknown as Announcement;
  const done = (year: number, line_id: string, extra: Partial<LineRow>, status: Status = 'dismantled') =>
    lineAnn('completion', year, [{ line_id, enterprise_name: '咸安区温泉电石总厂', equipment: '12500kVA电石炉', status, ...extra }]);
  const plan = (year: number, line_id: string, extra: Partial<LineRow>) =>
    lineAnn('plan', year, [{ line_id, enterprise_name: '咸安区温泉电石总厂', equipment: '12500kVA电石炉', status: 'planned', ...extra }]);

  it('full-width, spaces, case and punctuation do not hide the enterprise; the earliest year is named', () => {
    const problems = checkReReported([
      done(2021, 'A-1', {}),
      done(2019, 'A-2', { enterprise_name: '咸安区温泉电石总厂（老厂）' }), // another enterprise: not this line
      done(2020, 'A-3', { enterprise_name: '咸安区 温泉电石总厂', equipment: '12500KVA 电石炉' }),
      plan(2025, 'B-9', { enterprise_name: '咸安区温泉电石总厂', equipment: '１２５００ｋｖａ电石炉' }),
    ]);
    expect(problems.map((p) => [p.code, p.value])).toEqual([['re-reported', 'B-9']]);
    expect(problems[0]!.message).toContain('2020 年');
  });

  it('a credit code with the same equipment, in another county; the same line done only later is no re-report', () => {
    const cc = '91421202MA4970X21Q';
    expect(checkReReported([
      done(2020, 'C-1', { credit_code: cc, region_code: '421221', enterprise_name: '另一个名字' }),
      plan(2024, 'C-9', { credit_code: cc }),
    ]).map((p) => p.value)).toEqual(['C-9']);
    expect(checkReReported([plan(2024, 'D-1', {}), done(2024, 'D-1', {}), done(2026, 'D-2', {})])).toEqual([]);
  });

  it('different equipment of the same enterprise is a different line', () => {
    expect(checkReReported([done(2020, 'E-1', {}), plan(2024, 'E-2', { equipment: '25000kVA电石炉' })])).toEqual([]);
  });
});
