import { describe, expect, it } from 'vitest';
import { LineIndex, lineKey } from '../../src/data/rules/lines.ts';
import type { LineRow } from '../../src/schema/line.ts';
import type { LineAnnouncement } from '../../src/data/record.ts';

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
