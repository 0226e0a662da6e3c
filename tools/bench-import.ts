/**
 * How long `npm run import` takes on a national list: `npx tsx tools/bench-import.ts [--rows 2000]`.
 *
 * Makes a national plan list of N rows the way MIIT publishes one (an .xlsx with a title, a
 * section per industry, provinces in merged cells, a subtotal per section), then imports it into
 * an empty data root twice: as a separate process, as an office runs it (`tsx scripts/import.ts`,
 * start-up included), and in this process (reading, converting, writing and validating). Prints
 * the figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { captureEffects } from '../scripts/cli.ts';
import { main } from '../scripts/import.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '2000' } } });
const rows = Number(values.rows);

const SECTIONS: readonly [string, string, string][] = [
  ['炼铁', '高炉', '万吨'], ['炼钢', '转炉', '万吨'], ['焦炭', '焦炉', '万吨'], ['铁合金', '矿热炉', '万吨'], ['电石', '电石炉', '万吨'],
  ['水泥（熟料及磨机）', '机立窑', '万吨'], ['平板玻璃', '平拉玻璃生产线', '万重量箱'], ['造纸', '草浆生产线', '万吨'], ['印染', '印染生产线', '万米'], ['制革', '制革生产线', '万标张'],
];
const PROVINCES = ['河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '重庆市', '四川省', '贵州省', '云南省', '陕西省', '甘肃省'];

async function nationalList(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow([`${rows} 行全国淘汰落后产能企业名单（基准测试）`]);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '地区', '企业名称', '淘汰内容', '产能', '淘汰时间']);
  const per = Math.ceil(rows / SECTIONS.length);
  let r = 2;
  let made = 0;
  SECTIONS.forEach(([industry, equipment, unit], s) => {
    ws.addRow([`${'一二三四五六七八九十'[s]}、${industry}`]);
    r++;
    ws.mergeCells(`A${r}:F${r}`);
    for (let i = 0; i < per && made < rows; i++, made++) {
      const province = PROVINCES[Math.floor(i / 5) % PROVINCES.length]!;
      ws.addRow([i + 1, i % 5 === 0 ? province : null, `${province.slice(0, 2)}示例${industry.slice(0, 2)}企业${s}-${i}有限公司`, `${(i % 9) + 1}号${equipment}`, `${(i % 40) + 1}${unit}`, '2011年底前']);
      r++;
      if (i % 5 === 4) ws.mergeCells(`B${r - 4}:B${r}`);
    }
    ws.addRow(['小计']);
    r++;
  });
  await wb.xlsx.writeFile(file);
}

const dir = mkdtempSync(join(tmpdir(), 'phaseout-bench-import-'));
try {
  const file = join(dir, '名单.xlsx');
  await nationalList(file);
  const args = (root: string) => [file, '--kind', 'plan', '--region', '000000', '--year', '2011', '--published', '2011-07-11', '--issuer', '工业和信息化部', '--data', root];

  const cold = join(dir, 'cold');
  mkdirSync(cold);
  let t = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args(cold)], { encoding: 'utf8' });
  const processMs = performance.now() - t;
  if (child.status !== 0) throw new Error(`import exited ${child.status}: ${child.stderr}${child.stdout.slice(-2000)}`);

  const warm = join(dir, 'warm');
  mkdirSync(warm);
  const fx = captureEffects({ cwd: process.cwd() });
  t = performance.now();
  const status = await main(args(warm), fx);
  const inProcessMs = performance.now() - t;
  const imported = /导入 (\d+) 行/.exec(fx.out())?.[1];
  console.log(`rows in the list: ${rows}; imported: ${imported}; exit ${status}`);
  console.log(`npm run import as a process (start-up included): ${(processMs / 1000).toFixed(2)} s`);
  console.log(`import in process (read, convert, write, validate): ${(inProcessMs / 1000).toFixed(2)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
