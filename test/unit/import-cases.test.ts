/**
 * `npm run import` on lists as offices published them. Each case in test/fixtures/import/<case>/
 * has the command's arguments (args.json) and the table the import must write (expected.csv,
 * written by hand from the source rows below; the ids by the rule in src/import/ids.ts). The test
 * makes the source file on disk from realistic rows (names, equipment and capacities from the
 * seed documents: 楚雄, 咸安, 临淄 …), imports it into an empty data root, compares the table
 * byte for byte, and validates the data root.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { runScript } from '../support/scripts.ts';
import { docx } from '../support/zip.ts';

const CASES = join(import.meta.dirname, '../fixtures/import');
const work = mkdtempSync(join(tmpdir(), 'phaseout-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const td = (cells: readonly string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const NATIONAL_HEADER = ['序号', '地区', '企业名称', '淘汰内容', '产能（万吨）', '淘汰时间'];

/** MIIT's national notice as a saved page: sections under headings, provinces in row-spanning cells, a subtotal, all inside a layout table. */
function htmlNotice(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>工业和信息化部公告</title><script>var x = "<table><tr><td>不是表格</td></tr></table>";</script></head>
<body><table class="layout" width="100%"><tr><td class="nav">首页 &gt; 公告</td></tr><tr><td>
<h2>工业和信息化部公告 2011年第18号</h2>
<p>根据《国务院关于进一步加强淘汰落后产能工作的通知》，现将2011年工业行业淘汰落后产能企业名单予以公告。</p>
<p><b>一、炼铁</b></p>
<table border="1">
${td(NATIONAL_HEADER, 'th')}
<tr><td>1</td><td rowspan="2">山东省</td><td>济南钢铁股份有限公司</td><td>350立方米高炉</td><td>35</td><td>2011年底前</td></tr>
<tr><td>2</td><td>山东泰山钢铁集团有限公司</td><td>128立方米高炉</td><td>20</td><td>2011年底前</td></tr>
<tr><td>3</td><td rowspan="2">河北省</td><td>唐山市丰润区松汀钢铁有限公司</td><td>128立方米高炉</td><td>20</td><td>2011年底前</td></tr>
<tr><td>4</td><td>迁安市九江线材有限责任公司</td><td>300立方米高炉</td><td>30</td><td>2011年底前</td></tr>
<tr><td colspan="4">小计</td><td>105</td><td>&nbsp;</td></tr>
</table>
<p>二、电石</p>
<table border="1">
${td(NATIONAL_HEADER)}
${td(['1', '湖北省', '咸安区温泉电石总厂', '1×5000KVA电石炉', '1', '2011年6月底前'])}
${td(['2', '湖北省', '咸宁市恒宇物资有限公司桂花电石生产车间', '5000KVA电石炉', '1.5', '2011年底前'])}
</table>
<p>三、水泥（熟料及磨机）</p>
<table border="1">
${td(NATIONAL_HEADER)}
${td(['1', '山东省', '临淄东风水泥厂', 'Φ3×10m机立窑', '10', '2011年底前'])}
<tr><td>2</td><td>云南省</td><td>楚雄州耀华水泥有限责任公司</td><td>Φ3×11m机立窑<br>生产线1条</td><td>8</td><td>2011年9月30日前</td></tr>
</table>
<p>注：以上名单接受社会监督。</p>
</td></tr></table></body></html>`;
}

/** A provincial workbook: a title, a header over two rows, industry sections and cities in merged cells, subtotals, a note, a sheet of notes. */
async function xlsxSections(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['河北省2011年淘汰落后产能企业名单']);
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '市', '县（市、区）', '企业名称', '淘汰内容', null, '淘汰时间']);
  ws.addRow([null, null, null, null, '设备名称', '产能（万吨）', null]);
  for (const c of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells('E2:F2');
  ws.addRow(['一、炼铁']);
  ws.mergeCells('A4:G4');
  ws.addRow([1, '唐山市', '丰润区', '唐山市丰润区松汀钢铁有限公司', '128m³高炉', 20, '2011年底前']);
  ws.addRow([2, null, '迁安市', '迁安市九江线材有限责任公司', '300m³高炉', 30, new Date(Date.UTC(2011, 11, 31))]);
  ws.getCell('G6').numFmt = 'yyyy-mm-dd';
  ws.addRow([3, null, '遵化市', '遵化市港陆钢铁有限公司', '450m³高炉', 40, '2011年底前']);
  ws.mergeCells('B5:B7');
  ws.addRow(['小计', null, null, null, null, 90, null]);
  ws.addRow([]);
  ws.addRow(['二、水泥']);
  ws.mergeCells('A10:G10');
  ws.addRow([4, '邯郸市', '武安市', '武安市新峰水泥有限责任公司', 'Φ3×10m机立窑', 8.8, '2011年底前']);
  ws.addRow([5, null, '涉县', '涉县清漳水泥制造有限公司', 'Φ2.5×10m机立窑', 4.4, '2011年底前']);
  ws.mergeCells('B11:B12');
  ws.addRow(['合计', null, null, null, null, 103.2, null]);
  ws.addRow(['注：产能为年生产能力。']);
  const notes = wb.addWorksheet('说明');
  notes.addRow(['本表由河北省工业和信息化厅汇总。']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A city's list saved by Excel on a Chinese system as "CSV": GBK, a title line, units in the headers. */
function gbkCsv(): Uint8Array {
  const text = [
    '咸宁市2011年淘汰落后产能企业名单,,,,,,,,,',
    '序号,县（市、区）,企业名称,行业,主要设备,数量（台）,淘汰能力（万吨）,计划完成时间,固定资产净值（万元）,涉及职工人数',
    '1,咸安区,咸安区温泉电石总厂,电石,1×5000KVA电石炉,1,1,2011年6月,"1,041",386',
    '2,咸安区,咸宁市恒宇物资有限公司桂花电石生产车间,电石,5000KVA电石炉,1,1.5万吨,2011年10月,,100',
    '3,嘉鱼县,嘉鱼县鑫源铁合金厂,铁合金,1×3200KVA矿热炉,1,0.5,2011年底前,,',
    ',,,,,,,,,',
    '合计,,,,,3,3,,,',
  ].join('\r\n');
  return iconv.encode(`${text}\r\n`, 'gbk');
}

const wp = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const wtc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${wp(text)}</w:tc>`;
const wtr = (cells: string) => `<w:tr>${cells}</w:tr>`;
const DOCX_HEADER = ['序号', '企业名称', '淘汰生产线（设备）', '淘汰产能（万吨）', '关停时间', '拆除时间'];

/** A county's completion report in Word: headings between tables, an enterprise in a vertically merged cell, a title row across the table. */
function docxTable(): Uint8Array {
  const header = wtr(DOCX_HEADER.map((h) => wtc(h)).join(''));
  return docx([
    wp('临淄区2011年淘汰落后产能完成情况'),
    wp('一、水泥行业'),
    '<w:tbl><w:tblGrid/>',
    wtr(wtc('水泥立窑', '<w:gridSpan w:val="6"/>')),
    header,
    wtr([wtc('1'), wtc('山东齐银水泥股份有限公司', '<w:vMerge w:val="restart"/>'), wtc('Φ3.2×12m机立窑'), wtc('30'), wtc('2011年3月1日'), wtc('2011年8月20日')].join('')),
    wtr([wtc('2'), wtc('', '<w:vMerge/>'), wtc('Φ3.2×12m机立窑'), wtc('30'), wtc('2011年3月1日'), wtc('2011年8月20日')].join('')),
    wtr([wtc('3'), wtc('临淄东风水泥厂'), wtc('Φ2.5×10m机立窑'), wtc('10'), wtc('2011年3月1日'), wtc('2011年9月5日')].join('')),
    wtr([wtc('4'), wtc('临淄宏鲁水泥厂'), wtc('Φ2.5×10m机立窑'), wtc('10'), wtc('2011年4月10日'), wtc('2011年9月5日')].join('')),
    '</w:tbl>',
    wp('二、石化化工'),
    '<w:tbl>',
    header,
    wtr([wtc('1'), wtc('临淄区化工厂'), wtc('小炼油生产线'), wtc('10'), wtc('2011年5月1日'), wtc('2011年10月15日')].join('')),
    '</w:tbl>',
    wp('临淄区经济和信息化局 2011年12月20日'),
  ].join(''));
}

/** A repost in Traditional characters with full-width digits and a footnote mark. */
function traditionalHtml(): string {
  const header = ['序號', '所在地', '企業名稱', '生產線（設備）', '產能（萬噸）', '淘汰時間'];
  return `<html><head><meta charset="utf-8"></head><body>
<p>鄭州市2021年淘汰落後產能企業名單（轉載）</p>
<p>一、水泥行業</p>
<table>${td(header)}
${td(['１', '登封市', '登封市嵩基水泥有限公司※', 'Φ３.０×１１ｍ機立窯', '８.８', '２０２１年底前'])}
${td(['２', '新密市', '新密市金龍水泥廠', 'Φ２.５×１０ｍ機立窯', '４.４', '２０２１年底前'])}
</table>
<p>二、焦化行業</p>
<table>${td(header)}
${td(['１', '上街區', '鄭州上街焦化有限公司', 'JN43-80型4.3米焦爐', '２０', '２０２１年６月底前'])}
</table>
<p>※ 該企業已於當年關停。</p>
</body></html>`;
}

const SOURCES: Record<string, () => Promise<Uint8Array | string> | Uint8Array | string> = {
  'html-notice': htmlNotice,
  'xlsx-sections-merged': xlsxSections,
  'csv-gbk-units': gbkCsv,
  'docx-table': docxTable,
  'traditional-html': traditionalHtml,
};

interface Case {
  file: string;
  args: string[];
}

describe('npm run import: lists in the layouts offices published them in', () => {
  const cases = readdirSync(CASES).sort();

  it('has a source for every case on disk, and a case for every source', () => {
    expect(cases).toEqual(Object.keys(SOURCES).sort());
  });

  it.each(cases)('%s: imported, byte for byte the expected table, and the data root validates', async (name) => {
    const spec = JSON.parse(readFileSync(join(CASES, name, 'args.json'), 'utf8')) as Case;
    const dir = join(work, name);
    const root = join(dir, 'data');
    mkdirSync(root, { recursive: true });
    const source = join(dir, spec.file);
    writeFileSync(source, await SOURCES[name]!());
    const r = await runScript('import', [source, ...spec.args, '--data', root]);
    expect(r.stderr).toBe('');
    expect(r.status, r.stdout).toBe(0);
    const year = spec.args[spec.args.indexOf('--year') + 1]!;
    const files = readdirSync(join(root, 'announcements', year)).sort();
    expect(files).toHaveLength(2);
    const csv = readFileSync(join(root, 'announcements', year, files.find((f) => f.endsWith('.csv'))!), 'utf8');
    expect(csv).toBe(readFileSync(join(CASES, name, 'expected.csv'), 'utf8'));
    const report = validateDataRoot(root).report;
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.stdout).toMatch(/本公告检查通过|：0 个错误/);
  });
});
