/**
 * The machine outputs besides the workbooks: checksums that `sha256sum -c` accepts in the folder
 * that holds them, CSV for machines and with Chinese headers, each region's data.json, robots.txt,
 * sitemaps with lastmod from the data, the `_headers` file under a host that merges every
 * matching rule, content types, and gzip copies of large files (for nginx, made after the build).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { orderLines } from '../../src/derive/aggregate.ts';
import { buildModel } from '../../src/derive/model.ts';
import { contentType, headersFile, matchingRules, pageRootPatterns } from '../../src/output/hosting.ts';
import { getsCopy, gzipped } from '../../src/output/precompress.ts';
import { policyFor } from '../../src/output/csp.ts';
import { runScript } from '../support/scripts.ts';
import { policySlugs } from '../../src/site/record.ts';
import { pagePaths, sitemapEntries, type RouteContext } from '../../src/site/routes.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { bytesOf, modelOf, outputsOf } from '../support/outputs.ts';

const REPO = join(import.meta.dirname, '../..');
const CODES = join(REPO, 'test/fixtures/output/codes/data');
const model = modelOf(CODES);
const files = await outputsOf(model);
const text = (path: string) => bytesOf(files.get(path)).toString('utf8');

describe('checksums', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phaseout-sums-'));
  for (const f of files.values()) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (folder: string) => spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: join(dir, folder), encoding: 'utf8' });

  test('sha256sum -c verifies /data/ and /regions/ in their own folders', () => {
    for (const folder of ['data', 'regions']) {
      const r = check(folder);
      expect(r.stderr).toBe('');
      expect(r.status, r.stdout).toBe(0);
    }
    expect(check('data').stdout).toContain('rows/lines.csv.gz: OK');
    expect(check('data').stdout).toContain('lines.xlsx: OK');
    expect(check('regions').stdout).toContain('421200/announcements.xlsx: OK');
  });

  test('and fails on a changed file', () => {
    writeFileSync(join(dir, 'data/regions.csv'), 'code\r\n');
    const r = check('data');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('regions.csv: FAILED');
  });
});

describe('CSV', () => {
  test('for machines: canonical headers, no BOM, true/false', () => {
    const csv = text('/data/lines.csv');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toMatch(/^line_key,line_id,enterprise_key,enterprise_name,credit_code,region_code,/);
    expect(csv).toContain('42:000123,000123,914212021001583828,咸宁示例全数字代码电石有限公司,914212021001583828,421202,咸安区,');
    expect(csv).toMatch(/,false,2025,,,false,2025-03-01,2025-03-01,2025-421202-plan,2025-421202-plan,true\r\n/);
  });

  test('with Chinese headers, 是/否 and a BOM for Excel', () => {
    const csv = text('/data/lines-zh.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // For people: the keys and codes for programs (线的唯一键, 企业键, 行业代码, 状态代码, 提到本线的公告) are left out.
    const header = csv.slice(1).split('\r\n')[0]!;
    expect(header).toMatch(/^清单编号,企业名称,统一社会信用代码,行政区划代码,地区,行业,/);
    for (const machine of ['线的唯一键', '企业键', '行业代码', '提到本线的公告']) expect(header.split(','), machine).not.toContain(machine);
    expect(header.split(',')).toContain('状态（中文）');
    expect(header.split(',')).not.toContain('状态');
    expect(csv).toContain(',否,2025,,,否,2025-03-01,');
  });

  test('every row of every announcement, with its announcement and source line', () => {
    const rows = gunzipSync(bytesOf(files.get('/data/rows/lines.csv.gz'))).toString('utf8').trim().split('\r\n');
    expect(rows[0]).toMatch(/^announcement_id,kind,source_line,line_key,line_id,/);
    expect(rows).toContain('2025-421202-plan,plan,2,42:000123,000123,咸宁示例全数字代码电石有限公司,914212021001583828,421202,calcium-carbide,1×5000KVA电石炉,,1.5,万吨,2025-10,shutdown,2025-01-05,,,,,,,,,,,false,000001,,"{""x_原文序号"":""001""}"');
    expect(text('/data/rows/targets.csv')).toContain('2025-000000-target,2,000000,calcium-carbide,50,万吨,,全国,');
  });
});

describe('a region’s data.json', () => {
  const data = JSON.parse(text('/regions/421202/data.json'));

  test('has the page’s figures under stable keys', () => {
    expect(data).toMatchObject({
      format: 2,
      region: { code: '421202', name: '咸安区', level: 'county', parent: '421200' },
      as_of: '2025-03-01',
      version: model.release.id,
      page: 'https://phaseout.example.gov.cn/regions/421202/',
      progress: { lines: 4, complete: 0, overdue: 0, unreported: 2, share_complete: 0, by_status: { planned: 3, shutdown: 1, sealed: 0, dismantled: 0, accepted: 0, incomplete: 0 } },
      lines_total: 4,
      lines_listed: 4,
    });
    expect(data.chain.map((r: { code: string }) => r.code)).toEqual(['000000', '420000', '421200', '421202']);
    expect(records(data.targets_vs_capacity)).toContainEqual({ year: 2025, industry: 'calcium-carbide', industry_name: '电石', unit: '万吨', target: null, planned: 1.5, eliminated: 0 });
    expect(records(data.announcements_issued).map((a) => a.id)).toContain('2025-421202-plan');
    // The page's order: overdue first, then by region and enterprise name. No completion list covers
    // Xian'an in 2024, so its lines past their deadline are 未见完成公告, not overdue.
    // The lines the page lists, as a table: keys, then the columns the page's lines table shows.
    const lines = data.lines as { columns: string[]; rows: unknown[][] };
    expect(lines.columns.slice(0, 3)).toEqual(['line_key', 'enterprise_key', 'enterprise_name']);
    const line = (r: unknown[]) => Object.fromEntries(lines.columns.map((c, i) => [c, r[i]]));
    expect(lines.rows.map((r) => line(r).line_key)).toEqual(orderLines(model.linesByRegion.get('421202')!).map((l) => l.key));
    expect(line(lines.rows[0]!)).toMatchObject({ line_key: '42:XA-102', enterprise_name: '咸宁示例焦化厂', status: 'planned', overdue: false, unreported: true });
    expect(line(lines.rows[0]!).enterprise_key).toMatch(/^421202-[0-9a-f]{10}$/);
  });

  test('names its workbook with the size and SHA-256 of the file', () => {
    // A county's announcements are in its city's workbook, which its data.json names.
    const book = bytesOf(files.get('/regions/421200/announcements.xlsx'));
    expect(files.has('/regions/421202/announcements.xlsx')).toBe(false);
    expect(data.downloads).toEqual([{ path: '/regions/421200/announcements.xlsx', bytes: book.length, sha256: createHashHex(book) }]);
    expect(JSON.parse(text('/regions/421200/data.json')).downloads).toEqual(data.downloads);
    // A region that issued nothing and holds no workbook names none.
    expect(JSON.parse(text('/regions/420000/data.json')).downloads.length).toBe(files.has('/regions/420000/announcements.xlsx') ? 1 : 0);
  });

  test('a parent lists its children’s progress', () => {
    const province = JSON.parse(text('/regions/420000/data.json'));
    expect(province.children).toEqual([{ code: '421200', name: '咸宁市', lines: 4, complete: 0, overdue: 0, unreported: 2, share_complete: 0, by_status: { planned: 3, shutdown: 1, sealed: 0, dismantled: 0, accepted: 0, incomplete: 0 }, page: '/regions/421200/' }]);
    expect(records(province.targets_vs_capacity)).toContainEqual({ year: 2025, industry: 'calcium-carbide', industry_name: '电石', unit: '万吨', target: 5, planned: 1.5, eliminated: 0 });
  });
});

/** A data.json table (columns, then rows) as records. */
function records(table: { columns: string[]; rows: unknown[][] }): Record<string, unknown>[] {
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
}

const createHashHex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('crawlers', () => {
  const sample = buildModel(validateDataRoot(join(REPO, 'data')));
  const ctx: RouteContext = { model: sample, policies: policySlugs(join(REPO, 'content/policies')) };
  const entries = new Map(sitemapEntries(ctx).map((e) => [e.path, e.lastmod]));

  test('robots.txt names the sitemap by its absolute URL', () => {
    expect(text('/robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://phaseout.example.gov.cn/sitemap.xml\n');
  });

  test('sitemap lastmod comes from the data: a region’s latest announcement, an enterprise’s, an announcement’s or its correction’s, else the as-of date', () => {
    for (const [code, list] of sample.announcementsWithin) expect(entries.get(`/regions/${code}/`), code).toBe(list[0]!.meta.published);
    for (const a of sample.announcements) {
      const by = sample.supersededBy.get(a.id);
      expect(entries.get(`/announcements/${a.id}/`)).toBe(by ? sample.byId.get(by)!.meta.published : a.meta.published);
    }
    const e = sample.enterprises[0]!;
    expect(entries.get(`/enterprises/${e.key}/`)).toBe(e.lines.flatMap((l) => l.mentions.map((m) => m.published)).sort().at(-1));
    expect(entries.get('/')).toBe(sample.asOf);
    expect([...entries.values()].every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d <= sample.asOf)).toBe(true);
  });

  test('the sitemap files carry the lastmod, the index the latest of each file', async () => {
    const out = new Map<string, string>();
    const { sitemaps } = await import('../../src/output/site-files.ts');
    for (const f of sitemaps(sample, { site: new URL('https://x.example/'), sitemap: sitemapEntries(ctx), pageRoots: [] })) {
      out.set(f.path, typeof f.content === 'string' ? f.content : gunzipSync(f.content).toString('utf8'));
    }
    // The sitemap files are gzipped (the index names them so); the index is plain.
    expect(out.get('/sitemaps/1.xml.gz')).toContain(`<url><loc>https://x.example/</loc><lastmod>${sample.asOf}</lastmod></url>`);
    expect(out.get('/sitemap.xml')).toContain('<loc>https://x.example/sitemaps/1.xml.gz</loc>');
    expect(out.get('/sitemap.xml')).toContain(`<lastmod>${sample.asOf}</lastmod>`);
  });

  test('_headers: under a host that applies every matching rule, a page gets one policy that forbids framing, an embed one that allows it', () => {
    const paths = [...pagePaths(ctx)].map((p) => p.path);
    const file = headersFile(pageRootPatterns(paths));
    expect(paths.some((p) => p.startsWith('/embed/'))).toBe(true);
    for (const path of paths) {
      const rules = matchingRules(file, path);
      const set = rules.flatMap((r) => Object.keys(r.headers));
      expect(new Set(set).size, `${path}: a header set by two rules`).toBe(set.length);
      const csp = rules.map((r) => r.headers['Content-Security-Policy']).filter(Boolean);
      expect(csp, path).toHaveLength(1);
      expect(csp[0]).toContain(policyFor(path));
      expect(csp[0]).toMatch(path.startsWith('/embed/') ? /frame-ancestors \*$/ : /frame-ancestors 'none'$/);
    }
  });
});

describe('hosting', () => {
  test('every output’s media type is the one hosts are told to send', () => {
    for (const f of files.values()) expect(contentType(f.path), f.path).toBe(f.mediaType);
    expect(contentType('/pagefind/fragment/zh_1a2b.pf_fragment')).toBe('application/octet-stream');
    expect(contentType('/data/SHA256SUMS')).toBe('text/plain; charset=utf-8');
  });

  test('large text files get a gzip copy beside them, small ones and workbooks do not', async () => {
    const big = 'x,'.repeat(200_000);
    expect(getsCopy('/data/big.csv', Buffer.byteLength(big))).toBe(true);
    expect(gunzipSync(await gzipped(big)).toString()).toBe(big);
    expect(getsCopy('/data/small.csv', 1)).toBe(false);
    expect(getsCopy('/data/big.xlsx', 1_000_000)).toBe(false);
  });

  test('npm run precompress writes those copies into a built site, and the same bytes when run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phaseout-gz-'));
    try {
      const big = 'a,b\r\n'.repeat(100_000);
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, 'data/lines.csv'), big);
      writeFileSync(join(dir, 'data/small.csv'), 'a,b\r\n');
      writeFileSync(join(dir, 'data/lines.xlsx'), new Uint8Array(600_000));
      const run = await runScript('precompress', [dir]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('1 个大文件');
      const first = readFileSync(join(dir, 'data/lines.csv.gz'));
      expect(gunzipSync(first).toString()).toBe(big);
      expect(existsSync(join(dir, 'data/small.csv.gz'))).toBe(false);
      expect(existsSync(join(dir, 'data/lines.xlsx.gz'))).toBe(false);
      expect((await runScript('precompress', [dir])).stdout).toContain('1 个大文件');
      expect(readFileSync(join(dir, 'data/lines.csv.gz')).equals(first)).toBe(true);
      expect(existsSync(join(dir, 'data/lines.csv.gz.gz'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the build writes no gzip copy of another output: nginx deployments add them (npm run precompress)', () => {
    const gz = [...files.keys()].filter((p) => p.endsWith('.gz'));
    expect(gz.filter((p) => files.has(p.slice(0, -3)))).toEqual([]);
    // What it does gzip is published only so: the sitemap files and the national rows of plans and completions.
    expect(gz.sort()).toEqual(['/data/rows/lines.csv.gz', '/sitemaps/1.xml.gz']);
    // The same bytes on any system: gzip's operating-system byte says "unknown", and there is no time.
    for (const p of gz) {
      const b = bytesOf(files.get(p));
      expect([b[9], b.readUInt32LE(4)], p).toEqual([255, 0]);
    }
  });
});
