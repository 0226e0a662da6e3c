import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { SITES } from './global-setup.ts';
import { listFiles, page, quoted } from './helpers.ts';

const site = SITES.hostile.out;
// Markup outputs; CSV and JSON downloads carry the text verbatim, correctly quoted (tested below).
const files = listFiles(site).filter((f) => /\.(html|xml|svg)$/.test(f));

/** Markup a payload would become if it were not escaped. */
const LIVE = [/<script>alert/i, /<img src=x onerror/i, /<svg[^>]*onload=/i, /href="javascript:/i, /<iframe src="\/\/evil/i, /src="https:\/\/evil/i, /<\/script><script>/i];

describe('hostile data is shown as text in every output', () => {
  test.each(files)('%s carries no live payload', (f) => {
    // Attributes quoted as a parser reads them, so that a bare href=javascript: is caught too.
    const text = quoted(readFileSync(join(site, f), 'utf8'));
    for (const re of LIVE) expect(text, `${f} matches ${re}`).not.toMatch(re);
  });

  test('the announcement page shows the payloads as text', () => {
    const html = page(site, '/announcements/2025-421202-plan/');
    expect(html).toContain('&lt;script&gt;alert(&apos;name&apos;)&lt;/script&gt;示例公司');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&apos;md-img&apos;)&quot;&gt;');
    expect(html).toContain('点我'); // the javascript: link survives only as its text
    expect(html).toContain('<a href="mailto:a@example.gov.cn">');
    expect(html).toContain('<a href="https://example.gov.cn/x">');
    expect(html).not.toContain('evil.example/track.png"');
  });

  test('CSV downloads neutralise nothing they need not, and quote what they must', () => {
    const csv = gunzipSync(readFileSync(join(site, 'data/rows/lines.csv.gz'))).toString('utf8');
    expect(csv).toContain('"""><svg/onload=alert(2)>示例 ""引号"" 公司"');
    expect(csv).toContain('javascript:alert(\'eq2\')');
  });

  test('JSON downloads keep the text exactly', () => {
    const region = JSON.parse(readFileSync(join(site, 'regions/421202/data.json'), 'utf8'));
    const lines = region.lines as { columns: string[]; rows: unknown[][] };
    const name = lines.columns.indexOf('enterprise_name');
    expect(lines.rows.map((r) => r[name])).toContain("<script>alert('name')</script>示例公司");
    const issued = region.announcements_issued as { columns: string[]; rows: unknown[][] };
    expect(issued.rows.map((r) => r[issued.columns.indexOf('title')])).toContain("<script>alert('title')</script>咸安区计划名单</title><img src=x onerror=alert(1)>");
  });

  test('workbooks keep the text exactly, as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(site, 'regions/421200/announcements.xlsx')) as unknown as ArrayBuffer);
    const index = wb.getWorksheet('目录')!;
    expect(index.getColumn(3).values).toContain("<script>alert('title')</script>咸安区计划名单</title><img src=x onerror=alert(1)>");
    const sheet = wb.getWorksheet('计划淘汰名单')!;
    expect(sheet.getColumn(3).values).toContain("<script>alert('name')</script>示例公司");
  });
});
