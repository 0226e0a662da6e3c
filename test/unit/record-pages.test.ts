/**
 * The page data of the additions to announcement and enterprise pages: the comment window
 * (公示期) and the days left by a reader's date, whose record each status follows, and where to
 * check an enterprise elsewhere. Pure functions, tested without a build.
 */
import { describe, expect, it } from 'vitest';
import { checkElsewhere, GSXT_SEARCH, PERMIT_SEARCH } from '../../src/site/pages/check-elsewhere.ts';
import { commentPeriodView } from '../../src/site/pages/comment-period.ts';
import { commentWindowState, localDay, windowMessage } from '../../src/site/pages/comment-window.ts';
import { statusEvidence } from '../../src/site/pages/status-evidence.ts';
import { t } from '../../src/i18n/zh-CN.ts';
import { announcementTableData } from '../../src/site/pages/announcement.ts';
import { BASIC_DATA, modelOf, SAMPLE_DATA } from '../support/models.ts';
import { join } from 'node:path';

const basic = modelOf(BASIC_DATA).model;
const sample = modelOf(SAMPLE_DATA).model;

describe('the comment window (公示期)', () => {
  it('is read from the front matter of the fixture case, and shown with its dates and channel', () => {
    const { model } = modelOf(join(import.meta.dirname, '../fixtures/valid/comment-period/data'));
    const view = commentPeriodView(model.byId.get('2025-421202-plan')!.meta)!;
    expect(view).toMatchObject({ from: '2025-04-28', to: '2025-05-07', window: '2025年4月28日至2025年5月7日', channel: '公示期内如有异议，请致电 0715-8123456，或来信寄咸安区经济和信息化局' });
    expect(view.channelHref).toBeUndefined();
  });

  it('an announcement without one shows none', () => {
    expect(commentPeriodView(sample.byId.get('2025-532300-plan')!.meta)).toBeUndefined();
  });

  it('a channel that is only a web or e-mail address is a link', () => {
    const p = (channel: string) => commentPeriodView({ comment_period: { from: '2025-04-01', to: '2025-04-10', channel } })!.channelHref;
    expect(p('https://gxj.example.gov.cn/hd/')).toBe('https://gxj.example.gov.cn/hd/');
    expect(p('jiandu@example.gov.cn')).toBe('mailto:jiandu@example.gov.cn');
    expect(p('javascript:alert(1)')).toBeUndefined();
    expect(p('电话 0715-8123456 或 jiandu@example.gov.cn')).toBeUndefined();
  });

  it('by the reader’s date: not yet open, open with the days left counting today, the last day, closed', () => {
    const s = (today: string) => commentWindowState('2025-04-28', '2025-05-07', today);
    expect(s('2025-04-25')).toEqual({ state: 'upcoming', days: 3 });
    expect(s('2025-04-28')).toEqual({ state: 'open', days: 10 });
    expect(s('2025-05-06')).toEqual({ state: 'open', days: 2 });
    expect(s('2025-05-07')).toEqual({ state: 'last-day' });
    expect(s('2025-05-08')).toEqual({ state: 'closed' });
    // Across a month end and a leap day, counted in calendar days.
    expect(commentWindowState('2024-02-27', '2024-03-01', '2024-02-28')).toEqual({ state: 'open', days: 3 });
  });

  it('the sentences come from the page’s templates, and the date from the reader’s own clock', () => {
    const m = t.commentPeriod;
    const msgs = { open: m.open, lastDay: m.lastDay, upcoming: m.upcoming, closed: m.closed };
    expect(windowMessage({ state: 'open', days: 6 }, msgs)).toBe('公示期还剩 6 天（含今天，按您设备上的日期）。');
    expect(windowMessage({ state: 'upcoming', days: 3 }, msgs)).toBe('公示期 3 天后开始（按您设备上的日期）。');
    expect(windowMessage({ state: 'closed' }, msgs)).toBe(m.closed);
    expect(localDay(new Date(2025, 4, 7, 23, 59))).toBe('2025-05-07');
  });
});

describe('status evidence', () => {
  it('names the announcement in force that gave the status, its issuer and date, and links the glossary', () => {
    const line = basic.lines.find((l) => l.key === '42:XA-003')!;
    expect(statusEvidence(basic, line)).toEqual({
      status: '已关停', by: '咸安区经济和信息化局2024年12月15日发布的',
      announcement: { href: '/announcements/2024-421202-completion/', title: '咸安区2024年淘汰落后产能完成名单', docNumber: undefined },
      published: '2024-12-15', supersededOnly: false, glossaryHref: '/glossary/#status',
    });
  });

  it('follows a correction, not the announcement it corrected', () => {
    const line = basic.lines.find((l) => l.key === '42:XA-002')!;
    expect(statusEvidence(basic, line).announcement.href).toBe('/announcements/2025-421202-plan-2/');
  });

  it('says so when every announcement listing the line was corrected away', () => {
    const line = basic.lines.find((l) => l.key === '42:XA-004')!;
    const e = statusEvidence(basic, line);
    expect(e.supersededOnly).toBe(true);
    expect(e.announcement.href).toBe('/announcements/2025-421202-plan/');
  });

  it('gives the document number where the announcement has one', () => {
    const line = basic.lines.find((l) => l.key === '37:ZB-001')!;
    expect(statusEvidence(basic, line).announcement).toMatchObject({ href: '/announcements/2025-370300-plan/', docNumber: '淄工信字〔2025〕12号' });
  });
});

describe('check elsewhere', () => {
  it('an enterprise with a credit code links the two platforms’ search pages and shows the code to paste', () => {
    const c = checkElsewhere(basic.enterpriseByKey.get('91421202MA49ABCDXM')!)!;
    expect(c.code).toBe('91421202MA49ABCDXM');
    expect(c.links.map((l) => l.href)).toEqual([GSXT_SEARCH, PERMIT_SEARCH]);
    for (const l of c.links) expect(new URL(l.href).protocol).toBe('https:');
  });

  it('an enterprise without one gets nothing', () => {
    expect(checkElsewhere({ creditCode: undefined })).toBeUndefined();
  });
});

describe('an announcement’s table', () => {
  it('links each listed line’s enterprise to its page, and heads the region column 地区 (it shows names)', () => {
    const a = basic.byId.get('2024-421202-completion')!;
    const table = announcementTableData(basic, a)!;
    const name = table.columns.findIndex((c) => c.label === '企业名称');
    const line = basic.lineByKey.get('42:XA-003')!;
    const row = table.rows.find((r) => r.cells.some((c) => c.parts.some((p) => p.href === `/enterprises/${line.enterpriseKey}/`)))!;
    expect(row.cells[name]!.parts).toEqual([{ text: line.row.enterprise_name, href: `/enterprises/${line.enterpriseKey}/` }]);
    expect(basic.enterpriseByKey.has(line.enterpriseKey)).toBe(true);
    expect(table.columns.map((c) => c.label)).toContain('地区');
    expect(table.columns.map((c) => c.label)).not.toContain('行政区划代码');
  });
});
