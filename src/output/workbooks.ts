/**
 * Each announcement's table for spreadsheet users: one workbook per issuing region,
 * `/regions/<code>/announcements.xlsx`, with a first sheet 目录 listing every announcement the
 * region issued (newest first: title, kind, date, rows, where its table is, link to its page), then
 * one sheet per kind of announcement (计划淘汰名单, 完成名单 …): every announcement of that kind,
 * in the index's order, each a block of consecutive rows under one header, its id in the first
 * column (公告编号). The index links each announcement to its block, and its page names the rows.
 *
 * A national record has 42,000 announcements: a file each would be 42,000 files, and a sheet
 * each cost 40 MB more than these (a sheet of a few rows compresses poorly, and carries its own
 * header, widths and parts in the zip). One table per kind also sorts and filters across years.
 */
import { KIND_LABELS, KINDS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import type { Model } from '../derive/model.ts';
import type { Announcement } from '../validate/record.ts';
import { columnField, derivedField, type ExportField } from './fields.ts';
import { columnsOf } from '../schema/column.ts';
import type { RenderWorkbook, SheetSpec, WorkbookJob } from './xlsx.ts';
import { t } from '../i18n/zh-CN.ts';
import { rowsPath } from './tables.ts';

export interface SheetRef {
  /** Site path of the workbook. */
  path: string;
  /** The sheet of the announcement's kind in it. */
  sheet: string;
  /** The announcement's rows in that sheet, as a spreadsheet numbers them (the header is row 1); `to` < `from` when it has none. */
  from: number;
  to: number;
}

/** The first sheet of every region's workbook. */
export const INDEX_SHEET = '目录';

export const regionWorkbookPath = (code: string) => `/regions/${code}/announcements.xlsx`;

/** The sheet of a kind of announcement: its Chinese name (at most 31 characters, none of []:*?/\). */
export const kindSheetName = (kind: Kind): string => KIND_LABELS[kind];

/**
 * The region whose workbook holds the announcements `code` issued: a county's are in its parent's
 * (its city's, or its province's where the province is its parent), anything else in its own. A
 * national site has 2,800 issuing counties: a workbook each cost 25 MB more (every workbook
 * carries its own styles, theme and parts, and a county's few rows compress poorly).
 */
export function workbookOwner(model: Model, code: string): string {
  // Up to the nearest region that is not a county (a region table may nest a county in another).
  let owner = code;
  for (let r = model.regions.get(owner); r?.level === 'county' && r.parent; r = model.regions.get(owner)) owner = r.parent;
  return owner;
}

const books = new WeakMap<Model, Map<string, Announcement[]>>();

/**
 * Each workbook's announcements, by owner in code order: the owner's own first, then each county's
 * by code; each region's newest first (as it issued them).
 */
export function workbookAnnouncements(model: Model): Map<string, Announcement[]> {
  let m = books.get(model);
  if (!m) {
    m = new Map();
    for (const code of [...model.announcementsIssuedBy.keys()].sort()) {
      const owner = workbookOwner(model, code);
      let list = m.get(owner);
      if (!list) m.set(owner, (list = []));
      for (const a of model.announcementsIssuedBy.get(code)!) list.push(a);
    }
    m = new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    books.set(model, m);
  }
  return m;
}

const cache = new WeakMap<Model, Map<string, SheetRef>>();

/** Announcement id → its workbook, sheet and rows (computed once per model). */
export function workbookSheets(model: Model): Map<string, SheetRef> {
  let m = cache.get(model);
  if (!m) {
    m = new Map();
    for (const [owner, list] of workbookAnnouncements(model)) {
      const next = new Map<Kind, number>();
      for (const a of list) {
        const from = next.get(a.kind) ?? 2;
        next.set(a.kind, from + a.rows.length);
        m.set(a.id, { path: regionWorkbookPath(owner), sheet: kindSheetName(a.kind), from, to: from + a.rows.length - 1 });
      }
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
  if (!a || !ref || a.rows.length === 0) return [];
  const rows = rowsPath(a.kind);
  return [
    { href: ref.path, label: t.files.workbook, note: t.files.workbookNote(workbookName(model, workbookOwner(model, a.meta.region)), ref.sheet, sheetRows(ref)) },
    { href: rows, label: rows.endsWith('.gz') ? t.files.rowsCsvGz : t.files.rowsCsv, note: t.files.rowsCsvNote(id) },
  ];
}

const ID_FIELD = derivedField('announcement_id', '公告编号', 'string', '本行所在公告的编号', { text: true, width: 24 });

/**
 * The sheet of one kind: the announcements' id, then the kind's columns that any of them has, in
 * the table schema's order (Chinese headers, labels), then their extra columns in order of first
 * appearance; each announcement's rows in file order, blank where its file has no such column.
 */
export function kindSheet(model: Model, kind: Kind, list: readonly Announcement[]): SheetSpec {
  const used = new Set<string>();
  const extras: string[] = [];
  for (const a of list) {
    for (const c of a.columns) used.add(c);
    for (const x of a.extraColumns) if (!extras.includes(x)) extras.push(x);
  }
  const columns = columnsOf(TABLE_SCHEMAS[kind]).filter((c) => used.has(c.name));
  const fields: ExportField[] = [
    ID_FIELD,
    ...columns.map((c) => columnField(c.name, c.meta, c.schema)),
    ...extras.map((x) => derivedField(x, x, 'string', '附加列')),
  ];
  const industry = (v: unknown) => (typeof v === 'string' ? (model.taxonomy.get(v)?.name ?? v) : v);
  const rows: unknown[][] = [];
  for (const a of list) {
    const has = new Set(a.columns);
    for (const r of a.rows as Announcement['rows']) {
      const data = r.data as unknown as Record<string, unknown>;
      rows.push([
        a.id,
        ...columns.map((c) => (!has.has(c.name) ? undefined : c.name === 'industry' ? industry(data[c.name]) : data[c.name])),
        ...extras.map((x) => r.extra[x]),
      ]);
    }
  }
  return { name: kindSheetName(kind), fields, labels: true, rows };
}

const INDEX_FIELDS: ExportField[] = [
  derivedField('sheet', '工作表', 'string', '本公告的表格所在的工作表', { width: 16 }),
  derivedField('sheet_rows', '所在行', 'string', '本公告的表格在该工作表中的行', { width: 10 }),
  derivedField('title', '公告标题', 'string', '公告标题', { width: 44 }),
  derivedField('region', '发布地区', 'string', '发布本公告的地区', { width: 12 }),
  derivedField('kind', '类别', 'string', '公告类别', { width: 14 }),
  derivedField('published', '发布日期', 'date', '发布日期', { text: true, width: 12 }),
  derivedField('year', '年度', 'integer', '工作年度', { width: 8 }),
  derivedField('doc_number', '文号', 'string', '发文字号', { width: 22 }),
  derivedField('rows', '行数', 'integer', '表格行数', { width: 8 }),
  derivedField('superseded_by', '已被更正', 'string', '更正本公告的公告编号', { text: true, width: 24 }),
  derivedField('id', '公告编号', 'string', '公告编号', { text: true, width: 24 }),
  derivedField('page', '公告页面', 'string', '公告页面的网址', { width: 50 }),
];

/** The regions with a workbook, in code order. */
export const workbookOwners = (model: Model): string[] => [...workbookAnnouncements(model).keys()];

const names = new WeakMap<Model, Map<string, string>>();

/**
 * What a workbook holds, by its owner: 咸宁市及所辖各县（市、区）, or a region's own name when no
 * county's announcements are in it. Worked out once per model: every announcement page names it.
 */
export function workbookName(model: Model, owner: string): string {
  let m = names.get(model);
  if (!m) {
    m = new Map();
    for (const [code, list] of workbookAnnouncements(model)) {
      const name = model.regions.get(code)?.name ?? code;
      m.set(code, list.some((a) => a.meta.region !== code) ? t.files.regionAndCounties(name) : name);
    }
    names.set(model, m);
  }
  return m.get(owner) ?? model.regions.get(owner)?.name ?? owner;
}

/** The rows of a sheet an announcement's table takes, as a spreadsheet user reads them: 2–7 (empty when it has none). */
export const sheetRows = (ref: SheetRef): string => (ref.to < ref.from ? '' : ref.to === ref.from ? String(ref.from) : `${ref.from}–${ref.to}`);

/** The workbook of an issuing region as a job to write: an index sheet, then a sheet per kind of announcement. */
export function regionWorkbookJob(model: Model, site: URL, creator: string, code: string, refs: ReadonlyMap<string, SheetRef> = workbookSheets(model)): WorkbookJob {
  const list = workbookAnnouncements(model).get(code)!;
  const at = list.map((a) => refs.get(a.id)!);
  const pages = list.map((a) => new URL(`/announcements/${a.id}/`, site).href);
  const rows = list.map((a, i) => [at[i]!.sheet, sheetRows(at[i]!), a.meta.title, model.regions.get(a.meta.region)?.name ?? a.meta.region, KIND_LABELS[a.kind], a.meta.published, a.meta.year, a.meta.doc_number, a.rows.length, model.supersededBy.get(a.id), a.id, pages[i]]);
  const index: SheetSpec = {
    name: INDEX_SHEET, fields: INDEX_FIELDS, rows,
    links: { sheet: at.map((ref) => `#'${ref.sheet}'!A${ref.to < ref.from ? 1 : ref.from}`), page: pages },
  };
  const kinds: Kind[] = [];
  for (const a of list) if (!kinds.includes(a.kind)) kinds.push(a.kind);
  kinds.sort((x, y) => KINDS.indexOf(x) - KINDS.indexOf(y));
  const sheets = [index, ...kinds.map((k) => kindSheet(model, k, list.filter((a) => a.kind === k)))];
  return { path: regionWorkbookPath(code), sheets, opts: { date: model.asOf, title: t.files.regionWorkbook(workbookName(model, code)), creator } };
}

/** Each workbook, by its owner in code order, written by `render` (its job made only if the writer needs it). */
export async function* regionWorkbooks(model: Model, site: URL, creator: string, render: RenderWorkbook): AsyncGenerator<{ code: string; path: string; content: Uint8Array }> {
  // A few are asked for at once: an in-process writer waits on its zip streams between entries,
  // and another workbook fills those waits. They are yielded in code order.
  const LOOKAHEAD = 4;
  const refs = workbookSheets(model);
  const codes = workbookOwners(model);
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
