/**
 * What `npm run new` writes: a free announcement id, the title from the kind's pattern, the front
 * matter with the fields the office must fill left blank (so validation fails until they are
 * filled), and the table header in Chinese. Pure: the caller reads the data root and the clock.
 */
import { stringify } from 'yaml';
import { KIND_LABELS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { columnsOf } from '../schema/column.ts';
import { csvText } from './csv-text.ts';

/** Title of a new announcement, e.g. 咸安区2026年淘汰落后产能计划名单. */
export const TITLE_PATTERNS: Readonly<Record<Kind, (region: string, year: number) => string>> = {
  plan: (r, y) => `${r}${y}年淘汰落后产能计划名单`,
  completion: (r, y) => `${r}${y}年淘汰落后产能完成名单`,
  target: (r, y) => `${r}${y}年淘汰落后产能目标任务`,
  assessment: (r, y) => `${r}${y}年度淘汰落后产能工作考核结果`,
  cards: (r, y) => `${r}${y}年落后产能企业红黄牌名单`,
};

/** `<year>-<region>-<kind>`, or the first of `-2`, `-3`, … not in `taken` (ids of all years). */
export function freeId(year: number, region: string, kind: Kind, taken: ReadonlySet<string>): string {
  const base = `${year}-${region}-${kind}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The kind's Chinese headers in schema order: what a new table starts with. */
export function chineseHeader(kind: Kind): string[] {
  return columnsOf(TABLE_SCHEMAS[kind]).map((c) => c.meta.zh);
}

/** A table with only its header row (UTF-8 with BOM). */
export const headerCsv = (kind: Kind) => csvText([chineseHeader(kind)]);

/** Today in China as YYYY-MM-DD: the default `published` of a new announcement. */

export interface NewAnnouncement {
  kind: Kind;
  region: string;
  regionName: string;
  year: number;
  published: string;
  /** Left blank (a validation error until filled) when not known, as for a first announcement. */
  issuer?: string | undefined;
  title?: string | undefined;
  /** For a correction: the id it supersedes and that announcement's title. */
  supersedes?: { id: string; title: string } | undefined;
}

/** One YAML scalar on one line, quoted where YAML needs it. */
const scalar = (v: string | number) => stringify(v, { lineWidth: 0 }).trimEnd();

/** Comments that say what a blank field needs; YAML reads `key:  # …` as no value. */
export const FILL_ISSUER = '必填：发布机关全称，如 咸安区经济和信息化局。不填写不能通过检查';
export const FILL_CORRECTION = '必填：写明更正了什么、为什么；删去或改动的行写出清单编号或企业名称';

/** The .md of a new announcement: front matter and a one-sentence text to replace. */
export function announcementMd(a: NewAnnouncement): string {
  const title = a.title ?? TITLE_PATTERNS[a.kind](a.regionName, a.year);
  const lines = [
    '---',
    `title: ${scalar(title)}`,
    `kind: ${a.kind}`,
    `region: "${a.region}"`,
    `year: ${a.year}`,
    a.issuer ? `issuer: ${scalar(a.issuer)}` : `issuer:  # ${FILL_ISSUER}`,
    `published: "${a.published}"`,
    '# doc_number: 文号，如 咸安经信发〔2026〕1号（没有文号就删去本行）',
  ];
  if (a.supersedes) {
    lines.push(`supersedes: ${a.supersedes.id}`, `correction_note:  # ${FILL_CORRECTION}`);
  }
  lines.push(
    '# contact: { name: 联系人, phone: 0715-0000000 }   监督举报联系方式（可选）',
    '---',
    '',
    a.supersedes
      ? `现对《${a.supersedes.title}》（${a.supersedes.id}）更正如下，更正后的${KIND_LABELS[a.kind]}见附表。`
      : `现将${title}公布如下，接受社会监督。`,
    '',
  );
  return lines.join('\n');
}
