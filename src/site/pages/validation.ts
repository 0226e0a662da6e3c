/**
 * /validation/: the validator's warnings for the data the site is built from, counted by code and
 * listed by file, so reviewers see them without a terminal. Errors never get here: they stop the build.
 */
import type { Model } from '../../derive/model.ts';
import { t } from '../../i18n/zh-CN.ts';
import { CATALOGUE, type ProblemCode } from '../../problems/catalogue.ts';
import { metaLabel, TABLE_SCHEMAS } from '../../schema/announcement.ts';
import { columnsOf } from '../../schema/column.ts';
import type { Problem, Report } from '../../schema/problem.ts';
import { cell, num, type TableData } from '../table.ts';

/** A national record can carry 100,000 warnings: the page lists the first ones; the counts cover all. */
export const VALIDATION_LIMIT = 1000;

export interface ValidationPage {
  total: number;
  files: number;
  truncated: boolean;
  byCode?: TableData | undefined;
  byFile: { file: string; announcement?: { href: string; title: string } | undefined; table: TableData }[];
}

/**
 * A message or hint as readers of the page should see it: the validator names a column by its
 * canonical name too when the office's file does (拆除时间（dismantled_date）); the page names it
 * in Chinese only.
 */
export function inChinese(text: string, column: string | undefined, zh: string): string {
  let out = text
    // "deadline（淘汰时限）" → "淘汰时限"; "拆除时间（dismantled_date）" → "拆除时间"
    .replace(/\b[a-z][a-z0-9_]*（([^（）]*\p{Script=Han}[^（）]*)）/gu, '$1')
    .replace(/（[a-z][a-z0-9_.]*）/g, '');
  if (column && /^[a-z][a-z0-9_.]*$/.test(column) && zh !== column) out = out.split(` ${column} `).join(`“${zh}”`);
  return out;
}

export function validationPage(model: Model, report: Report): ValidationPage {
  const problems = report.problems.filter((p) => p.severity === 'warning');
  const files = new Set(problems.map((p) => p.file));
  const byFile = new Map<string, Problem[]>();
  for (const p of problems.slice(0, VALIDATION_LIMIT)) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const byCode = new Map<string, number>();
  for (const p of problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
  const announcementOf = (file: string) => {
    const m = /^announcements\/\d{4}\/(.+)\.(md|csv)$/.exec(file);
    return m ? model.byId.get(m[1]!) : undefined;
  };
  /** A table column by its Chinese header, a front-matter key by its Chinese name; an unknown column as the file writes it. */
  const columnText = (file: string, column: string | undefined) => {
    if (!column) return '';
    const a = announcementOf(file);
    if (file.endsWith('.md')) return metaLabel(column);
    return (a && file.endsWith('.csv') ? columnsOf(TABLE_SCHEMAS[a.kind]).find((c) => c.name === column)?.meta.zh : undefined) ?? column;
  };
  const about = (code: string) => (CATALOGUE as Record<string, { about: string } | undefined>)[code as ProblemCode]?.about ?? '';
  return {
    total: problems.length,
    files: files.size,
    truncated: problems.length > VALIDATION_LIMIT,
    byCode: byCode.size === 0 ? undefined : {
      caption: t.validation.byCode,
      columns: [{ label: t.validation.code }, { label: t.validation.count, numeric: true }, { label: t.validation.about, prose: true }],
      rows: [...byCode].map(([code, n]) => ({ cells: [cell({ text: code, className: 'code' }), num(String(n)), cell(about(code))] })),
    },
    byFile: [...byFile].map(([file, ps]) => {
      const a = announcementOf(file);
      return {
        file,
        announcement: a && { href: `/announcements/${a.id}/`, title: a.meta.title },
        table: {
          caption: t.validation.fileCaption(file, ps.length),
          columns: [{ label: t.validation.line, numeric: true, phone: true }, { label: t.validation.column, phone: true }, { label: t.validation.code }, { label: t.validation.value }, { label: t.validation.message, prose: true, phone: true }, { label: t.validation.hint, prose: true, phone: true }],
          rows: ps.map((p) => {
            const zh = columnText(file, p.column);
            return { cells: [num(p.line === undefined ? t.validation.wholeFile : String(p.line)), cell(zh), cell({ text: p.code, className: 'code' }), cell(p.value ?? ''), cell(inChinese(p.message, p.column, zh)), cell(inChinese(p.hint, p.column, zh))] };
          }),
        },
      };
    }),
  };
}
