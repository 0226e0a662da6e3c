import { z } from 'zod';
import { AnnouncementMetaSchema, KINDS, metaLabel, TABLE_SCHEMAS, type AnnouncementMeta, type Kind } from '../schema/announcement.ts';
import { IndustryCsvRowSchema, type Industry } from '../schema/industry.ts';
import type { Lock, References } from '../schema/lock.ts';
import type { Problem, Report } from '../schema/problem.ts';
import { RegionCsvRowSchema, type RegionCsvRow } from '../schema/region.ts';
import { problem } from '../problems/catalogue.ts';
import { issueDetail } from '../problems/zod-issues.ts';
import { parseFrontMatter } from '../read/frontmatter.ts';
import { buildTaxonomy, normaliseUnit, type Taxonomy } from '../reference/industries.ts';
import { decodeFile, readDataRoot, type RawAnnouncement, type RawDataRoot, type RawFile } from '../read/load.ts';
import { checkLock, checkLockRewritten, parseLock, type AnnouncementFiles, type BaseLock, type ParsedLock } from './lock.ts';
import { checkReferences, type ReferenceSources } from './references.ts';
import { formulaLead } from './cells.ts';
import { findInvisible, invisibleName, INVISIBLE, INVISIBLE_IN_MARKDOWN } from '../text/invisible.ts';
import { markdownExcess, renderMarkdown } from '../text/markdown.ts';
import { normaliseDocNumber, toHalfWidth, trimCell } from '../text/normalize.ts';
import { byPublication, type Announcement } from './record.ts';
import { buildRegionTable, type RegionTable } from '../reference/regions.ts';
import { checkSilentlyDropped } from './rules/corrections.ts';
import { checkLineIdentity, checkNotInPlan, checkReReported, checkStatusRegressed, LineIndex } from './rules/lines.ts';
import { checkAssessmentRows, checkCardRows, checkLineRows, checkTargetRows, EARLIEST, UNKNOWN_PUBLISHED, type RowContext } from './rules/rows.ts';
import { checkSupersedes, supersededIds } from './rules/supersedes.ts';
import { checkTargetsExceed } from './rules/targets.ts';
import { append, readTable, type Row } from './table.ts';

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
  /** What published rows resolved to when locked (the lock's `_references`), if it records it. */
  references?: References | undefined;
  report: Report;
}

/** What validation is told besides the data root. */
export interface ValidateOptions {
  /**
   * The day of validation (YYYY-MM-DD, in China): a `published` date later than it is
   * implausible. The clock is read by the command (scripts/validate.ts), never here; without it,
   * only dates before 2000 are implausible.
   */
  today?: string | undefined;
  /** `--base`: the lock at a git revision, which the lock now may extend but not rewrite. */
  base?: BaseLock | undefined;
}

/** Validates the data root at `root`: every file, every rule, all problems in one report. */
export function validateDataRoot(root: string, options: ValidateOptions = {}): ValidatedRecord {
  return validateRaw(readDataRoot(root), options);
}

export function validateRaw(raw: RawDataRoot, options: ValidateOptions = {}): ValidatedRecord {
  const problems: Problem[] = [];
  append(problems, raw.problems);
  const sources: ReferenceSources = { industries: new Map(), regions: new Map() };
  const regions = buildRegionTable(raw.regions ? readRegionsCsv(raw.regions, problems, sources) : []);
  const taxonomy = buildTaxonomy(raw.industries ? readIndustriesCsv(raw.industries, problems, sources) : []);
  const parsedLock: ParsedLock | undefined = raw.lock ? parseLock(decodeFile(raw.lock).decoded.text) : undefined;
  const lock = parsedLock?.lock ?? {};
  if (parsedLock) append(problems, parsedLock.problems);

  const announcements: Announcement[] = [];
  for (const a of raw.announcements) {
    const ann = readAnnouncement(a, taxonomy, regions, problems, options.today);
    if (ann) announcements.push(ann);
  }
  announcements.sort((x, y) => (x.id < y.id ? -1 : 1));

  const { problems: supProblems, valid } = checkSupersedes(announcements);
  append(problems, supProblems);
  append(problems, checkCorrectionDates(announcements, valid));
  const superseded = supersededIds(announcements, valid);
  // In publication order, which the rules across announcements walk (sorting sorted input is one pass).
  const chronological = inPublicationOrder(announcements);
  const inForce = chronological.filter((a) => !superseded.has(a.id));
  const lines = new LineIndex();
  append(problems, checkReReported(inForce, lines));
  append(problems, checkStatusRegressed(inForce, lines));
  append(problems, checkLineIdentity(inForce, lines, (r) => {
    const region = regions.get(r.region_code)?.name;
    const parts = [r.credit_code, region ? `${region} ${r.region_code}` : r.region_code, taxonomy.get(r.industry)?.name ?? r.industry];
    return `“${r.enterprise_name}”（${parts.filter(Boolean).join('，')}）`;
  }));
  append(problems, checkNotInPlan(announcements, regions, lines));
  append(problems, checkSilentlyDropped(announcements, valid));
  append(problems, checkTargetsExceed(inForce, regions, taxonomy));
  if (raw.lock) {
    const files: AnnouncementFiles[] = raw.announcements.map((a) => ({
      id: a.id,
      mdFile: a.md?.path ?? `announcements/${a.dir}/${a.id}.md`,
      csvFile: a.csv?.path ?? `announcements/${a.dir}/${a.id}.csv`,
      md: a.md?.bytes,
      csv: a.csv?.bytes,
    }));
    append(problems, checkLock(lock, files));
  } else {
    for (const a of raw.announcements) problems.push(problem('not-locked', { file: a.md?.path ?? a.csv!.path }, { value: a.id }));
  }
  if (parsedLock?.references) append(problems, checkReferences(parsedLock.references, taxonomy, regions, sources));
  // A lock that cannot be read is lock-syntax already (an error): compare only a readable lock, or none.
  if (options.base && !(parsedLock && parsedLock.problems.length > 0)) append(problems, checkLockRewritten(options.base, parsedLock));
  return { announcements, chronological, corrections: valid, superseded, taxonomy, regions, lock, references: parsedLock?.references, report: toReport(problems) };
}

/** correction-before-original: a valid correction published before the announcement it supersedes. */
function checkCorrectionDates(announcements: readonly Announcement[], valid: ReadonlySet<string>): Problem[] {
  const byId = new Map(announcements.map((a) => [a.id, a]));
  const out: Problem[] = [];
  for (const a of announcements) {
    if (!valid.has(a.id)) continue;
    const old = byId.get(a.meta.supersedes!)!;
    if (a.meta.published < old.meta.published) {
      out.push(problem('correction-before-original', { file: a.mdFile, line: a.keyLines.published, column: 'published' }, { value: a.meta.published, other: old.id, published: old.meta.published }));
    }
  }
  return out;
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
  let errors = 0;
  for (const p of sorted) if (p.severity === 'error') errors++;
  return { errors, warnings: sorted.length - errors, problems: sorted };
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
  example: '示例数据填 true。',
  format: '数据格式版本，目前只能是 1。',
  comment_period: '写成 comment_period: { from: "2026-05-01", to: "2026-05-07", channel: 提出异议的方式 }，结束日期不能早于开始日期。',
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
  if (out.comment_period && typeof out.comment_period === 'object' && !Array.isArray(out.comment_period)) {
    const c = { ...(out.comment_period as Record<string, unknown>) };
    for (const k of ['from', 'to'] as const) if (typeof c[k] === 'string') c[k] = toHalfWidth(trimCell(c[k]));
    if (typeof c.channel === 'string') c.channel = trimCell(c.channel);
    out.comment_period = c;
  }
  if (out.contact && typeof out.contact === 'object') {
    const c = { ...(out.contact as Record<string, unknown>) };
    for (const k of Object.keys(c)) if (typeof c[k] === 'number') c[k] = String(c[k]);
    out.contact = c;
  }
  return out;
}

function readAnnouncement(a: RawAnnouncement, taxonomy: Taxonomy, regions: RegionTable, problems: Problem[], today: string | undefined): Announcement | undefined {
  if (!a.md) problems.push(problem('missing-md', { file: a.csv!.path }, { value: a.id }));
  if (!a.csv) problems.push(problem('missing-csv', { file: a.md!.path }, { value: a.id }));
  let meta: AnnouncementMeta | undefined;
  let kind: Kind | undefined;
  let region = '000000';
  let published = UNKNOWN_PUBLISHED;
  let body = '';
  let bodyLine = 1;
  let keyLines: Record<string, number> = {};
  if (a.md && a.md.bytes.length > 0) {
    const { decoded, problems: enc } = decodeFile(a.md);
    append(problems, enc);
    // Bytes that are no text (reported as bad-encoding) have no front matter worth checking.
    const fm = decoded.unreadable ? undefined : parseFrontMatter(decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text);
    if (fm && !fm.ok) {
      problems.push(fm.reason === 'missing' ? problem('frontmatter-missing', { file: a.md.path, line: 1 }) : problem('frontmatter-syntax', { file: a.md.path, line: fm.line }, { detail: fm.detail }));
    } else if (fm?.ok) {
      ({ body, bodyLine, keyLines } = fm.value);
      const file = a.md.path;
      // What spreadsheets would run or readers cannot see, in the values as written.
      checkFrontMatterText(fm.value.data, keyLines, file, problems);
      const data = normaliseMeta(fm.value.data);
      const parsed = AnnouncementMetaSchema.safeParse(data);
      if (parsed.success) {
        meta = parsed.data;
        if (meta.supersedes !== undefined && meta.correction_note === undefined) {
          problems.push(problem('missing-correction-note', { file, line: keyLines.supersedes, column: 'correction_note' }));
          meta = undefined;
        } else if (String(meta.year) !== a.dir) {
          problems.push(problem('year-mismatch', { file, line: keyLines.year, column: 'year' }, { value: meta.year, dir: `announcements/${a.dir}/` }));
        }
        if (meta && meta.correction_note !== undefined && meta.supersedes === undefined) {
          problems.push(problem('correction-note-without-supersedes', { file, line: keyLines.correction_note, column: 'correction_note' }));
        }
        if (meta && !regions.get(meta.region)) {
          problems.push(problem('unknown-region', { file, line: keyLines.region, column: 'region' }, { value: meta.region }));
          meta = undefined;
        }
        if (meta) checkMetaDates(meta, keyLines, file, today, problems);
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
            problems.push(metaProblem(i, data, keyLines, file));
          }
        }
      }
      checkBody(body, bodyLine, file, problems);
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
  append(problems, enc);
  // Unreadable bytes (reported as bad-encoding) have no cells worth checking; without a kind
  // (broken front matter) the columns are unknown, and only the file's encoding can be checked.
  if (decoded.unreadable || !kind) return undefined;
  const file = a.csv.path;
  const table = readTable<Row<never>['data']>(decoded.text, TABLE_SCHEMAS[kind], kind, { file, taxonomy, regions });
  append(problems, table.problems);
  const ctx: RowContext = { file, meta: { kind, region, published }, taxonomy, regions, english: table.english ? 1 : undefined };
  const rows = table.rows as Row<never>[];
  switch (kind) {
    case 'plan':
    case 'completion':
      append(problems, checkLineRows(rows, ctx));
      break;
    case 'target':
      append(problems, checkTargetRows(rows, ctx));
      break;
    case 'assessment':
      append(problems, checkAssessmentRows(rows, ctx));
      break;
    case 'cards':
      append(problems, checkCardRows(rows, ctx));
      break;
  }
  if (!meta || !a.md) return undefined;
  return {
    id: a.id, kind, meta, mdFile: a.md.path, csvFile: file, body, bodyLine, keyLines,
    rows, columns: table.columns, extraColumns: table.extraColumns,
  } as Announcement;
}

/** Front-matter keys whose text a spreadsheet may be given (the site's downloads carry them): formula-cell applies. */
const FORMULA_KEYS = new Set(['title', 'issuer', 'doc_number', 'correction_note', 'contact.name', 'contact.phone', 'contact.email', 'sources.title', 'comment_period.channel']);

/**
 * invisible-character in any text of the front matter, and formula-cell in the texts spreadsheets
 * may be given; each placed at its top-level key's line, with the key's path as its column.
 * Walks the values without recursion.
 */
function checkFrontMatterText(data: Record<string, unknown>, keyLines: Record<string, number>, file: string, problems: Problem[]): void {
  const stack: { value: unknown; path: string[] }[] = [];
  for (const key of Object.keys(data)) stack.push({ value: data[key], path: [key] });
  stack.reverse();
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const column = path.join('.');
      const where = { file, line: keyLines[path[0]!], column };
      const text = value.trim();
      const hit = findInvisible(text, 0, INVISIBLE);
      if (hit) {
        problems.push(problem('invisible-character', where, { zh: `字段 ${column}`, value, position: hit.position, name: invisibleName(hit.char) }));
        continue;
      }
      // sources.0.title is checked as sources.title.
      if (FORMULA_KEYS.has(path.filter((p) => !/^\d+$/.test(p)).join('.'))) {
        const lead = formulaLead(value);
        const first = text.charCodeAt(0);
        if (lead !== undefined) problems.push(problem('formula-cell', where, { zh: `字段 ${column}`, value, first: lead === '\t' ? '制表符' : '换行符' }));
        else if (first === 61 || first === 43 || first === 45 || first === 64) problems.push(problem('formula-cell', where, { zh: `字段 ${column}`, value, first: text[0] }));
      }
    } else if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
}

/** implausible-date: a publication after the day of validation, or any front-matter date before 2000. */
function checkMetaDates(meta: AnnouncementMeta, keyLines: Record<string, number>, file: string, today: string | undefined, problems: Problem[]): void {
  const at = (column: string) => ({ file, line: keyLines[column.split('.')[0]!], column });
  if (today !== undefined && meta.published > today) problems.push(problem('implausible-date', at('published'), { zh: '发布日期', value: meta.published, future: 1, today }));
  if (meta.published < EARLIEST) problems.push(problem('implausible-date', at('published'), { zh: '发布日期', value: meta.published }));
  for (const k of ['from', 'to'] as const) {
    const v = meta.comment_period?.[k];
    if (v !== undefined && v < EARLIEST) problems.push(problem('implausible-date', at(`comment_period.${k}`), { zh: `公示期${k === 'from' ? '开始' : '结束'}日期`, value: v }));
  }
}

/** Bodies at least this long are rendered by the site's renderer as a check; shorter ones within MARKDOWN_LIMITS cannot come near its limits. */
const RENDER_CHECK_CHARS = 2000;

/**
 * The announcement's Markdown: invisible characters (a tab is indentation there), and whether the
 * site can render it (body-unrenderable instead of a build that crashes).
 */
function checkBody(body: string, bodyLine: number, file: string, problems: Problem[]): void {
  if (INVISIBLE_IN_MARKDOWN.test(body)) {
    // The first invisible character of each line that has one.
    let line = bodyLine;
    for (let start = 0; start < body.length; line++) {
      let end = body.indexOf('\n', start);
      if (end < 0) end = body.length;
      const hit = findInvisible(body.slice(start, end), 0, INVISIBLE_IN_MARKDOWN);
      if (hit) problems.push(problem('invisible-character', { file, line }, { zh: '公告正文这一行', position: hit.position, name: invisibleName(hit.char) }));
      start = end + 1;
    }
  }
  const excess = markdownExcess(body);
  if (excess) {
    problems.push(problem('body-unrenderable', { file, line: bodyLine + excess.line - 1 }, { detail: excess.detail }));
    return;
  }
  if (body.length >= RENDER_CHECK_CHARS) {
    try {
      renderMarkdown(body);
    } catch {
      problems.push(problem('body-unrenderable', { file, line: bodyLine }, { detail: '正文的结构太复杂' }));
    }
  }
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
  if (value === undefined || value === null) return problem('missing-key', { file, line: keyLines[key] ?? 1, column: key }, { about: KEY_HELP[key], zh: metaLabel(key) });
  // Show the offending value itself (e.g. the url of sources[0]), not the whole key's value.
  const leaf = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
  const offending = leaf === undefined ? value : leaf;
  const shown = typeof offending === 'object' ? JSON.stringify(offending) : String(offending);
  return problem('bad-value', { file, line: keyLines[key] ?? 1, column: path }, { value: shown, detail: issueDetail(issue), about: KEY_HELP[key], zh: metaLabel(path) });
}

// ── reference tables ────────────────────────────────────────────────────────────────────────

const splitList = (s: string | undefined) => (s ?? '').split(/[;；、]/).map((x) => trimCell(x)).filter(Boolean);

function readIndustriesCsv(f: RawFile, problems: Problem[], sources: ReferenceSources): Industry[] {
  const { decoded, problems: enc } = decodeFile(f);
  append(problems, enc);
  if (decoded.unreadable) return [];
  const base = buildTaxonomy();
  const t = readTable<z.infer<typeof IndustryCsvRowSchema>>(decoded.text, IndustryCsvRowSchema, 'reference', { file: f.path, taxonomy: base, regions: buildRegionTable() });
  append(problems, t.problems);
  const out: Industry[] = [];
  for (const r of t.rows) {
    const existing = base.get(r.data.id) ?? base.industries.find((i) => i.name === r.data.name);
    const units = splitList(r.data.units).map(normaliseUnit);
    if (!existing && units.length === 0) {
      problems.push(problem('bad-reference-row', { file: f.path, line: r.line, column: 'units' }, { value: '', detail: '新增行业必须至少有一个单位', about: '在 units 中填该行业的产能单位，如 万吨。' }));
      continue;
    }
    const aliases = splitList(r.data.aliases);
    for (const [spelling, column] of [[r.data.id, 'id'], [r.data.name, 'name'], ...aliases.map((x) => [x, 'aliases'])] as const) {
      if (!sources.industries.has(spelling)) sources.industries.set(spelling, { line: r.line, column });
    }
    out.push({ id: existing?.id ?? r.data.id, name: existing?.name ?? r.data.name, aliases, group: r.data.group ?? existing?.group ?? '其他', units, criterion: r.data.criterion ?? existing?.criterion ?? '' });
  }
  return out;
}

function readRegionsCsv(f: RawFile, problems: Problem[], sources: ReferenceSources): RegionCsvRow[] {
  const { decoded, problems: enc } = decodeFile(f);
  append(problems, enc);
  if (decoded.unreadable) return [];
  const base = buildRegionTable();
  const t = readTable<RegionCsvRow>(decoded.text, RegionCsvRowSchema, 'reference', { file: f.path, taxonomy: buildTaxonomy(), regions: base });
  append(problems, t.problems);
  const codes = new Set(t.rows.map((r) => r.data.code));
  return t.rows.filter((r) => {
    if (base.get(r.data.parent) || codes.has(r.data.parent)) {
      sources.regions.set(r.data.code, r.line); // a later row of a code replaces an earlier one, as in the table
      return true;
    }
    problems.push(problem('bad-reference-row', { file: f.path, line: r.line, column: 'parent' }, { value: r.data.parent, detail: '上级代码不存在', about: '上级代码须是已有的地区代码，或本文件中的另一行；省级填 000000。' }));
    return false;
  }).map((r) => r.data);
}
