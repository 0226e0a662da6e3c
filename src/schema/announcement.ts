import { z } from 'zod';
import { ISO_DATE, isRealDate, REGION_CODE } from './column.ts';
import { LineRowSchema } from './line.ts';
import { TargetRowSchema } from './target.ts';
import { AssessmentRowSchema } from './assessment.ts';
import { CardRowSchema } from './cards.ts';

export const KINDS = ['plan', 'completion', 'target', 'assessment', 'cards'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  plan: '计划淘汰名单',
  completion: '完成名单',
  target: '目标任务',
  assessment: '考核结果',
  cards: '红黄牌名单',
};

/** The table schema of each kind of announcement. */
export const TABLE_SCHEMAS = {
  plan: LineRowSchema,
  completion: LineRowSchema,
  target: TargetRowSchema,
  assessment: AssessmentRowSchema,
  cards: CardRowSchema,
} as const;

/** Announcement id: lowercase letters, digits and `-`, at most 80 characters. */
export const ANNOUNCEMENT_ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** Front matter of `announcements/<year>/<id>.md`, after normalisation (see src/read/frontmatter.ts). */
export const AnnouncementMetaSchema = z.strictObject({
  /** Title as published, e.g. 楚雄州2025年淘汰落后产能企业名单公告. */
  title: z.string().min(1).max(200),
  kind: z.enum(KINDS),
  /** 6-digit code of the issuing region; 000000 is national (全国). */
  region: z.string().regex(REGION_CODE),
  /** Programme year the table is about. */
  year: z.number().int().min(1980).max(2100),
  /** Issuing office, e.g. 楚雄州工业和信息化委员会. */
  issuer: z.string().min(1).max(100),
  /** Date of publication, YYYY-MM-DD. */
  published: z.string().regex(ISO_DATE).refine(isRealDate, { message: '没有这一天' }),
  /** 文号, normalised to 〔〕 brackets, e.g. 楚工信通〔2025〕131号. */
  doc_number: z.string().min(1).max(100).optional(),
  /** Id of the announcement this one corrects: same kind, region and year. */
  supersedes: z.string().regex(ANNOUNCEMENT_ID).optional(),
  /** 更正说明: what was corrected and why; required with `supersedes`. */
  correction_note: z.string().min(1).max(2000).optional(),
  /** Contact for public supervision (监督举报). */
  contact: z
    .strictObject({
      name: z.string().max(50).optional(),
      phone: z.string().max(50).optional(),
      email: z.email().max(100).optional(),
    })
    .optional(),
  /** Where the original was published. */
  sources: z.array(z.strictObject({ title: z.string().min(1).max(200), url: z.url({ protocol: /^https?$/ }) })).optional(),
  /** The public comment window (公示期): first and last day, and how to object; `to` is not before `from`. */
  comment_period: z
    .strictObject({
      from: z.string().regex(ISO_DATE).refine(isRealDate, { message: '没有这一天' }),
      to: z.string().regex(ISO_DATE).refine(isRealDate, { message: '没有这一天' }),
      /** How to raise an objection: an address, a telephone number, an office. */
      channel: z.string().min(1).max(500),
    })
    .refine((p) => !(p.to < p.from), { message: '结束日期早于开始日期', path: ['to'] })
    .optional(),
  /** Illustrative data: every page built from it says so. */
  example: z.boolean().optional(),
  /** Data format number; 1. */
  format: z.literal(1).optional(),
});
export type AnnouncementMeta = z.infer<typeof AnnouncementMetaSchema>;

/**
 * Chinese names of the front-matter keys and of the keys inside them, for pages, the diff and the
 * validator's messages: the one list (the keys themselves are what offices write).
 */
export const META_LABELS: Readonly<Record<string, string>> = {
  title: '标题', kind: '类别', region: '地区', year: '年度', issuer: '发布机关', published: '发布日期', doc_number: '文号',
  supersedes: '更正的公告', correction_note: '更正说明', contact: '联系方式', sources: '原文出处', comment_period: '公示期', example: '示例数据', format: '数据格式',
  'contact.name': '联系人', 'contact.phone': '联系电话', 'contact.email': '电子邮箱',
  'sources.title': '原文出处的标题', 'sources.url': '原文出处的网址',
  'comment_period.from': '公示期开始日期', 'comment_period.to': '公示期结束日期', 'comment_period.channel': '意见反馈渠道',
};

/** The Chinese name of a front-matter key or path (`contact.email`, `sources.0.url`); the path itself if unknown. */
export function metaLabel(path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  return META_LABELS[parts.join('.')] ?? META_LABELS[parts[0] ?? ''] ?? path;
}
