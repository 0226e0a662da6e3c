import { z } from 'zod';
import { AnnouncementMetaSchema, KINDS, TABLE_SCHEMAS, type AnnouncementMeta, type Kind } from '../schema/announcement.ts';
import { IndustryCsvRowSchema, type Industry } from '../schema/industry.ts';
import type { Lock } from '../schema/lock.ts';
import type { Problem, Report } from '../schema/problem.ts';
import { RegionCsvRowSchema, type RegionCsvRow } from '../schema/region.ts';
import { problem } from '../problems/catalogue.ts';
import { parseFrontMatter } from '../read/frontmatter.ts';
import { buildTaxonomy, normaliseUnit, type Taxonomy } from '../reference/industries.ts';
import { decodeFile, readDataRoot, type RawAnnouncement, type RawDataRoot, type RawFile } from '../read/load.ts';
import { checkLock, parseLock, type AnnouncementFiles } from './lock.ts';
import { normaliseDocNumber, toHalfWidth, trimCell } from '../text/normalize.ts';
import { byPublication, type Announcement } from './record.ts';
import { buildRegionTable, type RegionTable } from '../reference/regions.ts';
import { checkSilentlyDropped } from './rules/corrections.ts';
import { checkNotInPlan, checkReReported, checkStatusRegressed, LineIndex } from './rules/lines.ts';
import { checkAssessmentRows, checkCardRows, checkLineRows, checkTargetRows, type RowContext } from './rules/rows.ts';
import { checkSupersedes, supersededIds } from './rules/supersedes.ts';
import { checkTargetsExceed } from './rules/targets.ts';
import { readTable, type Row } from './table.ts';

export interface ValidatedRecord {
  /** Announcements whose front matter and files are usable, sorted by id. */
  announcements: Announcement[];
  /** The same announcements in publication order (published, then id): the order every rule and derivation walks. */
  chronological: Announcement[];
  /** Ids of announcements whose `supersedes` is valid (the corrections). */
  corrections: Set<string>;
  /** Ids of announcements a valid correction supersedes (no longer in force). */
  superseded: Set<string>;
  taxonomy: Taxonomy;
  regions: RegionTable;
  /** `published.lock` as read (empty when there is none or it is broken). */
  lock: Lock;
  report: Report;
}

/** Validates the data root at `root`: every file, every rule, all problems in one report. */
export function validateDataRoot(root: string): ValidatedRecord {
  return validateRaw(readDataRoot(root));
}

export function validateRaw(raw: RawDataRoot): ValidatedRecord {
  const problems: Problem[] = [...raw.problems];
  const regions = buildRegionTable(raw.regions ? readRegionsCsv(raw.regions, problems) : []);
  const taxonomy = buildTaxonomy(raw.industries ? readIndustriesCsv(raw.industries, problems) : []);
  const { lock, problems: lockProblems } = parseLock(raw.lock ? decodeFile(raw.lock).decoded.text : undefined);
  problems.push(...lockProblems);

  const announcements: Announcement[] = [];
  for (const a of raw.announcements) {
    const ann = readAnnouncement(a, taxonomy, regions, problems);
    if (ann) announcements.push(ann);
  }
  announcements.sort((x, y) => (x.id < y.id ? -1 : 1));

  const { problems: supProblems, valid } = checkSupersedes(announcements);
  problems.push(...supProblems);
  const superseded = supersededIds(announcements, valid);
  // In publication order, which the rules across announcements walk (sorting sorted input is one pass).
  const chronological = inPublicationOrder(announcements);
  const inForce = chronological.filter((a) => !superseded.has(a.id));
  const lines = new LineIndex();
  problems.push(
    ...checkReReported(inForce, lines),
    ...checkStatusRegressed(inForce, lines),
    ...checkNotInPlan(announcements, regions, lines),
    ...checkSilentlyDropped(announcements, valid),
    ...checkTargetsExceed(inForce, regions, taxonomy),
  );
  if (raw.lock) {
    const files: AnnouncementFiles[] = raw.announcements.map((a) => ({
      id: a.id,
      mdFile: a.md?.path ?? `announcements/${a.dir}/${a.id}.md`,
      csvFile: a.csv?.path ?? `announcements/${a.dir}/${a.id}.csv`,
      md: a.md?.bytes,
      csv: a.csv?.bytes,
    }));
    problems.push(...checkLock(lock, files));
  } else {
    for (const a of raw.announcements) problems.push(problem('not-locked', { file: a.md?.path ?? a.csv!.path }, { value: a.id }));
  }
  return { announcements, chronological, corrections: valid, superseded, taxonomy, regions, lock, report: toReport(problems) };
}

/** byPublication's order, sorting on the date as a number (one parse per announcement, not per comparison). */
function inPublicationOrder(announcements: readonly Announcement[]): Announcement[] {
  const keyed = announcements.map((a) => ({ a, day: Number(a.meta.published.replaceAll('-', '')) }));
  keyed.sort((x, y) => x.day - y.day || byPublication(x.a, y.a));
  return keyed.map((k) => k.a);
}

/** Sorts problems by file, then line (whole-file problems first), keeping discovery order otherwise. */
export function toReport(problems: readonly Problem[]): Report {
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i))
    .map(({ p }) => p);
  return {
    errors: sorted.filter((p) => p.severity === 'error').length,
    warnings: sorted.filter((p) => p.severity === 'warning').length,
    problems: sorted,
  };
}

// ── one announcement ────────────────────────────────────────────────────────────────────────

const KEY_HELP: Record<string, string> = {
  title: '标题按公告原文填写。',
  kind: `类别只能是：plan（计划淘汰名单）、completion（完成名单）、target（目标任务）、assessment（考核结果）、cards（红黄牌名单）。`,
  region: '填发布地区的6位行政区划代码，全国为 "000000"。',
  year: '填公告所针对的年度，如 2025。',
  issuer: '填发布机关全称，如 楚雄州工业和信息化委员会。',
  published: '填发布日期，格式 YYYY-MM-DD，如 2025-04-28。',
  doc_number: '填文号，如 楚工信通〔2025〕131号。',
  supersedes: '填被更正公告的编号（文件名，不含 .md）。',
  correction_note: '写明更正了什么、为什么。',
  contact: '写成 contact: { name: 张三, phone: 0878-1234567, email: a@b.cn }。',
  sources: '写成列表，每项含 title 与 url（http 或 https 开头）。',
  comment_period: '写成 comment_period: { from: 2025-04-28, to: 2025-05-07, channel: 意见反馈渠道 }，日期格式 YYYY-MM-DD。',
  example: '示例数据填 true。',
  format: '数据格式版本，目前只能是 1。',
};

/** Normalises what YAML gives for front matter as offices write it. */
function normaliseMeta(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  if (typeof out.region === 'number' && Number.isInteger(out.region)) out.region = String(out.region).padStart(6, '0');
  if (typeof out.region === 'string') out.region = toHalfWidth(trimCell(out.region));
  if (typeof out.year === 'string' && /^\s*\d{4}\s*$/.test(toHalfWidth(out.year))) out.year = Number(toHalfWidth(out.year).trim());
  if (out.published instanceof Date) out.published = out.published.toISOString().slice(0, 10);
  if (typeof out.published === 'string') out.published = toHalfWidth(trimCell(out.published));
  if (typeof out.doc_number === 'string') out.doc_number = normaliseDocNumber(out.doc_number);
  if (typeof out.doc_number === 'number') out.doc_number = String(out.doc_number);
  if (typeof out.title === 'string') out.title = trimCell(out.title);
  if (typeof out.issuer === 'string') out.issuer = trimCell(out.issuer);
  if (typeof out.kind === 'string') out.kind = trimCell(out.kind).toLowerCase();
  if (typeof out.supersedes === 'string') out.supersedes = trimCell(out.supersedes);
  if (out.contact && typeof out.contact === 'object') {
    const c = { ...(out.contact as Record<string, unknown>) };
    for (const k of Object.keys(c)) if (typeof c[k] === 'number') c[k] = String(c[k]);
    out.contact = c;
  }
  return out;
}

function readAnnouncement(a: RawAnnouncement, taxonomy: Taxonomy, regions: RegionTable, problems: Problem[]): Announcement | undefined {
  if (!a.md) problems.push(problem('missing-md', { file: a.csv!.path }, { value: a.id }));
  if (!a.csv) problems.push(problem('missing-csv', { file: a.md!.path }, { value: a.id }));
  let meta: AnnouncementMeta | undefined;
  let kind: Kind | undefined;
  let region = '000000';
  let published = '9999-12-31';
  let body = '';
  let bodyLine = 1;
  let keyLines: Record<string, number> = {};
  if (a.md && a.md.bytes.length > 0) {
    const { decoded, problems: enc } = decodeFile(a.md);
    problems.push(...enc);
    // Bytes that are no text (reported as bad-encoding) have no front matter worth checking.
    const fm = decoded.unreadable ? undefined : parseFrontMatter(decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text);
    if (fm && !fm.ok) {
      problems.push(fm.reason === 'missing' ? problem('frontmatter-missing', { file: a.md.path, line: 1 }) : problem('frontmatter-syntax', { file: a.md.path, line: fm.line }, { detail: fm.detail }));
    } else if (fm?.ok) {
      ({ body, bodyLine, keyLines } = fm.value);
      const data = normaliseMeta(fm.value.data);
      const parsed = AnnouncementMetaSchema.safeParse(data);
      if (parsed.success) {
        meta = parsed.data;
        if (meta.supersedes !== undefined && meta.correction_note === undefined) {
          problems.push(problem('missing-correction-note', { file: a.md.path, line: keyLines.supersedes, column: 'correction_note' }));
          meta = undefined;
        } else if (String(meta.year) !== a.dir) {
          problems.push(problem('year-mismatch', { file: a.md.path, line: keyLines.year, column: 'year' }, { value: meta.year, dir: `announcements/${a.dir}/` }));
        }
        if (meta && !regions.get(meta.region)) {
          problems.push(problem('unknown-region', { file: a.md.path, line: keyLines.region, column: 'region' }, { value: meta.region }));
          meta = undefined;
        }
      } else {
        const reported = new Set<string>();
        for (const issue of parsed.error.issues) {
          // One issue lists every unknown key of an object: report each of them.
          const each = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => ({ ...issue, keys: [k] })) : [issue];
          for (const i of each) {
            // A value can fail several checks (format, then "no such day"): say the first.
            const path = `${i.path.join('.')}|${i.code === 'unrecognized_keys' ? i.keys[0] : ''}`;
            if (reported.has(path)) continue;
            reported.add(path);
            problems.push(metaProblem(i, data, keyLines, a.md.path));
          }
        }
      }
      // Even with broken front matter, check the table as well as we can.
      const k = data.kind;
      if (typeof k === 'string' && (KINDS as readonly string[]).includes(k)) kind = k as Kind;
      if (typeof data.region === 'string' && regions.get(data.region)) region = data.region;
      if (typeof data.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.published)) published = data.published;
    }
  } else if (a.md && !a.md.tooLarge) {
    problems.push(problem('empty-file', { file: a.md.path }));
  }
  if (!a.csv) return undefined;
  if (a.csv.bytes.length === 0) {
    if (!a.csv.tooLarge) problems.push(problem('empty-file', { file: a.csv.path }));
    return undefined;
  }
  const { decoded, problems: enc } = decodeFile(a.csv);
  problems.push(...enc);
  // Unreadable bytes (reported as bad-encoding) have no cells worth checking; without a kind
  // (broken front matter) the columns are unknown, and only the file's encoding can be checked.
  if (decoded.unreadable || !kind) return undefined;
  const file = a.csv.path;
  const table = readTable<Row<never>['data']>(decoded.text, TABLE_SCHEMAS[kind], kind, { file, taxonomy, regions });
  problems.push(...table.problems);
  const ctx: RowContext = { file, meta: { kind, region, published }, taxonomy, regions };
  const rows = table.rows as Row<never>[];
  switch (kind) {
    case 'plan':
    case 'completion':
      problems.push(...checkLineRows(rows, ctx));
      break;
    case 'target':
      problems.push(...checkTargetRows(rows, ctx));
      break;
    case 'assessment':
      problems.push(...checkAssessmentRows(rows, ctx));
      break;
    case 'cards':
      problems.push(...checkCardRows(rows, ctx));
      break;
  }
  if (!meta || !a.md) return undefined;
  return {
    id: a.id, kind, meta, mdFile: a.md.path, csvFile: file, body, bodyLine, keyLines,
    rows, columns: table.columns, extraColumns: table.extraColumns,
  } as Announcement;
}

function metaProblem(issue: z.core.$ZodIssue, data: Record<string, unknown>, keyLines: Record<string, number>, file: string): Problem {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const path = [...issue.path.map(String), key].join('.');
    return problem('unknown-key', { file, line: keyLines[String(issue.path[0] ?? key)], column: path }, { value: path });
  }
  const key = String(issue.path[0] ?? '');
  const path = issue.path.map(String).join('.');
  const value = data[key];
  if (value === undefined || value === null) return problem('missing-key', { file, line: keyLines[key] ?? 1, column: key }, { about: KEY_HELP[key] });
  // Show the offending value itself (e.g. the url of sources[0]), not the whole key's value.
  const leaf = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
  const offending = leaf === undefined ? value : leaf;
  const shown = typeof offending === 'object' ? JSON.stringify(offending) : String(offending);
  const detail = issue.code === 'invalid_type' ? `应为${issue.expected === 'number' ? '数字' : issue.expected === 'string' ? '文字' : issue.expected === 'boolean' ? ' true 或 false' : issue.expected}` : issue.code === 'invalid_value' ? '不是允许的取值' : issue.code === 'invalid_format' ? '格式不对' : issue.code === 'too_big' ? '太长或太大' : issue.code === 'too_small' ? '太短或太小' : issue.message;
  return problem('bad-value', { file, line: keyLines[key] ?? 1, column: path }, { value: shown, detail, about: KEY_HELP[key] });
}

// ── reference tables ────────────────────────────────────────────────────────────────────────

const splitList = (s: string | undefined) => (s ?? '').split(/[;；、]/).map((x) => trimCell(x)).filter(Boolean);

function readIndustriesCsv(f: RawFile, problems: Problem[]): Industry[] {
  const { decoded, problems: enc } = decodeFile(f);
  problems.push(...enc);
  if (decoded.unreadable) return [];
  const base = buildTaxonomy();
  const t = readTable<z.infer<typeof IndustryCsvRowSchema>>(decoded.text, IndustryCsvRowSchema, 'reference', { file: f.path, taxonomy: base, regions: buildRegionTable() });
  problems.push(...t.problems);
  const out: Industry[] = [];
  for (const r of t.rows) {
    const existing = base.get(r.data.id) ?? base.industries.find((i) => i.name === r.data.name);
    const units = splitList(r.data.units).map(normaliseUnit);
    if (!existing && units.length === 0) {
      problems.push(problem('bad-reference-row', { file: f.path, line: r.line, column: 'units' }, { value: '', detail: '新增行业必须至少有一个单位', about: '在 units 中填该行业的产能单位，如 万吨。' }));
      continue;
    }
    out.push({ id: existing?.id ?? r.data.id, name: existing?.name ?? r.data.name, aliases: splitList(r.data.aliases), group: r.data.group ?? existing?.group ?? '其他', units, criterion: r.data.criterion ?? existing?.criterion ?? '' });
  }
  return out;
}

function readRegionsCsv(f: RawFile, problems: Problem[]): RegionCsvRow[] {
  const { decoded, problems: enc } = decodeFile(f);
  problems.push(...enc);
  if (decoded.unreadable) return [];
  const base = buildRegionTable();
  const t = readTable<RegionCsvRow>(decoded.text, RegionCsvRowSchema, 'reference', { file: f.path, taxonomy: buildTaxonomy(), regions: base });
  problems.push(...t.problems);
  const codes = new Set(t.rows.map((r) => r.data.code));
  return t.rows.filter((r) => {
    if (base.get(r.data.parent) || codes.has(r.data.parent)) return true;
    problems.push(problem('bad-reference-row', { file: f.path, line: r.line, column: 'parent' }, { value: r.data.parent, detail: '上级代码不存在', about: '上级代码须是已有的地区代码，或本文件中的另一行；省级填 000000。' }));
    return false;
  }).map((r) => r.data);
}
