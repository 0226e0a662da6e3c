/**
 * Every string the site shows, in one place, so a second language is one more file like this.
 * Data (names, titles, notes) is never translated; only the interface is.
 */
export const zhCN = {
  siteName: '淘汰落后产能公示平台',
  siteTagline: '各地淘汰落后产能计划、完成情况与考核结果的公开记录',
  lang: 'zh-CN',
  nav: { home: '首页', announcements: '公告', policies: '政策文件', data: '数据下载', search: '搜索' },
  skipToContent: '跳到正文',
  asOf: '数据截至',
  exampleBanner: '本页含示例数据（example: true），仅用于演示，不是真实公告。',
  home: {
    latest: '最新公告',
    totals: '总体情况',
    announcementsCount: '公告',
    linesCount: '设备/生产线',
    enterprisesCount: '企业',
    policies: '政策文件',
  },
  announcement: {
    kind: '类别',
    issuer: '发布机关',
    docNumber: '文号',
    published: '发布日期',
    region: '地区',
    year: '年度',
    table: '名单',
    rows: '行',
    supersedes: '本公告更正了',
    supersededBy: '本公告已被更正，见',
    correctionNote: '更正说明',
    contact: '监督举报',
    sources: '原文出处',
    downloadCsv: '下载 CSV',
    downloadJson: '下载 JSON',
    noRows: '本公告没有表格数据。',
  },
  policy: { docNumber: '文号', issuer: '发布机关', issued: '发布日期', source: '来源' },
  notFound: { title: '页面不存在', body: '没有找到这个页面。可以从首页重新查找。' },
  footer: '本站内容由各级工业和信息化主管部门的公告生成；数据以公告原文为准。',
  unknown: '不详',
  yes: '是',
  no: '否',
} as const;

export type Dictionary = typeof zhCN;
export const t: Dictionary = zhCN;
