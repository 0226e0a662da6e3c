/**
 * The national tables the site publishes under /data/: every line with its current state, the
 * catalogue of announcements, the regions the record uses, and every row of every announcement
 * by kind. Each table is its fields (src/output/fields.ts) and a function yielding its rows as
 * values in field order; the CSV, JSON, workbook and Data Package writers all read these.
 */
import { KIND_LABELS, KINDS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { REGION_LEVELS } from '../schema/region.ts';
import type { Model } from '../derive/model.ts';
import type { Announcement } from '../validate/record.ts';
import { derivedField, publishedFields, tableFields, type ExportField } from './fields.ts';
import { publishLine } from '../derive/published-line.ts';
import type { PublishedColumn } from '../schema/published-line.ts';
import { workbookSheets } from './workbooks.ts';
import { lineKey } from '../validate/rules/lines.ts';
import type { LineRow } from '../schema/line.ts';

export interface ForeignKey {
  fields: string[];
  /** `resource: ''` is the table itself. */
  reference: { resource: string; fields: string[] };
}

export interface ExportTable {
  /** Data Package resource name. */
  name: string;
  /** Path under /data/. */
  path: string;
  title: string;
  description: string;
  fields: readonly ExportField[];
  primaryKey?: string[];
  foreignKeys?: ForeignKey[];
  /** Its rows, values in the order of `fields` (undefined = blank). */
  rows(): Iterable<readonly unknown[]>;
  /**
   * Published gzip-compressed (`path` ends in .csv.gz), and so not a resource of the Data Package,
   * whose reference readers take plain CSV only; its Table Schema is published all the same.
   */
  gzip?: boolean;
}

/**
 * A table as people read it (lines-zh.csv, lines.xlsx): without the fields for programs only, whose
 * names or labels are other columns of the same row.
 */
export function forPeople(table: ExportTable): ExportTable {
  const keep = table.fields.flatMap((f, i) => (f.machine ? [] : [i]));
  return {
    ...table,
    fields: keep.map((i) => table.fields[i]!),
    *rows() {
      for (const r of table.rows()) yield keep.map((i) => r[i]);
    },
  };
}

const fk = (field: string, resource: string, target: string): ForeignKey => ({ fields: [field], reference: { resource, fields: [target] } });

const LINE_KEY = derivedField('line_key', '线的唯一键', 'string', '全国唯一：省级代码前两位、冒号、清单编号，如 42:XA-002；同一条线在各年公告中不变', { text: true, width: 20, constraints: { required: true, unique: true } });
const ANNOUNCEMENT_ID = derivedField('announcement_id', '公告编号', 'string', '本行所在公告的编号（见 announcements.csv）', { text: true, width: 24, constraints: { required: true } });
const SOURCE_LINE = derivedField('source_line', '原表行号', 'integer', '本行在公告表格（CSV 文件）中的行号，表头为第 1 行', { width: 8 });
const EXTRA = derivedField('extra', '附加列', 'object', '公告表格中以 x_ 开头的附加列，JSON 对象（列名 → 原文）', { width: 24 });

/** Every line with its current state: the published line's columns and values (src/schema/published-line.ts). */
function linesTable(model: Model): ExportTable {
  const fields = publishedFields();
  const names = fields.map((f) => f.name as PublishedColumn);
  return {
    name: 'lines', path: 'lines.csv', title: '全部设备/生产线及当前状态', fields,
    description: '每条设备/生产线一行：最近一份有效公告所列的情况，以及由全部公告得出的当前状态。',
    primaryKey: ['line_key'],
    foreignKeys: [fk('region_code', 'regions', 'code'), fk('latest_announcement', 'announcements', 'id')],
    *rows() {
      for (const l of model.lines) {
        const p = publishLine(model, l);
        yield names.map((n) => p[n]);
      }
    },
  };
}

/** The path of an announcement's page. */
export const announcementPage = (id: string) => `/announcements/${id}/`;

function announcementsTable(model: Model): ExportTable {
  const sheets = workbookSheets(model);
  const fields: ExportField[] = [
    derivedField('id', '公告编号', 'string', '公告编号，全国唯一', { text: true, width: 24, constraints: { required: true, unique: true } }),
    derivedField('kind', '类别', 'string', '公告类别', { constraints: { required: true, enum: [...KINDS] }, labels: KIND_LABELS, width: 12 }),
    derivedField('kind_label', '类别（中文）', 'string', '公告类别的中文名称', { width: 14 }),
    derivedField('region', '发布地区代码', 'string', '发布公告的地区的6位代码；000000 为全国', { text: true, width: 10, constraints: { required: true, pattern: '\\d{6}' } }),
    derivedField('region_name', '发布地区', 'string', '发布公告的地区的名称', { width: 12 }),
    derivedField('year', '年度', 'integer', '公告所涉的工作年度', { width: 8 }),
    derivedField('title', '标题', 'string', '公告标题，按原文', { width: 40 }),
    derivedField('issuer', '发布机关', 'string', '发布公告的机关', { width: 24 }),
    derivedField('published', '发布日期', 'date', '公告的发布日期', { text: true, width: 12 }),
    derivedField('doc_number', '文号', 'string', '发文字号', { width: 20 }),
    derivedField('supersedes', '更正的公告', 'string', '本公告更正（取代）的公告的编号', { text: true, width: 24 }),
    derivedField('superseded_by', '被哪条公告更正', 'string', '更正（取代）本公告的公告的编号；空白表示仍然有效', { text: true, width: 24 }),
    derivedField('correction_note', '更正说明', 'string', '更正了什么、为什么', { width: 40 }),
    derivedField('rows', '表格行数', 'integer', '公告表格的行数（表头除外）', { width: 8 }),
    derivedField('example', '是否示例数据', 'boolean', '标为示例（example: true）的公告', { width: 10 }),
    derivedField('page', '公告页面', 'string', '本站的公告页面（相对网站根的路径）', { width: 40 }),
    derivedField('workbook', '表格工作簿', 'string', '含本公告表格的 XLSX 工作簿（发布地区的全部公告，每类公告一个工作表）', { width: 36 }),
    derivedField('sheet', '工作表', 'string', '工作簿中本公告所在的工作表（按公告类别）', { width: 16 }),
    derivedField('sheet_first_row', '起始行', 'integer', '本公告的表格在该工作表中的第一行（表头为第 1 行）；没有行的公告为空', { width: 8 }),
    derivedField('sheet_last_row', '末行', 'integer', '本公告的表格在该工作表中的最后一行；没有行的公告为空', { width: 8 }),
  ];
  return {
    name: 'announcements', path: 'announcements.csv', title: '公告目录', fields,
    description: '全部公告，按发布日期从新到旧；每条公告的表格各行见 rows/ 下的文件。',
    primaryKey: ['id'],
    foreignKeys: [fk('region', 'regions', 'code'), fk('supersedes', '', 'id'), fk('superseded_by', '', 'id')],
    *rows() {
      for (const a of model.announcements) {
        const m = a.meta;
        const sheet = sheets.get(a.id)!;
        yield [
          a.id, a.kind, KIND_LABELS[a.kind], m.region, model.regions.get(m.region)?.name, m.year, m.title, m.issuer, m.published, m.doc_number,
          m.supersedes, model.supersededBy.get(a.id), m.correction_note, a.rows.length, m.example === true, announcementPage(a.id), sheet.path, sheet.sheet,
          ...(sheet.to < sheet.from ? [undefined, undefined] : [sheet.from, sheet.to]),
        ];
      }
    },
  };
}

function regionsTable(model: Model): ExportTable {
  const fields: ExportField[] = [
    derivedField('code', '行政区划代码', 'string', '6位行政区划代码（GB/T 2260）；000000 为全国', { text: true, width: 10, constraints: { required: true, unique: true, pattern: '\\d{6}' } }),
    derivedField('name', '名称', 'string', '地区名称', { width: 14 }),
    derivedField('level', '级别', 'string', '全国、省级、地级或县级', { constraints: { required: true, enum: [...REGION_LEVELS] }, width: 10 }),
    derivedField('parent', '上级代码', 'string', '上级地区的代码；全国为空', { text: true, width: 10 }),
    derivedField('valid_from', '启用日期', 'date', '历史代码的启用日期', { text: true, width: 12 }),
    derivedField('valid_to', '停用日期', 'date', '历史代码的停用日期', { text: true, width: 12 }),
    derivedField('page', '地区页面', 'string', '本站的地区页面（相对网站根的路径）', { width: 24 }),
  ];
  return {
    name: 'regions', path: 'regions.csv', title: '地区', fields,
    description: '本记录用到的全部地区及其上级，按代码排列。',
    primaryKey: ['code'],
    foreignKeys: [fk('parent', '', 'code')],
    *rows() {
      for (const code of model.regionList) {
        const r = model.regions.get(code);
        yield [code, r?.name ?? code, r?.level ?? 'county', r?.parent, r?.valid_from, r?.valid_to, `/regions/${code}/`];
      }
    },
  };
}

/**
 * The kinds whose rows share one file: plan and completion rows are both lines. Theirs is a
 * national record's largest file (61 MB at 100,000 lines, 12 MB gzipped), read by programs only
 * (each announcement's table is also its page and a block of its region's workbook), so it is
 * published gzipped: the national site must fit 1 GB.
 */
const ROW_FILES: readonly { name: string; file: string; title: string; kinds: readonly Kind[]; gzip?: boolean }[] = [
  { name: 'rows-lines', file: 'lines', title: '计划淘汰名单与完成名单的全部行', kinds: ['plan', 'completion'], gzip: true },
  { name: 'rows-targets', file: 'targets', title: '目标任务的全部行', kinds: ['target'] },
  { name: 'rows-assessments', file: 'assessments', title: '考核结果的全部行', kinds: ['assessment'] },
  { name: 'rows-cards', file: 'cards', title: '红黄牌名单的全部行', kinds: ['cards'] },
];

function rowsTable(model: Model, spec: (typeof ROW_FILES)[number]): ExportTable {
  const lines = spec.kinds.includes('plan');
  const columns = tableFields(TABLE_SCHEMAS[spec.kinds[0]!]);
  const fields: ExportField[] = [
    ANNOUNCEMENT_ID,
    ...(spec.kinds.length > 1 ? [derivedField('kind', '公告类别', 'string', '所在公告的类别', { constraints: { required: true, enum: [...spec.kinds] }, labels: KIND_LABELS, width: 10 })] : []),
    SOURCE_LINE,
    ...(lines ? [{ ...LINE_KEY, constraints: { required: true } }] : []),
    ...columns,
    EXTRA,
  ];
  const names = columns.map((c) => c.name);
  return {
    name: spec.name, path: rowsPath(spec.kinds[0]!).slice('/data/'.length), title: spec.title, fields, ...(spec.gzip && { gzip: true }),
    description: `${spec.kinds.map((k) => KIND_LABELS[k]).join('、')}各公告表格的每一行，按公告发布先后、表内顺序排列；已被更正的公告的行也在内（公告目录注明了它们被哪条公告更正）。`,
    foreignKeys: [fk('announcement_id', 'announcements', 'id'), fk('region_code', 'regions', 'code'), ...(lines ? [fk('line_key', 'lines', 'line_key')] : [])],
    *rows() {
      for (const a of model.chronological) {
        if (!spec.kinds.includes(a.kind)) continue;
        for (const r of a.rows as Announcement['rows']) {
          const data = r.data as unknown as Record<string, unknown>;
          const head: unknown[] = [a.id];
          if (spec.kinds.length > 1) head.push(a.kind);
          head.push(r.line);
          if (lines) head.push(lineKey(r.data as LineRow));
          const extra = a.extraColumns.length > 0 ? Object.fromEntries(a.extraColumns.flatMap((x) => (r.extra[x] ? [[x, r.extra[x]]] : []))) : undefined;
          yield [...head, ...names.map((n) => data[n]), extra && Object.keys(extra).length > 0 ? extra : undefined];
        }
      }
    },
  };
}

/** Every table of /data/, in the order the Data Package lists them (those not gzipped). */
export function exportTables(model: Model): ExportTable[] {
  return [linesTable(model), announcementsTable(model), regionsTable(model), ...ROW_FILES.map((s) => rowsTable(model, s))];
}

/** The site path of the file with every row of the announcements of a kind. */
export function rowsPath(kind: Kind): string {
  const f = ROW_FILES.find((x) => x.kinds.includes(kind))!;
  return `/data/rows/${f.file}.csv${f.gzip ? '.gz' : ''}`;
}
