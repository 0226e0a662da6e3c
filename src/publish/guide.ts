/**
 * The generated parts of docs/发布指南.md: front-matter keys, table columns, reference-table
 * columns, the industry list and the problem codes, all read from the schemas, the built-in
 * taxonomy and the catalogue, so the guide cannot drift from what the validator checks.
 * `npm run gen-docs` rewrites what lies between the marker comments; test/unit/docs.test.ts
 * fails when the committed guide differs.
 */
import type { z } from 'zod';
import { AnnouncementMetaSchema, KIND_LABELS, type Kind } from '../schema/announcement.ts';
import { columnsOf, type ColumnMeta } from '../schema/column.ts';
import { AssessmentRowSchema } from '../schema/assessment.ts';
import { CardRowSchema } from '../schema/cards.ts';
import { IndustryCsvRowSchema } from '../schema/industry.ts';
import { LineRowSchema } from '../schema/line.ts';
import { RegionCsvRowSchema } from '../schema/region.ts';
import { TargetRowSchema } from '../schema/target.ts';
import { CATALOGUE } from '../problems/catalogue.ts';
import { BUILTIN_INDUSTRIES } from '../reference/industries-builtin.ts';

export const GUIDE_PATH = 'docs/发布指南.md';

/** A table cell: one line, `|` escaped, angle brackets as entities so nothing reads as HTML. */
const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const code = (s: string) => `\`${s}\``;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

// ── front matter ────────────────────────────────────────────────────────────────────────────

/** What each front-matter key holds, for offices. Every key of the schema must be here. */
const KEY_DOCS: Readonly<Record<keyof typeof AnnouncementMetaSchema.shape, string>> = {
  title: '标题，按公告原文填写，如 咸安区2026年淘汰落后产能计划名单',
  kind: '类别：plan（计划淘汰名单）、completion（完成名单）、target（目标任务）、assessment（考核结果）、cards（红黄牌名单）',
  region: '发布地区的6位行政区划代码，用英文双引号括起来，如 "421202"；全国为 "000000"',
  year: '公告针对的年度，如 2026；公告要放在同一年份的目录 announcements/2026/ 中',
  issuer: '发布机关全称，如 咸安区经济和信息化局',
  published: '发布日期，YYYY-MM-DD，用英文双引号括起来，如 "2026-04-28"',
  doc_number: '文号，如 咸安经信发〔2026〕1号；[ ]、（ ）等括号会自动改为〔〕',
  supersedes: '本公告更正的公告编号（文件名，不含 .md）；须是同一类别、地区、年份的公告',
  correction_note: '更正说明：更正了什么、为什么；删去的行要写出清单编号或企业名称',
  contact: '监督举报联系方式，写成 { name: 联系人, phone: 电话, email: 邮箱 }，各项均可省略',
  sources: '原文出处列表，每项写成 { title: 标题, url: https://… }',
  comment_period: '公示期和提出异议的方式，写成 { from: "2026-05-01", to: "2026-05-07", channel: 电话、信箱或地址 }；结束日期不能早于开始日期；公告页面会显示公示期和反馈渠道',
  example: '示例数据填 true，网站上凡用到它的页面都会注明“示例数据”；真实公告不要写',
  format: '数据格式版本，目前只能是 1，可省略',
};

function requiredKey(key: string, schema: z.ZodType): string {
  if (key === 'correction_note') return '有 supersedes 时必填';
  return schema.safeParse(undefined).success ? '' : '必填';
}

export function frontMatterSection(): string {
  const rows = Object.entries(AnnouncementMetaSchema.shape).map(([key, schema]) => {
    const doc = (KEY_DOCS as Record<string, string>)[key];
    if (!doc) throw new Error(`front-matter key ${key} has no description in src/publish/guide.ts`);
    return [code(key), requiredKey(key, schema as z.ZodType), doc];
  });
  return table(['字段', '必填', '填写说明'], rows);
}

// ── table columns ───────────────────────────────────────────────────────────────────────────

function typeText(m: ColumnMeta): string {
  const unit = m.unit ? `，单位：${m.unit}` : '';
  switch (m.type) {
    case 'text': return `文字${m.max ? `，最多${m.max}字` : ''}`;
    case 'code': return '编号：字母、数字、“-”“_”（设为文本）';
    case 'credit-code': return '18位统一社会信用代码（设为文本）';
    case 'region': return '6位行政区划代码（设为文本）';
    case 'industry': return '行业名称、代码或别名';
    case 'unit': return '产能单位';
    case 'date': return '日期 YYYY-MM-DD（设为文本）';
    case 'date-or-month': return '日期 YYYY-MM-DD 或月份 YYYY-MM（设为文本）';
    case 'integer': return `整数${unit}`;
    case 'decimal': return `数字${unit}`;
    case 'yes-no': return '是/否';
    case 'stock-code': return '6位股票代码（设为文本）';
    case 'enum': {
      const values = Object.entries(m.labels ?? {}).map(([v, l]) => `${l}（${v}）`).join('、');
      const aliases = Object.keys(m.aliases ?? {});
      return `${values}${aliases.length ? `；也可写 ${aliases.join('、')}` : ''}`;
    }
  }
}

function requiredText(m: ColumnMeta): string {
  if (m.required === true) return '必填';
  if (Array.isArray(m.required)) return `${m.required.map((k) => KIND_LABELS[k as Kind] ?? k).join('、')}必填`;
  return '';
}

function columnsTable(schema: z.ZodObject): string {
  return table(['中文表头', '列名', '必填', '类型', '填写说明'], columnsOf(schema).map(({ name, meta }) => [meta.zh, code(name), requiredText(meta), typeText(meta), meta.doc]));
}

export function columnsSection(): string {
  const parts: [string, z.ZodObject][] = [
    ['计划淘汰名单（plan）和完成名单（completion）：每行一条设备或生产线', LineRowSchema],
    ['目标任务（target）：每行一个地区的一个行业', TargetRowSchema],
    ['考核结果（assessment）：每行一个被考核地区', AssessmentRowSchema],
    ['红黄牌名单（cards）：每行一张牌', CardRowSchema],
  ];
  return parts.map(([title, schema]) => `### ${title}\n\n${columnsTable(schema)}`).join('\n\n');
}

export function referenceColumnsSection(): string {
  return [
    `### industries.csv：补充行业或别名\n\n${columnsTable(IndustryCsvRowSchema)}`,
    `### regions.csv：补充区划代码（含已撤销的旧代码）\n\n${columnsTable(RegionCsvRowSchema)}`,
  ].join('\n\n');
}

export function industriesSection(): string {
  return table(
    ['行业', '代码', '大类', '产能单位', '也可写作'],
    BUILTIN_INDUSTRIES.map((i) => [i.name, code(i.id), i.group, i.units.join('、'), i.aliases.join('、')]),
  );
}

// ── problem codes ───────────────────────────────────────────────────────────────────────────

export function codesSection(): string {
  const rows = Object.entries(CATALOGUE).map(([name, e]) => [code(name), e.severity === 'error' ? '错误' : '提示', e.about]);
  return table(['代码', '级别', '含义'], rows);
}

// ── markers ─────────────────────────────────────────────────────────────────────────────────

export const SECTIONS: Readonly<Record<string, () => string>> = {
  frontmatter: frontMatterSection,
  columns: columnsSection,
  'reference-columns': referenceColumnsSection,
  industries: industriesSection,
  codes: codesSection,
};

const MARKED = /(<!-- BEGIN GENERATED: ([a-z-]+) -->\n)[\s\S]*?(<!-- END GENERATED -->)/g;
const NOTICE = '<!-- 以下内容由 npm run gen-docs 从数据格式定义生成，请勿手工修改 -->';

/** The guide with every generated section rewritten; throws on an unknown or missing section. */
export function renderGuide(source: string): string {
  const seen = new Set<string>();
  const out = source.replace(MARKED, (_m, begin: string, name: string, end: string) => {
    const make = SECTIONS[name];
    if (!make) throw new Error(`${GUIDE_PATH}: unknown generated section "${name}"`);
    seen.add(name);
    return `${begin}${NOTICE}\n\n${make()}\n\n${end}`;
  });
  const missing = Object.keys(SECTIONS).filter((s) => !seen.has(s));
  if (missing.length) throw new Error(`${GUIDE_PATH}: missing generated sections ${missing.join(', ')}`);
  return out;
}
