import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITES } from './global-setup.ts';
import { listFiles, page, quoted, resolves, text } from './helpers.ts';
import { enterpriseKey } from '../../src/derive/model.ts';

const basic = SITES.basic.out;
const sample = SITES.sample.out;

describe('a site built from a fixture data root', () => {
  test('an enterprise with two lines in two announcements shows both lines with their statuses and dates', () => {
    const html = page(basic, `/enterprises/${enterpriseKey({ region_code: '421202', enterprise_name: '咸宁示例电石有限公司' })}/`);
    const t = text(html);
    expect(t).toContain('咸宁示例电石有限公司');
    expect(t).toContain('1×5000KVA电石炉');
    expect(t).toContain('1×6000KVA电石炉');
    // XA-001: planned 2024 → shut down 2024-07-01 → dismantled 2024-08-15
    expect(t).toMatch(/1×5000KVA电石炉 已拆除/);
    expect(t).toContain('已关停 2024年7月1日');
    expect(t).toContain('已拆除 2024年8月15日');
    // XA-002: carried over into 2025 and corrected to 1.6万吨, still planned
    expect(t).toMatch(/1×6000KVA电石炉 计划淘汰/);
    expect(t).toContain('1.6万吨');
    expect(t).toContain('咸安区2025年淘汰落后产能计划名单（更正）');
    // funds and employees
    expect(t).toContain('中央财政奖励资金 150万元');
    expect(t).toContain('已安置职工 100人');
  });

  test('an enterprise with a credit code is keyed by it', () => {
    const t = text(page(basic, '/enterprises/91421202MA49ABCDXM/'));
    expect(t).toContain('湖北示例水泥股份有限公司');
    expect(t).toContain('已关停');
  });

  test('every region in the data and every ancestor has a page with breadcrumbs', () => {
    for (const code of ['000000', '420000', '421200', '421202', '421300']) expect(resolves(basic, `/regions/${code}/`)).toBe(true);
    const t = text(page(basic, '/regions/421202/'));
    expect(t).toMatch(/全国 › 湖北省 › 咸宁市 › 咸安区|全国 湖北省 咸宁市 咸安区/);
    expect(t).toContain('监督举报联系方式');
    expect(t).toContain('jiandu@example.gov.cn');
  });

  test('a region page flags lines overdue at the as-of date', () => {
    // As of 2025-04-01 (the latest publication), XA-002's deadline 2025-06 has not passed; XA-003 (2024-06) shut down only.
    const html = page(basic, '/regions/421202/');
    const row003 = html.split('<tr').find((r) => r.includes('Φ3×11m机立窑生产线'))!;
    expect(row003).toContain('逾期');
    const row002 = html.split('<tr').find((r) => r.includes('1×6000KVA电石炉'))!;
    expect(row002).not.toContain('逾期');
  });

  test('targets are set against capacity in each unit', () => {
    const t = text(page(basic, '/regions/420000/'));
    expect(t).toContain('2025年 电石 5万吨');
  });

  test('an announcement page shows its metadata, the full table, downloads and its correction links', () => {
    const old = text(page(basic, '/announcements/2025-421202-plan/'));
    expect(old).toContain('本公告已被更正');
    const corrected = page(basic, '/announcements/2025-421202-plan-2/');
    expect(text(corrected)).toContain('本公告更正了');
    expect(corrected).toContain('href="/announcements/2025-421202-plan/"');
    const plan = page(basic, '/announcements/2024-421202-plan/');
    expect(text(plan)).toContain('咸经信〔2024〕5号');
    expect(text(plan)).toContain('2024年3月20日');
    expect(plan).toContain('&lt;b&gt;原文中的 HTML 只显示为文字&lt;/b&gt;');
    expect(plan).not.toContain('<b>原文');
    // Its table to download: the issuing region's workbook, naming the sheet of its kind and its rows there.
    expect(plan).toContain('href="/regions/421200/announcements.xlsx"');
    expect(text(plan)).toMatch(/工作表“计划淘汰名单”第 \d+(–\d+)? 行/);
    expect(resolves(basic, '/regions/421200/announcements.xlsx')).toBe(true);
    // The city's page links the workbook it holds for its counties, the county's page the same file.
    expect(page(basic, '/regions/421200/')).toContain('href="/regions/421200/announcements.xlsx"');
    expect(text(page(basic, '/regions/421202/'))).toContain('本地区发布的公告表格（XLSX，在咸宁市及所辖各县（市、区）的工作簿中）');
  });

  test('every row of an announcement is in the national rows file, with its announcement id and source line', () => {
    const csv = gunzipSync(readFileSync(join(basic, 'data/rows/lines.csv.gz'))).toString('utf8');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const rows = csv.trim().split('\r\n').filter((l) => l.startsWith('2024-421202-plan,'));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe('2024-421202-plan,plan,4,42:XA-003,XA-003,湖北示例水泥股份有限公司,91421202MA49ABCDXM,421202,cement,Φ3×11m机立窑生产线,,8,万吨,2024-06,planned,,,,,90,,,,,,,,,,');
  });

  test('pages drawn from example data say so', () => {
    expect(text(page(basic, '/announcements/2025-420000-assessment/'))).toContain('示例数据');
    expect(text(page(basic, '/assessments/2025/'))).toContain('示例数据');
    expect(text(page(basic, '/announcements/2024-421202-plan/'))).not.toContain('本页含示例数据');
  });

  test('the data page lists the downloads, and SHA256SUMS holds the SHA-256 of each file in its folder', () => {
    const sums = readFileSync(join(basic, 'data/SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBeGreaterThan(5);
    for (const line of sums) {
      const [hash, file] = line.split(/\s+/);
      expect(createHash('sha256').update(readFileSync(join(basic, 'data', file!))).digest('hex'), file).toBe(hash);
    }
    const data = page(basic, '/data/');
    for (const f of ['lines.xlsx', 'lines.csv', 'lines-zh.csv', 'datapackage.json', 'rows/lines.csv.gz']) expect(data).toContain(`href="/data/${f}"`);
    expect(text(data)).toContain('sha256sum -c SHA256SUMS');
    expect(text(data)).toContain('9.11201026674991E+17');
    const pkg = JSON.parse(readFileSync(join(basic, 'data/datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { name: string }) => r.name)).toContain('lines');
    const schema = JSON.parse(readFileSync(join(basic, 'data', pkg.resources.find((r: { name: string }) => r.name === 'lines').schema), 'utf8'));
    expect(schema.fields.length).toBeGreaterThan(10);
    const lines = readFileSync(join(basic, 'data/lines.csv'), 'utf8');
    expect(lines).toContain('42:XA-002');
  });

  test('the Atom feeds list announcements newest first', () => {
    const feed = readFileSync(join(basic, 'feed.xml'), 'utf8');
    const titles = [...feed.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles[0]).toBe('湖北省2024年度淘汰落后产能工作考核结果（示例）');
    expect(titles).toHaveLength(7);
    const county = readFileSync(join(basic, 'regions/421202/feed.xml'), 'utf8');
    expect(county.match(/<entry>/g)).toHaveLength(4);
  });

  test('document numbers in any bracket style link to the page that has that number', () => {
    const html = page(basic, '/announcements/2024-421202-plan/');
    expect(html).not.toMatch(/<a href="\/announcements\/2024-421202-plan\/">咸经信/); // never to itself
  });
});

describe.each([
  ['fixture', basic],
  ['sample', sample],
])('the %s site', (_name, site) => {
  test('no internal link is broken', () => {
    const broken: string[] = [];
    for (const f of listFiles(site).filter((x) => x.endsWith('.html'))) {
      const html = quoted(readFileSync(join(site, f), 'utf8'));
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:)/.test(url)) continue;
        if (url.startsWith('#')) continue;
        if (!url.startsWith('/') || !resolves(site, url)) broken.push(`${f} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('no page loads anything from another host', () => {
    for (const f of listFiles(site).filter((x) => x.endsWith('.html'))) {
      const html = quoted(readFileSync(join(site, f), 'utf8'));
      expect(html.match(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\/[^"]*"/g) ?? [], f).toEqual([]);
    }
  });

  test('no page shows template code as text', () => {
    for (const f of listFiles(site).filter((x) => x.endsWith('.html'))) {
      expect(text(readFileSync(join(site, f), 'utf8')), f).not.toMatch(/=>|\)\}|\{t\.|undefined|NaN|\[object Object\]/);
    }
  });

  test('every page is in Chinese', () => {
    for (const f of listFiles(site).filter((x) => x.endsWith('.html'))) {
      expect(readFileSync(join(site, f), 'utf8'), f).toContain('<html lang="zh-CN"');
    }
  });

  test('the sitemap lists only pages that exist', () => {
    const index = readFileSync(join(site, 'sitemap.xml'), 'utf8');
    expect(index).toContain('<sitemapindex');
    const files = [...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(files).toEqual(['/sitemaps/1.xml.gz']);
    const xml = gunzipSync(readFileSync(join(site, 'sitemaps/1.xml.gz'))).toString('utf8');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(10);
    for (const p of locs) expect(resolves(site, p), p).toBe(true);
  });
});

describe('charts', () => {
  test('an embed page contains its SVG and its table, and needs no script', () => {
    const html = page(basic, '/embed/region-420000-targets/');
    expect(html).toMatch(/<svg[^>]*role="(img|group)"/);
    expect(html).toContain('<table');
    expect(html).toContain('湖北省目标与已淘汰产能');
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('&lt;iframe src=&quot;');
    expect(resolves(basic, '/embed/region-420000-targets/data.csv')).toBe(true);
    // The SVG is in the page, not also in a file beside it.
    expect(resolves(basic, '/embed/region-420000-targets/chart.svg')).toBe(false);
  });

  test('a chart CSV holds exactly the numbers of its table', () => {
    const csv = readFileSync(join(basic, 'embed/region-420000-status/data.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('计划淘汰,2');
    expect(csv).toContain('已拆除,1');
  });

  test('region, home and industry pages carry their charts with tables', () => {
    for (const p of ['/', '/regions/420000/', '/industries/calcium-carbide/']) {
      const html = page(basic, p);
      expect(html, p).toMatch(/<figure class="chart"/);
      expect(html, p).toContain('图表数据（表格）');
    }
  });

  test('an enterprise page tells each line\'s record once, in date order, with the steps each announcement reported', () => {
    const html = page(basic, '/enterprises/91421202MA49ABCDXM/');
    expect(html).not.toMatch(/<svg/);
    const record = html.slice(html.indexOf('<ol class="record"'), html.indexOf('</ol>', html.indexOf('<ol class="record"')));
    const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const dates = [...text(record).matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日 /g)].map((m) => iso(m[1]!, m[2]!, m[3]!));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort());
    expect(text(record)).toMatch(/咸安区2024年淘汰落后产能完成名单 ?： ?已关停 ?（已关停 2024年5月1日）/);
  });
});

describe('the record’s history', () => {
  test('a correction’s page lists a removed row and a changed capacity beside its note', () => {
    const html = page(basic, '/announcements/2025-421202-plan-2/');
    const diff = html.slice(html.indexOf('更正内容'));
    const t = text(diff);
    expect(t).toContain('删除 1 行，修改 1 行');
    expect(t).toMatch(/删除的行 XA-004 咸宁示例铁合金厂/);
    expect(t).toMatch(/XA-002 咸宁示例电石有限公司 产能 1\.5 1\.6/);
    expect(diff).toContain('<del>1.5</del>');
    expect(diff).toContain('<ins>1.6</ins>');
    expect(t).toContain('XA-004 已于2024年自行停产转产，不再列入'); // the note, beside the diff
    expect(t).not.toContain('更正说明未交代此删除'); // the note names XA-004
  });

  test('/changes/ lists every announcement with its effect, newest first', () => {
    const t = text(page(basic, '/changes/'));
    expect(t).toContain('更正 2025-421202-plan：删除 1 行，修改 1 行');
    expect(t.indexOf('湖北省2024年度淘汰落后产能工作考核结果')).toBeLessThan(t.indexOf('咸安区2024年淘汰落后产能计划名单'));
    expect(page(basic, '/changes/')).toContain('data-province="420000"');
  });

  test('a line planned in one year and completed in a later one shows both, and how long it was overdue', () => {
    const t = text(page(basic, '/enterprises/91421202MA49ABCDXM/'));
    // Its record dates the plan that first listed it (the card has no separate first-published date).
    expect(t).toMatch(/2024年3月20日 咸安区2024年淘汰落后产能计划名单 ?： ?计划淘汰 .*2024年12月15日 咸安区2024年淘汰落后产能完成名单/);
    expect(t).not.toContain('首次公布日期');
    expect(t).toMatch(/逾期 \d+ 天/);
  });
});
