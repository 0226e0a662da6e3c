/**
 * Each announcement's table for spreadsheet users: one workbook per issuing region,
 * `/regions/<code>/announcements.xlsx`, with a first sheet 目录 listing every announcement the
 * region issued (newest first: title, kind, date, rows, link to its page) and one sheet per
 * announcement, named from its id. A national record has 42,000 announcements: a file each
 * would be 42,000 files; a workbook per region is one per office.
 */
import { KIND_LABELS, TABLE_SCHEMAS } from '../schema/announcement.ts';
import type { Model } from '../derive/model.ts';
import type { Announcement } from '../validate/record.ts';
import { columnField, derivedField, type ExportField } from './fields.ts';
import { columnsOf } from '../schema/column.ts';
import type { RenderWorkbook, SheetSpec, WorkbookJob } from './xlsx.ts';
import { t } from '../i18n/zh-CN.ts';

export interface SheetRef {
  /** Site path of the workbook. */
  path: string;
  /** The announcement's sheet in it. */
  sheet: string;
}

/** The first sheet of every region's workbook. */
export const INDEX_SHEET = '目录';
const MAX_SHEET_NAME = 31;

export const regionWorkbookPath = (code: string) => `/regions/${code}/announcements.xlsx`;

/**
 * Sheet names for a region's announcements, in the given order: the id where it fits in 31
 * characters, else its first 26 characters and a number; unique regardless of case, and never a
 * name Excel reserves (History) or the index sheet's.
 */
export function sheetNames(ids: readonly string[]): string[] {
  const used = new Set<string>([INDEX_SHEET, 'history']);
  return ids.map((id) => {
    let name = id.length <= MAX_SHEET_NAME ? id : id.slice(0, 26);
    for (let n = 2; used.has(name.toLowerCase()) || name.length > MAX_SHEET_NAME; n++) name = `${id.slice(0, 26)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const cache = new WeakMap<Model, Map<string, SheetRef>>();

/** Announcement id → its workbook and sheet (computed once per model). */
export function workbookSheets(model: Model): Map<string, SheetRef> {
  let m = cache.get(model);
  if (!m) {
    m = new Map();
    for (const [code, list] of model.announcementsIssuedBy) {
      const names = sheetNames(list.map((a) => a.id));
      for (const [i, a] of list.entries()) m.set(a.id, { path: regionWorkbookPath(code), sheet: names[i]! });
    }
    cache.set(model, m);
  }
  return m;
}

export interface DownloadLink {
  href: string;
  /** The link's text, in Chinese. */
  label: string;
  /** What the file is, in Chinese, shown after the link. */
  note: string;
}

/** The downloads an announcement's page offers for its table. */
export function announcementDownloads(model: Model, id: string): DownloadLink[] {
  const a = model.byId.get(id);
  const ref = workbookSheets(model).get(id);
  if (!a || !ref) return [];
  const rowsFile = a.kind === 'plan' || a.kind === 'completion' ? 'lines' : a.kind === 'target' ? 'targets' : a.kind === 'assessment' ? 'assessments' : 'cards';
  return [
    { href: ref.path, label: t.files.workbook, note: t.files.workbookNote(model.regions.get(a.meta.region)?.name ?? a.meta.region, ref.sheet) },
    { href: `/data/rows/${rowsFile}.csv`, label: t.files.rowsCsv, note: t.files.rowsCsvNote(id) },
  ];
}

/** The table of one announcement as a sheet: its columns in file order, Chinese headers and labels. */
export function announcementSheet(model: Model, a: Announcement, name: string): SheetSpec {
  const byName = new Map(columnsOf(TABLE_SCHEMAS[a.kind]).map((c) => [c.name, c]));
  const industry = (v: unknown) => (typeof v === 'string' ? (model.taxonomy.get(v)?.name ?? v) : v);
  const fields: ExportField[] = [
    ...a.columns.map((c) => {
      const col = byName.get(c)!;
      return columnField(c, col.meta, col.schema);
    }),
    ...a.extraColumns.map((x) => derivedField(x, x, 'string', '附加列')),
  ];
  const industryAt = a.columns.indexOf('industry');
  return {
    name, fields, labels: true,
    rows: (a.rows as Announcement['rows']).map((r) => {
      const data = r.data as unknown as Record<string, unknown>;
      const values: unknown[] = [...a.columns.map((c) => data[c]), ...a.extraColumns.map((x) => r.extra[x])];
      if (industryAt >= 0) values[industryAt] = industry(values[industryAt]);
      return values;
    }),
  };
}

const INDEX_FIELDS: ExportField[] = [
  derivedField('sheet', '工作表', 'string', '本工作簿中的工作表', { width: 24 }),
  derivedField('title', '公告标题', 'string', '公告标题', { width: 44 }),
  derivedField('kind', '类别', 'string', '公告类别', { width: 14 }),
  derivedField('published', '发布日期', 'date', '发布日期', { text: true, width: 12 }),
  derivedField('year', '年度', 'integer', '工作年度', { width: 8 }),
  derivedField('doc_number', '文号', 'string', '发文字号', { width: 22 }),
  derivedField('rows', '行数', 'integer', '表格行数', { width: 8 }),
  derivedField('superseded_by', '已被更正', 'string', '更正本公告的公告编号', { text: true, width: 24 }),
  derivedField('id', '公告编号', 'string', '公告编号', { text: true, width: 24 }),
  derivedField('page', '公告页面', 'string', '公告页面的网址', { width: 50 }),
];

/** The regions that issued announcements, in code order: each has a workbook. */
export const issuingRegions = (model: Model): string[] => [...model.announcementsIssuedBy.keys()].sort();

/** The workbook of an issuing region as a job to write: an index sheet, then a sheet per announcement. */
export function regionWorkbookJob(model: Model, site: URL, creator: string, code: string, refs: ReadonlyMap<string, SheetRef> = workbookSheets(model)): WorkbookJob {
  const list = model.announcementsIssuedBy.get(code)!;
  const name = model.regions.get(code)?.name ?? code;
  const rows = list.map((a) => [refs.get(a.id)!.sheet, a.meta.title, KIND_LABELS[a.kind], a.meta.published, a.meta.year, a.meta.doc_number, a.rows.length, model.supersededBy.get(a.id), a.id, new URL(`/announcements/${a.id}/`, site).href]);
  const index: SheetSpec = {
    name: INDEX_SHEET, fields: INDEX_FIELDS, rows,
    links: { sheet: rows.map((r) => `#'${String(r[0])}'!A1`), page: rows.map((r) => String(r[9])) },
  };
  const sheets = [index, ...list.map((a) => announcementSheet(model, a, refs.get(a.id)!.sheet))];
  return { path: regionWorkbookPath(code), sheets, opts: { date: model.asOf, title: t.files.regionWorkbook(name), creator } };
}

/** Each issuing region's workbook, in code order, written by `render` (its job made only if the writer needs it). */
export async function* regionWorkbooks(model: Model, site: URL, creator: string, render: RenderWorkbook): AsyncGenerator<{ code: string; path: string; content: Uint8Array }> {
  // A few are asked for at once: an in-process writer waits on its zip streams between entries,
  // and another workbook fills those waits. They are yielded in code order.
  const LOOKAHEAD = 4;
  const refs = workbookSheets(model);
  const codes = issuingRegions(model);
  const pending: Promise<{ code: string; path: string; content: Uint8Array }>[] = [];
  let next = 0;
  for (;;) {
    while (pending.length < LOOKAHEAD && next < codes.length) {
      const code = codes[next++]!;
      const path = regionWorkbookPath(code);
      const book = render(path, () => regionWorkbookJob(model, site, creator, code, refs)).then((content) => ({ code, path, content }));
      book.catch(() => undefined); // its failure is thrown when its turn comes, not reported as unhandled before
      pending.push(book);
    }
    const first = pending.shift();
    if (!first) return;
    yield await first;
  }
}
