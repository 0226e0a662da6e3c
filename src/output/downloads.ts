import { createHash } from 'node:crypto';
import { columnsOf, type ColumnMeta } from '../schema/column.ts';
import { KIND_LABELS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { announcementJson, announcementTable, toCsv } from './csv.ts';
import type { Model } from '../derive/model.ts';
import { statusLabel } from '../schema/line.ts';

/** One generated download: its site path, bytes as text, media type. */
export interface Download {
  path: string;
  content: string;
  mediaType: string;
  title: string;
}

const LINE_FIELDS = [
  ['line_key', 'string', '线的唯一键（省级代码前两位:清单编号）'],
  ['line_id', 'string', '清单编号'],
  ['enterprise_key', 'string', '企业页面的键（统一社会信用代码，或地区代码-名称散列）'],
  ['enterprise_name', 'string', '企业名称'],
  ['credit_code', 'string', '统一社会信用代码'],
  ['region_code', 'string', '行政区划代码'],
  ['region_name', 'string', '地区名称'],
  ['industry', 'string', '行业代码'],
  ['industry_name', 'string', '行业名称'],
  ['equipment', 'string', '设备名称及型号'],
  ['equipment_count', 'integer', '数量'],
  ['capacity', 'number', '产能'],
  ['capacity_unit', 'string', '产能单位'],
  ['deadline', 'string', '淘汰时限（YYYY-MM-DD 或 YYYY-MM）'],
  ['status', 'string', '当前状态'],
  ['status_label', 'string', '当前状态（中文）'],
  ['overdue', 'boolean', '是否逾期（截至数据日期）'],
  ['plan_year', 'integer', '首次列入计划的年度'],
  ['completed_year', 'integer', '首次报告完成的年度'],
  ['first_published', 'date', '首次公布日期'],
  ['last_changed', 'date', '最近变更日期'],
  ['announcements', 'string', '提到本线的公告编号，以分号分隔'],
  ['example', 'boolean', '是否示例数据'],
] as const;

const ANNOUNCEMENT_FIELDS = [
  ['id', 'string', '公告编号'], ['kind', 'string', '类别'], ['kind_label', 'string', '类别（中文）'], ['region', 'string', '发布地区代码'],
  ['year', 'integer', '年度'], ['title', 'string', '标题'], ['issuer', 'string', '发布机关'], ['published', 'date', '发布日期'],
  ['doc_number', 'string', '文号'], ['supersedes', 'string', '更正的公告'], ['superseded_by', 'string', '被哪条公告更正'],
  ['rows', 'integer', '表格行数'], ['example', 'boolean', '是否示例数据'], ['table', 'string', '表格 CSV 的路径'],
] as const;

function linesRows(model: Model): unknown[][] {
  return model.lines.map((l) => [
    l.key, l.row.line_id, l.enterpriseKey, l.row.enterprise_name, l.row.credit_code, l.row.region_code, model.regions.get(l.row.region_code)?.name,
    l.row.industry, model.taxonomy.get(l.row.industry)?.name, l.row.equipment, l.row.equipment_count ?? 1, l.row.capacity, l.row.capacity_unit,
    l.row.deadline, l.status, statusLabel(l.status), l.overdue, l.planYear, l.completedYear, l.firstPublished, l.lastChanged,
    l.mentions.map((m) => m.announcementId).join(';'), l.example,
  ]);
}

const bool = (v: unknown) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : v);

function tableSchemaField(name: string, meta: ColumnMeta) {
  const type = meta.type === 'integer' ? 'integer' : meta.type === 'decimal' ? 'number' : meta.type === 'yes-no' ? 'boolean' : meta.type === 'date' ? 'date' : 'string';
  const field: Record<string, unknown> = { name, title: meta.zh, type, description: meta.doc };
  if (meta.type === 'enum' && meta.labels) field.constraints = { enum: Object.keys(meta.labels) };
  if (type === 'boolean') Object.assign(field, { trueValues: ['是'], falseValues: ['否'] });
  return field;
}

/** Every download of the site, deterministic for the same model. */
export function downloads(model: Model): Download[] {
  const out: Download[] = [];
  const lineRows = linesRows(model);
  out.push({ path: '/data/lines.csv', mediaType: 'text/csv', title: '全部设备/生产线及当前状态（CSV）', content: toCsv(LINE_FIELDS.map((f) => f[0]), lineRows.map((r) => r.map(bool))) });
  out.push({
    path: '/data/lines.json', mediaType: 'application/json', title: '全部设备/生产线及当前状态（JSON）',
    content: `${JSON.stringify({ as_of: model.asOf, lines: lineRows.map((r) => Object.fromEntries(LINE_FIELDS.flatMap((f, i) => (r[i] === undefined ? [] : [[f[0], r[i]]])))) }, null, 1)}\n`,
  });
  const sorted = [...model.announcements].reverse();
  out.push({
    path: '/data/announcements.csv', mediaType: 'text/csv', title: '公告目录（CSV）',
    content: toCsv(ANNOUNCEMENT_FIELDS.map((f) => f[0]), sorted.map((a) => [a.id, a.kind, KIND_LABELS[a.kind], a.meta.region, a.meta.year, a.meta.title, a.meta.issuer, a.meta.published, a.meta.doc_number, a.meta.supersedes, model.supersededBy.get(a.id), a.rows.length, bool(a.meta.example === true), `/announcements/${a.id}/${a.id}.csv`])),
  });
  for (const a of sorted) {
    const { header, rows } = announcementTable(a);
    out.push({ path: `/announcements/${a.id}/${a.id}.csv`, mediaType: 'text/csv', title: a.meta.title, content: toCsv(header, rows) });
    out.push({ path: `/announcements/${a.id}/${a.id}.json`, mediaType: 'application/json', title: a.meta.title, content: announcementJson(a) });
  }
  const kindSchema = (kind: Kind, extra: readonly string[]) => ({
    fields: [...columnsOf(TABLE_SCHEMAS[kind]).map((c) => tableSchemaField(c.name, c.meta)), ...extra.map((x) => ({ name: x, type: 'string' }))],
  });
  const resources = [
    { name: 'lines', path: 'lines.csv', title: '全部设备/生产线及当前状态', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', schema: { fields: LINE_FIELDS.map(([name, type, description]) => ({ name, type, description })), primaryKey: ['line_key'] } },
    { name: 'announcements', path: 'announcements.csv', title: '公告目录', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', schema: { fields: ANNOUNCEMENT_FIELDS.map(([name, type, description]) => ({ name, type, description })), primaryKey: ['id'] } },
    ...sorted.map((a) => {
      const schema = kindSchema(a.kind, a.extraColumns);
      const present = new Set([...a.columns, ...a.extraColumns]);
      return { name: `announcement-${a.id}`, path: `../announcements/${a.id}/${a.id}.csv`, title: a.meta.title, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', schema: { fields: schema.fields.filter((f) => present.has(String(f.name))).sort((x, y) => [...present].indexOf(String(x.name)) - [...present].indexOf(String(y.name))) } };
    }),
  ];
  out.push({
    path: '/data/datapackage.json', mediaType: 'application/json', title: '数据包说明（datapackage.json）',
    content: `${JSON.stringify({ profile: 'tabular-data-package', name: 'phaseout', title: '淘汰落后产能公示数据', created: model.asOf, resources }, null, 2)}\n`,
  });
  const sums = out.map((d) => `${sha256(d.content)}  ${d.path.slice(1)}`).join('\n');
  out.push({ path: '/data/SHA256SUMS', mediaType: 'text/plain', title: 'SHA-256 校验值', content: `${sums}\n` });
  return out;
}

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

let cache: { model: Model; list: Download[]; byPath: Map<string, Download> } | undefined;
export function downloadsOf(model: Model): Download[] {
  return cached(model).list;
}
/** One download by its site path (endpoints look them up one by one: a map, not a scan). */
export function downloadAt(model: Model, path: string): Download | undefined {
  return cached(model).byPath.get(path);
}
function cached(model: Model) {
  if (cache?.model !== model) {
    const list = downloads(model);
    cache = { model, list, byPath: new Map(list.map((d) => [d.path, d])) };
  }
  return cache;
}
