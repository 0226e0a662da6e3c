/**
 * `npm run import` beyond the layouts of import-cases.test.ts: names that fit several regions are
 * asked about, never guessed; the same file gives the same bytes; a re-import replaces an
 * announcement not yet published and never a published one; .xls through the real LibreOffice;
 * the pieces (units, dates, place names, the synonym table) on their own; and the import's work
 * grows linearly with the list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS, TABLE_SCHEMAS } from '../../src/schema/announcement.ts';
import { columnsOf } from '../../src/schema/column.ts';
import { buildRegionTable } from '../../src/reference/regions.ts';
import { buildTaxonomy } from '../../src/reference/industries.ts';
import { convertDocument } from '../../src/import/convert.ts';
import { readDate } from '../../src/import/dates.ts';
import { headerIndexOf } from '../../src/import/headers.ts';
import { lineId } from '../../src/import/ids.ts';
import { buildPlaceIndex, matchPlace } from '../../src/import/places.ts';
import { IMPORT_LIMITS } from '../../src/import/refusal.ts';
import { readSource } from '../../src/import/read.ts';
import { REGION_NAME, SEQ, SYNONYMS } from '../../src/import/synonyms.ts';
import { headerUnit, parseUnit, readNumberCell, shiftDecimal } from '../../src/import/units.ts';
import { cleanText, detectTraditional } from '../../src/import/clean.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { runScript } from '../support/scripts.ts';

const work = mkdtempSync(join(tmpdir(), 'phaseout-import-more-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
function fresh(): { dir: string; root: string } {
  const dir = join(work, String(++n));
  const root = join(dir, 'data');
  mkdirSync(root, { recursive: true });
  return { dir, root };
}

const page = (rows: string) => `<html><body><p>一、水泥</p><table><tr><td>序号</td><td>地区</td><td>企业名称</td><td>淘汰内容</td><td>产能（万吨）</td><td>淘汰时间</td></tr>${rows}</table></body></html>`;
const ARGS = ['--kind', 'plan', '--region', '000000', '--year', '2011', '--published', '2011-07-11', '--issuer', '工业和信息化部'];

describe('place names that fit several regions', () => {
  const html = page('<tr><td>1</td><td>朝阳区</td><td>北京金隅水泥厂</td><td>Φ3×10m机立窑</td><td>8</td><td>2011年底前</td></tr>');

  it('are reported with their candidates and left blank, not guessed; the report names the way to answer', async () => {
    const { dir, root } = fresh();
    writeFileSync(join(dir, 'a.html'), html);
    const r = await runScript('import', [join(dir, 'a.html'), ...ARGS, '--data', root]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('地区名称“朝阳区”有 2 个可能：110105 北京市朝阳区、220104 吉林省长春市朝阳区。没有猜测，行政区划代码留空');
    expect(r.stdout).toContain('--region-name 朝阳区=110105');
    expect(r.stdout).toContain('缺行政区划代码：表格第 2 行');
    expect(r.stdout).toContain('[missing-value] 第 2 行 region_code 列');
    const csv = readFileSync(join(root, 'announcements/2011/2011-000000-plan.csv'), 'utf8');
    expect(csv.split('\n')[1]).toMatch(/^L[0-9a-f]{12},北京金隅水泥厂,,水泥,/);
  });

  it('are answered with --region-name, and then the announcement validates', async () => {
    const { dir, root } = fresh();
    writeFileSync(join(dir, 'a.html'), html);
    const r = await runScript('import', [join(dir, 'a.html'), ...ARGS, '--region-name', '朝阳区=110105', '--data', root]);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('地区“朝阳区”按 --region-name 指定 → 110105 北京市朝阳区');
    expect(readFileSync(join(root, 'announcements/2011/2011-000000-plan.csv'), 'utf8')).toContain(',北京金隅水泥厂,110105,水泥,');
  });

  it('a name the region table lacks points to regions.csv; with a historical code there it resolves for that year', async () => {
    const old = page('<tr><td>1</td><td>襄樊市</td><td>襄樊市某水泥厂</td><td>Φ3×10m机立窑</td><td>8</td><td>2011年底前</td></tr>');
    const a = fresh();
    writeFileSync(join(a.dir, 'a.html'), old);
    const r = await runScript('import', [join(a.dir, 'a.html'), ...ARGS.slice(0, 5), '2009', ...ARGS.slice(6), '--data', a.root]);
    expect(r.stdout).toContain('地区“襄樊市”在地区表中找不到，行政区划代码留空。如果是已更名或撤销的地区，请把它写进数据目录的 regions.csv');
    const b = fresh();
    writeFileSync(join(b.root, 'regions.csv'), 'code,name,parent,valid_from,valid_to\n420601,襄樊市,420000,1983-10-08,2010-11-26\n');
    writeFileSync(join(b.dir, 'a.html'), old);
    const s = await runScript('import', [join(b.dir, 'a.html'), '--kind', 'plan', '--region', '000000', '--year', '2009', '--published', '2009-07-11', '--issuer', '工业和信息化部', '--data', b.root]);
    expect(s.stdout).toContain('→ 420601 湖北省襄樊市（已撤销的历史代码，停用于 2010-11-26）');
  });
});

describe('a saved page', () => {
  it('a table\'s caption is its section heading, and text of scripts is no table', () => {
    const html = '<html><body><script>document.write("<table><tr><td>序号</td><td>企业名称</td></tr></table>")</script><table><caption>一、电石</caption>' +
      '<tr><th>序号</th><th>所在地</th><th>企业名称</th><th>主要设备</th><th>产能（万吨）</th><th>淘汰时间</th></tr>' +
      '<tr><td>1<td>湖北省<td>咸安区温泉电石总厂<td>1×5000KVA电石炉<td>1<td>2011年底前</table></body></html>';
    const doc = readSource(new TextEncoder().encode(html), 'html', IMPORT_LIMITS, 'x');
    const t = convertDocument(doc, { kind: 'plan', region: '000000', year: 2011 }, { regions: buildRegionTable(), taxonomy: buildTaxonomy() });
    expect(t.stats.tables).toBe(1);
    expect(t.rows).toEqual([[lineId('咸安区温泉电石总厂', '421202', '1×5000KVA电石炉'), '咸安区温泉电石总厂', '421202', '电石', '1×5000KVA电石炉', '1', '万吨', '2011-12', '计划淘汰']]);
  });
});

describe('province headings', () => {
  it('a heading row that names a province is the region of the rows under it; one that fits several regions is reported, not used', () => {
    const rows = (name: string) => `<tr><td colspan="4">${name}</td></tr><tr><td>1</td><td>某钢铁有限公司</td><td>128m³高炉</td><td>20万吨</td></tr>`;
    const html = `<html><body><p>一、炼铁</p><table><tr><td>序号</td><td>企业名称</td><td>淘汰内容</td><td>产能</td></tr>${rows('河北省')}${rows('朝阳区')}</table></body></html>`;
    const doc = readSource(new TextEncoder().encode(html), 'html', IMPORT_LIMITS, 'x');
    const t = convertDocument(doc, { kind: 'plan', region: '000000', year: 2011 }, { regions: buildRegionTable(), taxonomy: buildTaxonomy() });
    expect(t.rows.map((r) => r[2])).toEqual(['130000', '']);
    const texts = t.findings.map((f) => f.text);
    expect(texts).toContain('章节标题“河北省”→ 130000 河北省，用于其下各行的地区');
    expect(texts.some((x) => x.startsWith('地区名称“朝阳区”有 2 个可能'))).toBe(true);
  });
});

describe('importing again', () => {
  const html = page('<tr><td>1</td><td>山东省</td><td>临淄东风水泥厂</td><td>Φ3×10m机立窑</td><td>10</td><td>2011年底前</td></tr>');

  it('the same file gives the same bytes, into another data root or over itself with --id', async () => {
    const a = fresh();
    const b = fresh();
    for (const x of [a, b]) writeFileSync(join(x.dir, 'a.html'), html);
    expect((await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--data', a.root])).status).toBe(0);
    expect((await runScript('import', [join(b.dir, 'a.html'), ...ARGS, '--data', b.root])).status).toBe(0);
    const files = (root: string) => readdirSync(join(root, 'announcements/2011')).sort().map((f) => [f, readFileSync(join(root, 'announcements/2011', f), 'utf8')]);
    expect(files(a.root)).toEqual(files(b.root));
    const before = files(a.root);
    expect((await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--id', '2011-000000-plan', '--data', a.root])).status).toBe(0);
    expect(files(a.root)).toEqual(before);
    // Without --id, a second import is a second announcement.
    await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--data', a.root]);
    expect(readdirSync(join(a.root, 'announcements/2011')).sort()).toEqual(['2011-000000-plan-2.csv', '2011-000000-plan-2.md', '2011-000000-plan.csv', '2011-000000-plan.md']);
  });

  it('a published announcement is never overwritten: --id of a locked one is refused with the way to correct it', async () => {
    const a = fresh();
    writeFileSync(join(a.dir, 'a.html'), html);
    await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--data', a.root]);
    expect((await runScript('lock', ['--data', a.root])).status).toBe(0);
    const r = await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--id', '2011-000000-plan', '--data', a.root]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run new -- --supersedes 2011-000000-plan');
  });

  it('the report can be saved with --report, but not inside the data root', async () => {
    const a = fresh();
    writeFileSync(join(a.dir, 'a.html'), html);
    const inside = await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--report', join(a.root, 'r.txt'), '--data', a.root]);
    expect(inside.status).toBe(2);
    const r = await runScript('import', [join(a.dir, 'a.html'), ...ARGS, '--report', join(a.dir, '报告.txt'), '--data', a.root]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(a.dir, '报告.txt'), 'utf8')).toBe(r.stdout);
  });
});

describe('older binary formats', () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

  async function workbook(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('炼铁');
    ws.addRow(['序号', '省份', '企业名称', '主要设备', '产能（万吨）', '淘汰时间']);
    ws.addRow([1, '河北省', '唐山市丰润区松汀钢铁有限公司', '128m³高炉', 20, '2011年底前']);
    await wb.xlsx.writeFile(file);
  }

  it.runIf(soffice)('an .xls is converted by LibreOffice and imported like the .xlsx it came from', async () => {
    const { dir, root } = fresh();
    await workbook(join(dir, '名单.xlsx'));
    const made = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xls', '--outdir', dir, join(dir, '名单.xlsx')], { encoding: 'utf8', timeout: 180_000 });
    expect(made.status, made.stderr).toBe(0);
    const r = await runScript('import', [join(dir, '名单.xls'), ...ARGS, '--data', root]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('读作：Excel 工作簿（.xlsx）（由 LibreOffice 从 .xls 转换为 .xlsx）');
    expect(r.stdout).toContain('工作表名“炼铁”→ 行业 炼铁');
    const csv = readFileSync(join(root, 'announcements/2011/2011-000000-plan.csv'), 'utf8');
    expect(csv.split('\n')[1]).toBe(`${lineId('唐山市丰润区松汀钢铁有限公司', '130208', '128m³高炉')},唐山市丰润区松汀钢铁有限公司,130208,炼铁,128m³高炉,20,万吨,2011-12,计划淘汰`);
  }, 240_000);

  it.runIf(soffice)('a Word .doc is converted by LibreOffice to .docx and its table imported', async () => {
    const { dir, root } = fresh();
    // The .doc is made by LibreOffice's own Word 97 filter from a page with the table.
    writeFileSync(join(dir, '名单.html'), '<html><body><p>一、电石</p><table border="1"><tr><td>序号</td><td>所在地</td><td>企业名称</td><td>主要设备</td><td>产能（万吨）</td><td>淘汰时间</td></tr>' +
      '<tr><td>1</td><td>湖北省</td><td>咸安区温泉电石总厂</td><td>1×5000KVA电石炉</td><td>1</td><td>2011年底前</td></tr></table></body></html>');
    const made = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'doc:MS Word 97', '--outdir', dir, join(dir, '名单.html')], { encoding: 'utf8', timeout: 180_000 });
    expect(made.status, made.stderr).toBe(0);
    const r = await runScript('import', [join(dir, '名单.doc'), ...ARGS, '--data', root]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('（由 LibreOffice 从 .doc 转换为 .docx）');
    const csv = readFileSync(join(root, 'announcements/2011/2011-000000-plan.csv'), 'utf8');
    expect(csv.split('\n')[1]).toBe(`${lineId('咸安区温泉电石总厂', '421202', '1×5000KVA电石炉')},咸安区温泉电石总厂,421202,电石,1×5000KVA电石炉,1,万吨,2011-12,计划淘汰`);
  }, 240_000);

  it('without LibreOffice, an .xls is refused with the way to re-save it as .xlsx', async () => {
    const { dir, root } = fresh();
    writeFileSync(join(dir, '名单.xls'), 'whatever');
    const r = await runScript('import', [join(dir, '名单.xls'), ...ARGS, '--data', root], { env: { PHASEOUT_SOFFICE: join(dir, 'no-such-soffice') } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('“名单.xls”是旧的 .xls 格式，这台电脑上没有安装 LibreOffice，无法转换。请在 WPS、Excel 或 Word 中打开它，“另存为”Excel 工作簿（.xlsx）后再导入');
    expect(existsSync(join(root, 'announcements'))).toBe(false);
  });
});

describe('the pieces', () => {
  it('units from headers and cells, converted exactly', () => {
    expect(headerUnit('产能(万吨)')).toEqual({ base: '产能', unit: '万吨' });
    expect(headerUnit('县(市、区)')).toBeUndefined();
    expect(readNumberCell('8万吨')).toMatchObject({ number: '8', unit: { unit: '万吨', exp: 0 } });
    expect(readNumberCell('1.5 万t/a')).toMatchObject({ number: '1.5', unit: { unit: '万吨' } });
    expect(readNumberCell('约30万吨')).toMatchObject({ number: '30', approx: true });
    expect(readNumberCell('1,041')).toMatchObject({ number: '1041', grouped: true });
    expect(readNumberCell('8万吨，2条')).toMatchObject({ rest: '万吨，2条' });
    expect(parseUnit('MW')).toMatchObject({ unit: '万千瓦', exp: -1 });
    expect(shiftDecimal('8000', -4)).toBe('0.8');
    expect(shiftDecimal('25', -1)).toBe('2.5');
    expect(shiftDecimal('1.5', 4)).toBe('15000');
    expect(shiftDecimal('0.5', -4)).toBe('0.00005');
  });

  it('dates as lists write them; only unambiguous forms are rewritten', () => {
    expect(readDate('2011年底前', true)).toMatchObject({ value: '2011-12', interpreted: true });
    expect(readDate('2011年6月底前', true)).toMatchObject({ value: '2011-06' });
    expect(readDate('2011年9月30日前', true).value).toBe('2011-09-30');
    expect(readDate('2011.6', true).value).toBe('2011-06');
    expect(readDate('2011年第三季度', true).value).toBe('2011-09');
    expect(readDate('2025年4月28日', false).value).toBe('2025-04-28');
    expect(readDate('2025年4月', false).value).toBe('2025年4月');
    expect(readDate('4/5/2025', false).value).toBe('4/5/2025');
    expect(readDate('2025年2月30日', false).value).toBe('2025年2月30日');
  });

  it('place names: full and short names, chains, autonomous prefectures, the announcement region and hints narrowing', () => {
    const regions = buildRegionTable();
    const idx = buildPlaceIndex(regions);
    const at = (text: string, within = '000000', hints: string[] = [], shortOk = true) => matchPlace(text, idx, { within, hints, year: 2011 }, shortOk)?.candidates.map((r) => r.code);
    expect(at('河北')).toEqual(['130000']);
    expect(at('楚雄州')).toEqual(['532300']);
    expect(at('楚雄彝族自治州')).toEqual(['532300']);
    expect(at('山西省太原市小店区')).toEqual(['140105']);
    expect(at('淄博市临淄', '000000', [], false)).toEqual(['370305']);
    expect(at('临淄东风水泥厂', '000000', [], false)).toBeUndefined();
    expect(at('朝阳区')?.sort()).toEqual(['110105', '220104']);
    expect(at('朝阳区', '110000')).toEqual(['110105']);
    expect(at('朝阳区', '000000', ['220000'])).toEqual(['220104']);
    expect(at('吉林')).toEqual(['220000']); // a province's short name before the city's
  });

  it('clean-up: Traditional only for Traditional documents, full width, footnotes (not m² or m³), invisible characters', () => {
    expect(detectTraditional(['咸安区温泉电石总厂', '乾县水泥厂']).traditional).toBe(false);
    expect(detectTraditional(['鹹寧市恆宇物資有限公司', '淘汰內容']).traditional).toBe(true);
    expect(cleanText('乾县水泥厂', false).text).toBe('乾县水泥厂');
    expect(cleanText('鐵合金廠①', true)).toMatchObject({ text: '铁合金厂', footnote: '①' });
    expect(cleanText('１２８ｍ３高炉', false).text).toBe('128m3高炉');
    expect(cleanText('128m³', false).text).toBe('128m³');
    expect(cleanText('咸宁市\u200b示例厂*', false)).toMatchObject({ text: '咸宁市示例厂', invisible: true, footnote: '*' });
    expect(cleanText('咸宁市恒宇物资有限\n公司', false).text).toBe('咸宁市恒宇物资有限公司');
  });

  it('the synonym table: every entry is a column of some kind (or seq, region_name), and no header means two columns of one kind', () => {
    const all = new Set([SEQ, REGION_NAME, ...KINDS.flatMap((k) => columnsOf(TABLE_SCHEMAS[k]).map((c) => c.name))]);
    for (const col of Object.keys(SYNONYMS)) expect(all.has(col), col).toBe(true);
    for (const kind of KINDS) {
      const names = new Set([SEQ, REGION_NAME, ...columnsOf(TABLE_SCHEMAS[kind]).map((c) => c.name)]);
      const seen = new Map<string, string>();
      for (const [col, list] of Object.entries(SYNONYMS)) {
        if (!names.has(col)) continue;
        for (const s of list) {
          const k = s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
          expect(seen.get(k) ?? col, `${kind}: ${s}`).toBe(col);
          seen.set(k, col);
        }
      }
      // Every column of the kind is reachable by its Chinese header.
      const reachable = new Set(headerIndexOf(kind).exact.values());
      for (const c of columnsOf(TABLE_SCHEMAS[kind])) expect(reachable.has(c.name), `${kind}: ${c.name}`).toBe(true);
    }
  });
});

describe('the import grows linearly with the list', () => {
  const PROVINCES = ['河北省', '山西省', '山东省', '河南省', '湖北省', '湖南省', '云南省', '四川省'];

  /** A national notice of `rows` lines in eight industry sections. */
  function notice(rows: number): string {
    const sections = ['炼铁', '炼钢', '焦炭', '铁合金', '电石', '水泥', '平板玻璃', '造纸'];
    const unit = (s: string) => (s === '平板玻璃' ? '万重量箱' : '万吨');
    const per = Math.ceil(rows / sections.length);
    return `<html><body>${sections.map((s, k) => `<p>${k + 1}、${s}</p><table><tr><td>序号</td><td>地区</td><td>企业名称</td><td>淘汰内容</td><td>产能</td><td>淘汰时间</td></tr>${Array.from({ length: per }, (_, i) =>
      `<tr><td>${i + 1}</td><td>${PROVINCES[i % 8]}</td><td>示例${s}企业${k}-${i}有限公司</td><td>${i % 7 + 1}号设备</td><td>${(i % 50) + 1}${unit(s)}</td><td>2011年底前</td></tr>`).join('')}</table>`).join('')}</body></html>`;
  }

  function run(html: string): number {
    const regions = buildRegionTable();
    const taxonomy = buildTaxonomy();
    const t = performance.now();
    const doc = readSource(new TextEncoder().encode(html), 'html', IMPORT_LIMITS, 'x');
    const table = convertDocument(doc, { kind: 'plan', region: '000000', year: 2011 }, { regions, taxonomy });
    const ms = performance.now() - t;
    expect(table.rows.length).toBeGreaterThan(0);
    return ms;
  }

  it('four times the rows take about four times as long', () => {
    const small = notice(1_000);
    const large = notice(4_000);
    run(small); // warm up
    const ts = Math.min(run(small), run(small));
    const tl = Math.min(run(large), run(large));
    expect(tl / ts).toBeLessThan(10);
  });

  it('a national list of 2,000 rows imports into a data root that validates', async () => {
    const { dir, root } = fresh();
    writeFileSync(join(dir, 'n.html'), notice(2_000));
    const r = await runScript('import', [join(dir, 'n.html'), ...ARGS, '--data', root]);
    expect(r.status, r.stdout.slice(-2000)).toBe(0);
    expect(validateDataRoot(root).report.errors).toBe(0);
    expect(r.stdout).toContain('导入 2000 行');
  });
});
