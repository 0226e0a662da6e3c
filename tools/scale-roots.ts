/**
 * Data roots in memory for the scale cases of issue 15 (test/unit/scale.test.ts asserts their
 * behaviour and growth; scripts/bench-scale.ts prints their times): `files` announcements of
 * `rows` rows each, every row made by `row(file, i)`.
 */
import type { RawDataRoot } from '../src/read/load.ts';

const enc = new TextEncoder();

/** The front matter and text of a Xian'an announcement of that kind, published 2025-12-20. */
export const announcementMd = (kind: string) =>
  `---\ntitle: 咸安区2025年淘汰落后产能名单\nkind: ${kind}\nregion: "421202"\nyear: 2025\nissuer: 咸安区经济和信息化局\npublished: "2025-12-20"\n---\n正文。\n`;
export const COMPLETION_HEADER = 'line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,status,shutdown_date';
export const PLAN_HEADER = 'line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,deadline,status';

export function rawRoot(files: number, rows: number, kind: string, header: string, row: (f: number, i: number) => string): RawDataRoot {
  const announcements = [];
  for (let f = 0; f < files; f++) {
    const id = `2025-421202-${kind}-${f + 1}`;
    const lines = [header];
    for (let i = 0; i < rows; i++) lines.push(row(f, i));
    announcements.push({
      id, dir: '2025',
      md: { path: `announcements/2025/${id}.md`, bytes: enc.encode(announcementMd(kind)) },
      csv: { path: `announcements/2025/${id}.csv`, bytes: enc.encode(`${lines.join('\n')}\n`) },
    });
  }
  return { announcements, problems: [] };
}
