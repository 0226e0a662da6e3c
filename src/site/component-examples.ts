/**
 * Every component, documented with examples (the habit of GOV.UK Frontend's component YAML): each
 * example is rendered on the /components/ page, which the accessibility test checks with axe like
 * every other page kind, and a test requires an example for every file in src/components. The
 * hostile examples show that text from data is escaped.
 */
import { linesByStatus, linesByStatusTable } from '../charts/index.ts';
import type { ChartSpec } from './charts.ts';
import type { CorrectionView } from './pages/announcement.ts';
import type { ChangesView, YearLink } from './pages/lists.ts';
import type { Crumb } from './pages/region.ts';
import { cell, date, link, num, statusClass, type Part, type TableData } from './table.ts';
import type { Stat } from './pages/tables.ts';
import { checkElsewhere } from './pages/check-elsewhere.ts';
import { commentPeriodView } from './pages/comment-period.ts';
import type { ReleaseFiles } from './pages/release-files.ts';
import type { StatusEvidence } from './pages/status-evidence.ts';

export interface Example<P> {
  title: string;
  /** What the example shows. */
  description: string;
  props: P;
}

const HOSTILE = '<script>alert(1)</script>"引号"&示例';

const table: TableData = {
  caption: '示例表格：两家企业的三条生产线',
  id: 'example-lines',
  columns: [{ label: '企业名称', phone: true }, { label: '设备名称及型号' }, { label: '产能', numeric: true }, { label: '状态', phone: true, href: '/glossary/#status' }, { label: '淘汰时限', phone: true, href: '/glossary/#overdue' }, { label: '备注', prose: true }],
  rows: [
    { cells: [cell(link('咸宁示例电石有限公司', '/regions/000000/')), cell('1×5000KVA电石炉'), num('3万吨'), cell({ text: '已拆除', className: statusClass('dismantled') }), cell(date('2024年12月31日', '2024-12-31')), cell('备注是长文字：在阅读宽度内换行，是唯一可以让一行变高的格子。原文：2024年10月拆除供电设施、矿热炉及相关设备；已注销营业执照。')], data: { status: 'dismantled' } },
    { cells: [cell(link('咸宁示例电石有限公司', '/regions/000000/')), cell('1×6000KVA电石炉'), num('1.6万吨'), cell({ text: '计划淘汰', className: statusClass('planned') }), cell(date('2025年6月', '2025-06'), { text: ' 逾期', alert: true }), cell()], data: { status: 'planned', overdue: '1' } },
    { cells: [cell(link('示例钢铁公司', '/regions/000000/')), cell('300立方米高炉'), num('30万吨'), cell({ text: '计划淘汰', className: statusClass('planned') }), cell(date('2011年12月', '2011-12'), { text: ' 未见完成公告', className: 'un' }), cell()], data: { status: 'planned', unreported: '1' } },
    { cells: [cell(HOSTILE), cell(HOSTILE), num('0'), cell({ text: '已关停', className: statusClass('shutdown') }), cell(), cell(HOSTILE)], data: { status: 'shutdown' } },
  ],
};

const crumbs: Crumb[] = [{ name: '全国', href: '/regions/000000/' }, { name: '湖北省', href: '/regions/' }, { name: '咸宁市', href: '/industries/' }, { name: '咸安区' }];

const chart: ChartSpec = {
  id: 'example-status',
  title: '示例：各状态设备/生产线数',
  page: '/components/',
  example: true,
  embed: false,
  svg: linesByStatus({ planned: 4, shutdown: 2, dismantled: 5, accepted: 1 }, { id: 'example-status', title: '示例：各状态设备/生产线数' }),
  table: linesByStatusTable({ planned: 4, shutdown: 2, dismantled: 5, accepted: 1 }, { title: '示例：各状态设备/生产线数' }),
};

const correction: CorrectionView = {
  against: { href: '/announcements/', title: '咸安区2025年淘汰落后产能计划名单' },
  counts: '新增 1 行，删除 1 行，修改 1 行，未变 2 行',
  note: 'XA-002 产能更正为1.6万吨；删去重复的 XA-004。',
  added: [{ names: 'XA-005 咸宁示例水泥有限公司', summary: '设备名称及型号：Φ2.5×10m机立窑；状态：计划淘汰' }],
  removed: [{ names: 'XA-004 咸宁示例水泥有限公司', summary: '状态：计划淘汰', unexplained: false }, { names: HOSTILE, summary: HOSTILE, unexplained: true }],
  changed: {
    caption: '修改的行',
    columns: [{ label: '行' }, { label: '项目' }, { label: '原为' }, { label: '改为' }],
    rows: [
      { cells: [{ ...cell('XA-002 咸宁示例电石有限公司'), rowspan: 2 }, cell('产能'), cell({ text: '2', edit: 'del' }), cell({ text: '1.6', edit: 'ins' })] },
      { header: false, cells: [cell('淘汰时限'), cell({ text: '2025年6月', edit: 'del' }), cell({ text: '2025年9月', edit: 'ins' })] },
    ],
  },
};

const years: YearLink[] = [{ href: '/announcements/', label: '2025年', count: 12 }, { href: '/changes/', label: '2024年', count: 9 }];

const changes: ChangesView = {
  title: '示例：变更记录',
  example: true,
  provinces: [{ code: '420000', name: '湖北省' }, { code: '530000', name: '云南省' }],
  table: {
    caption: '示例：变更记录（2）',
    id: 'changes',
    rowHeader: 1,
    columns: [{ label: '发布日期' }, { label: '公告' }, { label: '地区' }, { label: '类别' }, { label: '影响' }],
    rows: [
      { data: { province: '420000' }, cells: [cell(date('2025年4月1日', '2025-04-01')), cell(link('咸安区计划名单（更正）', '/announcements/')), cell(link('咸安区', '/regions/000000/')), cell('计划淘汰名单'), cell('更正 example：修改 1 行')] },
      { data: { province: '530000' }, cells: [cell(date('2025年3月1日', '2025-03-01')), cell(link(HOSTILE, '/changes/')), cell(link('楚雄彝族自治州', '/regions/000000/')), cell('完成名单'), cell('新列入 3 条生产线')] },
    ],
  },
};

const parts: Part[] = [{ text: '2025年6月', datetime: '2025-06' }, { text: ' （逾期）', alert: true }, { text: ' ' }, { text: HOSTILE, href: '/search/?q=%3Cscript%3E&x=2' }];

// Issue 19: status evidence, the comment window, checking elsewhere, the release files.
const evidence: StatusEvidence = {
  status: '已关停', by: '咸安区经济和信息化局2024年12月15日发布的',
  announcement: { href: '/announcements/', title: '咸安区2024年淘汰落后产能完成名单', docNumber: '咸经信〔2024〕5号' },
  published: '2024-12-15', supersededOnly: false, glossaryHref: '/glossary/#status',
};
const hostileEvidence: StatusEvidence = { ...evidence, by: `${HOSTILE}2025年3月1日发布的`, announcement: { href: '/announcements/', title: HOSTILE }, supersededOnly: true };
const commentPeriod = commentPeriodView({ comment_period: { from: '2025-03-10', to: '2025-03-17', channel: '咸安区经济和信息化局 0715-8123456（工作日）' } })!;
const hostileCommentPeriod = commentPeriodView({ comment_period: { from: '2025-03-10', to: '2025-03-17', channel: HOSTILE } })!;
const releaseFilesExample: ReleaseFiles = {
  intro: '当前数据版本为 2025-04-01-e3b0c442（数据截至2025年4月1日）。',
  files: [{ href: '/data/', name: 'index.json', about: '版本索引' }, { href: '/data/', name: 'changes.json', about: '逐条公告的变更' }],
  watchlists: [{ href: '/watchlists/', name: 'overdue.csv', about: '逾期未完成' }],
};

const stats: Stat[] = [
  { label: '条线', value: '40' },
  { label: '已完成', value: '6', tone: 'good' },
  { label: '完成率', value: '15%', href: '/glossary/#share' },
  { label: '逾期', value: '3', href: '/glossary/#overdue', tone: 'bad' },
  { label: '未见完成公告', value: '23', href: '/glossary/#unreported' },
  { label: HOSTILE, value: HOSTILE },
];

/** Examples of each component, by the component's file name. */
export const COMPONENT_EXAMPLES = {
  Table: [{ title: '生产线表格', description: '表头、行标题、右对齐的数字、状态标记、逾期与未见完成公告；手机上只留企业、状态和时限三列，勾选后显示全部列；每列不窄于其文字，备注在阅读宽度内换行；来自数据的文字一律转义。', props: { table } }],
  Stats: [{ title: '关键数字', description: '完成进度的数字；需要说明算法的（完成率、逾期、未见完成公告）链接到术语说明，逾期和已完成有颜色边线。', props: { stats } }],
  Parts: [{ title: '一段文字', description: '日期、提醒和链接组成的一段文字。', props: { parts } }],
  Breadcrumbs: [{ title: '地区层级', description: '从全国到本地区，本页不加链接。', props: { crumbs } }],
  Chart: [{ title: '状态图', description: '图与同样数字的表格；真实页面上另有 CSV、SVG 下载和嵌入链接（示例图没有嵌入页，所以这里不显示）。', props: { chart, links: false } }],
  ChartTips: [{ title: '图表提示', description: '鼠标或键盘停在图上时显示数值；没有脚本时数字都在表格里。', props: {} }],
  CorrectionDiff: [{ title: '更正内容', description: '更正公告与原公告逐行比较；更正说明未交代的删除特别标出。', props: { correction } }],
  LineFilter: [{ title: '按名称和状态筛选', description: '筛选上面的示例表格；没有脚本时不显示，表格完整。', props: { table: 'example-lines' } }],
  ChangesTable: [{ title: '变更记录表', description: '每条公告的影响，可按省份筛选。', props: { view: changes } }],
  YearLinks: [{ title: '按年度查看', description: '各年度页面的链接和条数。', props: { years } }],
  StatusEvidence: [
    { title: '状态依据', description: '状态据哪条公告、哪个机关、哪天发布；状态本身链接到它在术语说明中的含义。', props: { evidence } },
    { title: '只见于已更正的公告', description: '列出这条线的公告都已被更正；来自数据的文字一律转义。', props: { evidence: hostileEvidence } },
  ],
  CommentPeriod: [
    { title: '公示期', description: '公示期的起止日期和意见反馈渠道；有脚本时按读者设备上的日期显示还剩几天。', props: { view: commentPeriod } },
    { title: '渠道文字来自数据', description: '反馈渠道原样显示为文字。', props: { view: hostileCommentPeriod } },
  ],
  CheckElsewhere: [{ title: '到其他平台核对', description: '有统一社会信用代码的企业：两个政府平台的查询页和要粘贴的代码；本站不向它们发送请求。', props: { check: checkElsewhere({ creditCode: '91421202MA49ABCDXM' }) } }],
  ReleaseFiles: [{ title: '版本与逐条变更', description: '数据版本和供新闻机构定期读取的文件。', props: { files: releaseFilesExample } }],
} satisfies Record<string, Example<object>[]>;

export type ExampleComponent = keyof typeof COMPONENT_EXAMPLES;

/** Components that are not examples of their own: they are the page frame, or need a whole record. */
export const FRAME_COMPONENTS = ['Head', 'AnnouncementSection', 'DocLinked'] as const;
