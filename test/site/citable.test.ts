/**
 * A record people can cite, follow and hold to account, as built: the release and citation in
 * every page's footer, /data/index.json and /data/changes.json valid against the schemas the
 * site publishes (read from the built site, checked with Ajv), the watchlist pages with their
 * CSVs and feeds, the comment window, status evidence and where to check an enterprise elsewhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WATCHLIST_KINDS } from '../../src/derive/watchlists.ts';
import type { ChangesFile, DataIndex } from '../../src/schema/data-files.ts';
import { jsonSchemaValidator } from '../support/json-schema.ts';
import { SITES, TEST_SITE } from './global-setup.ts';
import { listFiles, page, resolves, text } from './helpers.ts';

const basic = SITES.basic.out;
const sample = SITES.sample.out;
const json = <T>(site: string, path: string) => JSON.parse(readFileSync(join(site, path), 'utf8')) as T;

describe.each([
  ['fixture', basic],
  ['sample', sample],
])('the %s site', (_name, site) => {
  test('index.json and changes.json are valid against the JSON Schemas the site publishes', () => {
    const index = json<DataIndex>(site, 'data/index.json');
    const changes = json<ChangesFile>(site, 'data/changes.json');
    expect(jsonSchemaValidator(json(site, 'data/schemas/index.schema.json'))(index)).toEqual([]);
    expect(jsonSchemaValidator(json(site, 'data/schemas/changes.schema.json'))(changes)).toEqual([]);
    expect(changes.release).toBe(index.release);
    expect(index.files.changes).toBe(`${TEST_SITE}/data/changes.json`);
    expect(changes.announcements.length).toBe(index.counts.announcements);
  });

  test('every page’s footer gives the release and a citation with the page’s own address; the home page’s the last change', () => {
    const index = json<DataIndex>(site, 'data/index.json');
    const pages = listFiles(site).filter((f) => f.endsWith('index.html') && !f.startsWith('embed/'));
    expect(pages.length).toBeGreaterThan(20);
    for (const f of pages) {
      const html = readFileSync(join(site, f), 'utf8');
      const footer = text(html.slice(html.indexOf('<footer')));
      const path = `/${f.replace(/index\.html$/, '')}`;
      expect(footer, f).toContain(`数据版本 ${index.release}`);
      if (f === 'index.html') expect(footer, f).toContain(`最近变更： ${index.last_change!.title}`);
      else expect(footer, f).not.toContain('最近变更');
      expect(footer, f).toMatch(new RegExp(`引用本页：\\s?淘汰落后产能公示平台\\. .+\\[EB/OL\\]\\. 数据版本 ${index.release}（数据截至[^）]+）\\. ${TEST_SITE.replace(/\./g, '\\.')}${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  test('the watchlists have a page each, linked from an index, with counts per province, a CSV and a feed that exist', () => {
    const indexPage = page(site, '/watchlists/');
    for (const kind of WATCHLIST_KINDS) {
      expect(indexPage).toContain(`href="/watchlists/${kind}/"`);
      const html = page(site, `/watchlists/${kind}/`);
      expect(html).toContain(`href="/data/watchlists/${kind}.csv"`);
      expect(html).toContain(`href="/watchlists/${kind}/feed.xml"`);
      expect(html).toContain(`<link rel="alternate" type="application/atom+xml" href="/watchlists/${kind}/feed.xml"`);
      expect(resolves(site, `/data/watchlists/${kind}.csv`)).toBe(true);
      expect(readFileSync(join(site, `watchlists/${kind}/feed.xml`), 'utf8')).toMatch(/^<\?xml[^>]*>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      const csvRows = readFileSync(join(site, `data/watchlists/${kind}.csv`), 'utf8').trim().split('\r\n').length - 1;
      if (csvRows > 0) expect(text(html)).toContain(`共计 ${csvRows}`);
      else expect(text(html)).toContain('没有符合这一规则的记录');
    }
  });

  test('the data page describes the release files and links them', () => {
    const html = page(site, '/data/');
    for (const p of ['/data/index.json', '/data/changes.json', '/data/schemas/index.schema.json', '/data/schemas/changes.schema.json']) {
      expect(html).toContain(`href="${p}"`);
      expect(resolves(site, p)).toBe(true);
    }
  });
});

describe('the sample site’s watchlists', () => {
  test('the capacity page shows the Taiyuan correction, 30 to 40万吨', () => {
    const t = text(page(sample, '/watchlists/capacity-changed/'));
    expect(t).toContain('示例焦化有限公司 炭化室高度3.8米焦炉 ×2');
    expect(t).toContain('30万吨 → 40万吨');
    expect(t).toContain('工信部联产业〔2025〕46号');
  });

  test('the overdue page counts lines past their deadline where a completion list covers the year, by province', () => {
    const t = text(page(sample, '/watchlists/overdue/'));
    expect(t).toMatch(/山东省 3/);
    expect(t).toContain('淄博宏达钢铁有限公司');
    // The national list's 2011 lines have no completion list over them: 未见完成公告, not overdue.
    expect(t).not.toContain('济南钢铁');
    expect(text(page(sample, '/enterprises/370100-e94cabfdd8/'))).toContain('未见完成公告');
  });
});

describe('an announcement with a comment window', () => {
  test('shows the window and the channel without JavaScript, and carries the script only where there is a window', () => {
    const html = page(basic, '/announcements/2025-421202-plan-2/');
    const t = text(html);
    expect(t).toContain('公示期 2025年3月10日 至 2025年3月17日');
    expect(t).toContain('意见反馈渠道 咸安区经济和信息化局 0715-8123456（工作日）');
    expect(html).toMatch(/<p class="comment-days" data-from="2025-03-10" data-to="2025-03-17"[^>]* hidden>/);
    expect(html).toMatch(/<script type="module" src="\/_astro\/CommentPeriod[^"]*\.js">/);
    expect(page(basic, '/announcements/2025-421202-plan/')).not.toContain('CommentPeriod');
  });
});

describe('an enterprise page', () => {
  test('says whose record each status follows, as of when, and links the glossary', () => {
    const html = page(basic, '/enterprises/91421202MA49ABCDXM/');
    expect(text(html)).toContain('状态依据： 已关停 ，据咸安区经济和信息化局2024年12月15日发布的 《咸安区2024年淘汰落后产能完成名单》');
    expect(html).toContain('<a href="/announcements/2024-421202-completion/">《咸安区2024年淘汰落后产能完成名单》</a>');
    // The status itself links its meaning in the glossary.
    expect(html).toContain('状态依据：<a href="/glossary/#status">已关停</a>');
  });

  test('with a credit code, links the credit register and the permit platform and shows the code to paste', () => {
    const html = page(basic, '/enterprises/91421202MA49ABCDXM/');
    expect(html).toContain('href="https://www.gsxt.gov.cn/index.html"');
    expect(html).toContain('href="https://permit.mee.gov.cn/permitExt/syssb/xkgg/xkgg!licenseInformation.action"');
    expect(html).toContain('<code class="copyable">91421202MA49ABCDXM</code>');
  });

  test('without a credit code, has no such links', () => {
    const keyless = listFiles(basic).find((f) => f.startsWith('enterprises/') && !f.startsWith('enterprises/9'))!;
    expect(readFileSync(join(basic, keyless), 'utf8')).not.toContain('gsxt.gov.cn');
  });
});
