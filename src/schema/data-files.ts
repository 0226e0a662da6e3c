/**
 * The two JSON files a newsroom polls: `/data/index.json` (the release, small) and
 * `/data/changes.json` (what each announcement added, changed and removed). These schemas are the
 * one source of both files' types and of the JSON Schemas the site publishes beside them
 * (`z.toJSONSchema`, see src/output/data-index.ts); the descriptions are for the people who read
 * those schemas, so they are in Chinese.
 */
import { z } from 'zod';
import { ANNOUNCEMENT_ID, KINDS } from './announcement.ts';
import { ISO_DATE, REGION_CODE } from './column.ts';

/** Format of both files; a change that breaks readers gets a new number. */
export const DATA_FILES_FORMAT = 1;

/** A release id: the as-of date, then 8 hex digits of the lock's hash (src/derive/release.ts). */
export const RELEASE_ID = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/;

const date = () => z.string().regex(ISO_DATE);
const announcementId = () => z.string().regex(ANNOUNCEMENT_ID);
const url = () => z.url({ protocol: /^https?$/ });
const count = () => z.number().int().nonnegative();

/** A cell as the deltas carry it: the validated value (text, number or 是/否 as a boolean). */
export const CellSchema = z.union([z.string(), z.number(), z.boolean()]);

/** The non-blank cells of a row: canonical column name (or `x_` extra column) → value. */

export const DataIndexSchema = z
  .strictObject({
    format: z.literal(DATA_FILES_FORMAT).meta({ description: '本文件的格式版本' }),
    release: z.string().regex(RELEASE_ID).meta({ description: '数据版本：数据截至日期加 published.lock 散列的前 8 位；数据不变，版本不变' }),
    as_of: date().meta({ description: '数据截至日期：未被更正的公告中最晚的发布日期（不是生成网站的日期）' }),
    last_change: z
      .strictObject({
        date: date().meta({ description: '发布日期' }),
        announcement: announcementId().meta({ description: '公告编号' }),
        title: z.string().meta({ description: '公告标题' }),
        url: url().meta({ description: '公告页面' }),
      })
      .nullable()
      .meta({ description: '最近一次变更：最后发布的公告；没有公告时为 null' }),
    counts: z.strictObject({ announcements: count(), lines: count(), enterprises: count() }).meta({ description: '公告、设备/生产线和企业的数目' }),
    files: z
      .strictObject({
        changes: url().meta({ description: '每条公告新增、修改、删除了哪些行（changes.json）' }),
        lines: url().meta({ description: '全部设备/生产线及当前状态（CSV）' }),
        announcements: url().meta({ description: '公告目录（CSV）' }),
        datapackage: url().meta({ description: '数据包说明（Frictionless Data Package）' }),
        checksums: url().meta({ description: '各下载文件的 SHA-256 校验值' }),
        watchlists: url().meta({ description: '监督清单' }),
      })
      .meta({ description: '其他数据文件的地址' }),
    citation: z.string().meta({ description: '引用本数据时可用的一行文字' }),
  })
  .meta({ title: '淘汰落后产能公示数据：版本索引（/data/index.json）', description: '每次生成网站都会更新；新闻机构只需定期读取这个小文件，版本变了再读取 changes.json。' });
export type DataIndex = z.infer<typeof DataIndexSchema>;

/** The cells of a row that differ from the record in force just before: column → value, `null` for a blank (unknown) cell. */
export const ChangedFieldsSchema = z.record(z.string(), CellSchema.nullable());
export type ChangedFields = z.infer<typeof ChangedFieldsSchema>;
/**
 * The same cells' values before, blanks left out: a column of `after` that `before` lacks had no
 * value (most of a completion list's changes fill in dates and figures a plan left blank, and a
 * national changes.json would otherwise spell out some 400,000 nulls).
 */
export const EarlierFieldsSchema = z.record(z.string(), CellSchema);
export type EarlierFields = z.infer<typeof EarlierFieldsSchema>;

const KEY_DOC = '行的标识：设备/生产线为“省级代码前两位:清单编号”；目标任务为 target:年度/地区/行业；考核结果为 assessment:年度/地区；红黄牌为 cards:发布地区/编号';

/** A row's line in its announcement's table (the CSV file; the header is line 1), as /data/rows/ gives it (source_line). */
const ROW_LINE = z.number().int().min(2).meta({ description: '这一行在本公告表格中的行号（表头为第 1 行），即 /data/rows/ 下表格的 source_line' });

export const AnnouncementDeltaSchema = z.strictObject({
  id: announcementId().meta({ description: '公告编号' }),
  kind: z.enum(KINDS).meta({ description: '类别：plan 计划淘汰名单 · completion 完成名单 · target 目标任务 · assessment 考核结果 · cards 红黄牌名单' }),
  region: z.string().regex(REGION_CODE).meta({ description: '发布地区代码' }),
  year: z.number().int().meta({ description: '年度' }),
  published: date().meta({ description: '发布日期' }),
  title: z.string().meta({ description: '标题' }),
  supersedes: announcementId().optional().meta({ description: '本公告更正的公告' }),
  added: z
    .array(z.strictObject({ key: z.string().meta({ description: KEY_DOC }), line: ROW_LINE }))
    .meta({ description: '新增的行：此前没有有效记录的设备/生产线（或目标、考核、红黄牌）。各列的值见 /data/rows/ 下的表格（按公告编号和原表行号）或公告页面' }),
  changed: z
    .array(
      z.strictObject({
        key: z.string().meta({ description: KEY_DOC }),
        since: announcementId().meta({ description: '此前最近一次列出这一行、仍然有效的公告' }),
        before: EarlierFieldsSchema.meta({ description: '有变化的列此前的值（列名 → 值）；after 中有而 before 中没有的列，此前的公告未给出（不详）。只比较本公告表格中有的列' }),
        after: ChangedFieldsSchema.meta({ description: '同样这些列在本公告中的值；null 表示本公告该单元格为空（不详）' }),
      }),
    )
    .meta({ description: '修改的行：与此前有效记录相比，有列的值不同' }),
  removed: z
    .array(
      z.strictObject({
        key: z.string().meta({ description: KEY_DOC }),
        line: ROW_LINE.meta({ description: '这一行在被更正的公告表格中的行号（表头为第 1 行）' }),
        in_force_after: announcementId().nullable().meta({ description: '更正后这一行以哪条公告为准；null 表示已没有任何有效公告列出它' }),
      }),
    )
    .meta({ description: '删除的行：更正公告没有列出的、被更正公告中的行' }),
});
export type AnnouncementDelta = z.infer<typeof AnnouncementDeltaSchema>;

export const ChangesFileSchema = z
  .strictObject({
    format: z.literal(DATA_FILES_FORMAT).meta({ description: '本文件的格式版本' }),
    release: z.string().regex(RELEASE_ID).meta({ description: '数据版本，与 index.json 相同' }),
    as_of: date().meta({ description: '数据截至日期' }),
    announcements: z.array(AnnouncementDeltaSchema).meta({ description: '全部公告，按发布先后（发布日期，再按编号）排列' }),
  })
  .meta({
    title: '淘汰落后产能公示数据：逐条公告的变更（/data/changes.json）',
    description: '每条公告相对于它发布前一刻的有效记录新增、修改和删除了哪些行。一条被更正的公告，自更正公告发布起不再有效。',
  });
export type ChangesFile = z.infer<typeof ChangesFileSchema>;
