/**
 * Row diffs of two tables and the effect of each announcement on the record. The tables are
 * small data roots held in memory and run through the validator, as the site reads them.
 */
import { describe, expect, it } from 'vitest';
import { announcementEffects, describeEffect } from '../../src/derive/changes.ts';
import { cellText, columnLabel, diffAnnouncements, isEmptyDiff, unexplainedRemovals } from '../../src/derive/diff.ts';
import type { RawDataRoot } from '../../src/read/load.ts';
import type { Announcement } from '../../src/validate/record.ts';
import { validateRaw } from '../../src/validate/validate.ts';

const enc = new TextEncoder();

interface Ann {
  id: string;
  kind?: string;
  published: string;
  supersedes?: string;
  note?: string;
  csv: string;
}

/** A data root of plan/completion announcements of 太原市 (140100), 2025. */
function validate(anns: readonly Ann[]) {
  const raw: RawDataRoot = {
    problems: [],
    announcements: anns.map((a) => {
      const fm = [
        `title: 太原市2025年公告 ${a.id}`,
        `kind: ${a.kind ?? 'plan'}`,
        'region: "140100"',
        'year: 2025',
        'issuer: 太原市工业和信息化局',
        `published: "${a.published}"`,
        ...(a.supersedes ? [`supersedes: ${a.supersedes}`, `correction_note: ${a.note ?? '更正'}`] : []),
      ];
      return {
        id: a.id,
        dir: '2025',
        md: { path: `announcements/2025/${a.id}.md`, bytes: enc.encode(`---\n${fm.join('\n')}\n---\n正文\n`) },
        csv: { path: `announcements/2025/${a.id}.csv`, bytes: enc.encode(a.csv) },
      };
    }),
  };
  const record = validateRaw(raw);
  expect(record.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return record;
}

const HEADER = 'line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,deadline,status,shutdown_date,x_source';
const L1 = 'L1,甲水泥有限公司,140121,水泥,Φ2.5×10m机立窑生产线,8,万吨,2025-11-30,planned,,报纸';
const L2 = 'L2,乙焦化有限公司,140181,焦炭,炭化室高度3.8米焦炉,30,万吨,2025-11-30,planned,,';
const L3 = 'L3,丙铁合金有限公司,140181,铁合金,3200千伏安矿热炉,1.2,万吨,2025-11-30,planned,,';
const table = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;

const pair = (before: string, after: string): [Announcement, Announcement] => {
  const { announcements } = validate([
    { id: 'a', published: '2025-04-01', csv: before },
    { id: 'b', published: '2025-04-02', csv: after },
  ]);
  return [announcements.find((x) => x.id === 'a')!, announcements.find((x) => x.id === 'b')!];
};

describe('diff of two tables', () => {
  it('finds no change when rows are only reordered', () => {
    const d = diffAnnouncements(...pair(table(L1, L2, L3), table(L3, L1, L2)));
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.unchanged).toBe(3);
  });

  it('finds no change when the same industry is written by its alias, or a cell differs only in spacing', () => {
    const d = diffAnnouncements(...pair(table(L1), table(L1.replace(',水泥,', ',水泥(熟料及磨机),').replace(',8,', ', 8 ,'))));
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('lists a row added, one removed and the changed cells of another, old → new, extras included', () => {
    const after = table(L3, L1.replace(',8,', ',10,').replace('planned,,报纸', 'shutdown,2025-03-01,'), 'L4,丁造纸有限公司,140121,造纸,1092mm纸机,1,万吨,2025-12-31,planned,,');
    const d = diffAnnouncements(...pair(table(L1, L2, L3), after));
    expect(d.added.map((r) => r.key)).toEqual(['L4']);
    expect(d.added[0]).toMatchObject({ names: ['L4', '丁造纸有限公司'], line: 4, values: { industry: 'paper', capacity: 1, status: 'planned' } });
    expect(d.removed.map((r) => [r.key, r.line])).toEqual([['L2', 3]]);
    expect(d.changed).toEqual([
      {
        key: 'L1', names: ['L1', '甲水泥有限公司'], beforeLine: 2, afterLine: 3,
        fields: [
          { column: 'capacity', before: 8, after: 10 },
          { column: 'status', before: 'planned', after: 'shutdown' },
          { column: 'shutdown_date', before: null, after: '2025-03-01' },
          { column: 'x_source', before: '报纸', after: null },
        ],
      },
    ]);
    expect(d.unchanged).toBe(1);
  });

  it('names removed rows the correction note does not mention, by line_id or enterprise name', () => {
    const d = diffAnnouncements(...pair(table(L1, L2, L3), table(L1)));
    expect(unexplainedRemovals(d, '删除L2（重复）').map((r) => r.key)).toEqual(['L3']);
    expect(unexplainedRemovals(d, '删除乙焦化有限公司、丙铁合金有限公司')).toEqual([]);
    expect(unexplainedRemovals(d, undefined).map((r) => r.key)).toEqual(['L2', 'L3']);
  });

  it('agrees with the silently-dropped rule', () => {
    const { report } = validate([
      { id: 'a', published: '2025-04-01', csv: table(L1, L2, L3) },
      { id: 'b', published: '2025-04-02', supersedes: 'a', note: '删除L2（重复）', csv: table(L1) },
    ]);
    expect(report.problems.filter((p) => p.code === 'silently-dropped').map((p) => p.value)).toEqual(['L3 丙铁合金有限公司']);
  });

  it('labels columns and cells in Chinese', () => {
    expect(columnLabel('plan', 'status')).toBe('状态');
    expect(columnLabel('plan', 'x_source')).toBe('x_source');
    expect(columnLabel('meta', 'title')).toBe('标题');
    expect(cellText('plan', 'status', 'shutdown')).toBe('已关停');
    expect(cellText('plan', 'can_resume', false)).toBe('否');
    expect(cellText('plan', 'note', null)).toBe('（空）');
    expect(cellText('meta', 'kind', 'completion')).toBe('完成名单');
  });
});

describe('effects of announcements in publication order', () => {
  // p: plan with L1, L2, L3. p2 corrects p: L2 already shut down, L3 dropped (unnamed), L1 as before.
  // c: completion: L1 dismantled, and L5, a line no plan listed.
  const record = validate([
    { id: 'c', kind: 'completion', published: '2025-06-01', csv: table(L1.replace('planned,,报纸', 'dismantled,2025-05-01,报纸'), L3.replace('L3', 'L5').replace('planned,,', 'shutdown,2025-05-20,')) },
    { id: 'p2', published: '2025-04-01', supersedes: 'p', note: 'L2已于3月关停', csv: table(L1, L2.replace('planned,,', 'shutdown,2025-03-15,')) },
    { id: 'p', published: '2025-03-31', csv: table(L1, L2, L3) },
  ]);
  const effects = announcementEffects(record.chronological, new Map(record.announcements.map((a) => [a.id, a])), record.corrections);

  it('lists announcements by publication date', () => {
    expect(effects.map((e) => e.id)).toEqual(['p', 'p2', 'c']);
  });

  it('counts the lines a plan adds to the record', () => {
    expect(effects[0]).toMatchObject({ rows: 3, supersededBy: 'p2', statusChanges: [], counts: { linesAdded: 3, statusChanges: 0, rowsRemoved: 0 } });
    expect(effects[0]!.linesAdded.map((l) => l.key)).toEqual(['14:L1', '14:L2', '14:L3']);
  });

  it('gives a correction its diff against what it supersedes, and the status changes it makes', () => {
    const e = effects[1]!;
    expect(e.linesAdded).toEqual([]);
    expect(e.statusChanges).toEqual([{ key: '14:L2', line_id: 'L2', enterprise_name: '乙焦化有限公司', region_code: '140181', from: 'planned', fromId: 'p', to: 'shutdown' }]);
    expect(e.correction?.supersedes).toBe('p');
    expect(e.correction?.diff.removed.map((r) => r.key)).toEqual(['L3']);
    expect(e.correction?.diff.changed.map((r) => r.key)).toEqual(['L2']);
    expect(e.correction?.unexplained.map((r) => r.key)).toEqual(['L3']);
    expect(e.counts).toEqual({ linesAdded: 0, statusChanges: 1, rowsAdded: 0, rowsRemoved: 1, rowsChanged: 1 });
    expect(describeEffect(e)).toBe('更正 p：删除 1 行，修改 1 行；1 条状态变化（已关停 1）');
  });

  it('compares a later status with the one in force, from the correction rather than what it replaced', () => {
    const e = effects[2]!;
    expect(e.linesAdded.map((l) => l.line_id)).toEqual(['L5']);
    expect(e.statusChanges.map((s) => [s.line_id, s.from, s.fromId, s.to])).toEqual([['L1', 'planned', 'p2', 'dismantled']]);
    expect(e.correction).toBeUndefined();
    expect(describeEffect(e)).toBe('新列入 1 条生产线；1 条状态变化（已拆除 1）');
  });

  it('is plain data', () => {
    expect(JSON.parse(JSON.stringify(effects))).toEqual(effects);
  });
});
