/**
 * Synthetic data roots of any size, for load tests, demos and the site's performance budget.
 *
 * `synthAnnouncements({ lines, seed })` yields one announcement (front matter + table) at a time;
 * `writeSynth(dir, options)` writes them file by file. Output is a pure function of `lines` and
 * `seed`: a seeded PRNG (sfc32) drives every choice, there is no clock and no Math.random, and
 * every iteration order is fixed, so the same options give byte-identical files.
 *
 * Shape (see docs in the CLI, scripts/synth.ts):
 * - real county-level codes of the GB/T 2260 table, in all 31 mainland provinces, with lines
 *   concentrated in the heavy-industry provinces;
 * - 21 industries of the built-in taxonomy, each line in its industry's first unit, equipment
 *   names with numeric specs, plausible capacities;
 * - 2016–2025: each county-year with lines publishes a plan in March–April and a completion in
 *   December; unfinished lines (shut down or incomplete) are carried into the next year's plan
 *   under the same line_id; finished lines are never planned again and no status regresses;
 * - a few corrections (supersedes + correction_note naming the changed or added line_ids);
 * - national and provincial targets per industry per year, children's sums ≤ the parent's;
 * - enterprise names always contain 合成; ~70% have a valid unified social credit code.
 */
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineRowSchema, statusLabel } from '../src/schema/line.ts';
import { writeCsv } from '../src/text/csv.ts';
import { TargetRowSchema } from '../src/schema/target.ts';
import { columnsOf } from '../src/schema/column.ts';
import type { Lock } from '../src/schema/lock.ts';
import { CREDIT_CODE_CHARSET, creditCheckChar, orgCheckChar } from '../src/text/credit-code.ts';
import { BUILTIN_INDUSTRIES } from '../src/reference/industries-builtin.ts';
import { extendLock, formatLock, LOCK_FILE, type AnnouncementFiles } from '../src/validate/lock.ts';
import builtinRegions from '../src/reference/regions-gbt2260.json' with { type: 'json' };

// ── options and results ─────────────────────────────────────────────────────────────────────

export interface SynthOptions {
  /** Physical lines to generate (each counted once, however many announcements list it). */
  lines: number;
  /** PRNG seed; any integer (taken modulo 2^32). */
  seed: number;
  /** First and last programme year; default 2016–2025. */
  firstYear?: number;
  lastYear?: number;
}

export interface SynthAnnouncement {
  id: string;
  year: number;
  kind: 'plan' | 'completion' | 'target';
  /** Paths relative to the data root. */
  mdPath: string;
  csvPath: string;
  md: string;
  csv: string;
}

export interface SynthStats {
  announcements: number;
  plans: number;
  completions: number;
  targets: number;
  /** Announcements that supersede another (included in plans/completions). */
  corrections: number;
  lines: number;
  enterprises: number;
  counties: number;
  provinces: number;
  /** Table rows written in all announcements. */
  rows: number;
  files: number;
  bytes: number;
}

// ── PRNG ────────────────────────────────────────────────────────────────────────────────────

/** 32-bit string/number hash (cyrb-style) used to derive independent PRNG streams. */
function hash32(parts: readonly (string | number)[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x7c, 2654435761); // separator
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** sfc32 PRNG with helpers. Seeded from (seed, label…) so streams don't disturb each other. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(...parts: (string | number)[]) {
    this.a = hash32([...parts, 'a']);
    this.b = hash32([...parts, 'b']);
    this.c = hash32([...parts, 'c']);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }
  /** Integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Index drawn by weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** Log-uniform in [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return lo * Math.exp(this.next() * Math.log(hi / lo));
  }
  /** Roughly log-normal factor with median 1. */
  lognormal(sigma: number): number {
    const z = this.next() + this.next() + this.next() + this.next() - 2; // ≈ N(0, 1/3)
    return Math.exp(z * sigma * Math.sqrt(3));
  }
}

// ── dates as day numbers ────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const ymdCache = new Map<number, string>();
function ymd(day: number): string {
  let s = ymdCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    ymdCache.set(day, s);
  }
  return s;
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────

/** Hundredths → "12", "12.5", "12.25" (no float artefacts). */
function fmtH(h: number): string {
  const int = Math.floor(h / 100);
  const frac = h % 100;
  if (frac === 0) return String(int);
  if (frac % 10 === 0) return `${int}.${frac / 10}`;
  return `${int}.${String(frac).padStart(2, '0')}`;
}
/** A capacity in hundredths of a unit, rounded to a precision that suits its size. */
function roundCap(x: number): number {
  if (x >= 100) return Math.max(100, Math.round(x) * 100);
  if (x >= 10) return Math.round(x * 2) * 50; // steps of 0.5
  if (x >= 1) return Math.round(x * 10) * 10; // one decimal
  return Math.max(1, Math.round(x * 100));
}

// ── regions ─────────────────────────────────────────────────────────────────────────────────

/** Weight of each province in the number of lines (heavy industry heavier). */
const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '11': 0.8, '12': 1.5, '13': 10, '14': 9, '15': 6, '21': 6, '22': 3, '23': 4, '31': 1,
  '32': 7, '33': 5, '34': 5, '35': 3, '36': 4, '37': 10, '41': 10, '42': 6, '43': 5,
  '44': 4, '45': 4, '46': 0.4, '50': 3, '51': 6, '52': 4, '53': 4, '54': 0.2, '61': 4,
  '62': 3, '63': 0.6, '64': 2, '65': 2.5,
};

const ETHNIC = ['朝鲜族', '土家族', '布依族', '哈尼族', '傈僳族', '景颇族', '蒙古族', '维吾尔', '柯尔克孜', '哈萨克', '蒙古', '藏族', '彝族', '苗族', '侗族', '壮族', '傣族', '白族', '回族', '羌族', '黎族', '畲族', '满族', '瑶族', '仡佬族', '水族', '纳西族', '拉祜族', '佤族', '普米族', '独龙族', '怒族', '阿昌族', '德昂族', '布朗族', '土族', '撒拉族', '保安族', '东乡族', '裕固族', '塔吉克', '锡伯', '达斡尔族', '鄂温克族', '鄂伦春族', '各族', '仫佬族', '毛南族', '京族'];

/** Short place name as people write it in enterprise names: 唐山市 → 唐山, 楚雄彝族自治州 → 楚雄. */
export function shortName(name: string): string {
  let cut = name.length;
  for (const e of ETHNIC) {
    const i = name.indexOf(e);
    if (i > 0 && i < cut) cut = i;
  }
  let s = name.slice(0, cut);
  if (cut === name.length) s = s.replace(/(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|省|市|县|区|盟|旗)$/, '');
  return s.length >= 2 ? s : name;
}

interface County {
  code: string;
  name: string;
  short: string;
  prov: Province;
  /** City-level unit under the province that contains it (the county itself where none). */
  unit: string;
  /** Short name of the city (or municipality) for enterprise names. */
  unitShort: string;
  weight: number;
}
interface Province {
  code: string;
  name: string;
  short: string;
  weight: number;
  counties: County[];
}

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

function loadRegions(): { provinces: Province[]; names: Map<string, string> } {
  const rows = builtinRegions.regions as [string, string, string][];
  const names = new Map(rows.map(([c, n]) => [c, n] as const));
  const provinces = new Map<string, Province>();
  for (const [code, name] of rows) {
    if (code.endsWith('0000')) {
      provinces.set(code, { code, name, short: shortName(name), weight: PROVINCE_WEIGHTS[code.slice(0, 2)] ?? 1, counties: [] });
    }
  }
  for (const [code, name, parent] of rows) {
    if (code.endsWith('00')) continue; // county level only
    if (/群岛|岛礁/.test(name)) continue; // no industry on the reefs
    const prov = provinces.get(`${code.slice(0, 2)}0000`);
    if (!prov) continue;
    const unit = parent === prov.code ? code : parent;
    // Enterprise names start with the city; in the four municipalities, with the municipality.
    const unitShort = parent !== prov.code ? shortName(names.get(parent) ?? name) : MUNICIPALITIES.has(prov.code) ? prov.short : shortName(name);
    prov.counties.push({ code, name, short: shortName(name), prov, unit, unitShort, weight: 1 });
  }
  const list = [...provinces.values()].filter((p) => p.counties.length > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const p of list) p.counties.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { provinces: list, names };
}

// ── industries ──────────────────────────────────────────────────────────────────────────────

interface Equip {
  equipment: string;
  count: number;
  /** Capacity in the industry's first unit (before rounding). */
  capacity: number;
}

interface IndustrySpec {
  id: string;
  weight: number;
  /** Words for enterprise names: 水泥 → 唐山合成鑫泰水泥有限公司. */
  words: readonly string[];
  make: (r: Rng) => Equip;
  /** Energy saved, tce per unit of capacity. */
  tcePerUnit: number;
  /** Employees per unit of capacity (before noise), and bounds. */
  staffPerUnit: number;
}

const d1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

const INDUSTRY_SPECS: readonly IndustrySpec[] = [
  {
    id: 'cement', weight: 20, words: ['水泥', '建材', '水泥制品'], tcePerUnit: 3500, staffPerUnit: 12,
    make: (r) => {
      const k = r.weighted([6, 3, 1]);
      if (k === 0) {
        const d = r.pick([2.2, 2.4, 2.5, 2.6, 2.8, 2.9]);
        return { equipment: `Φ${d1(d)}×${r.int(8, 11)}m机立窑生产线`, count: 1, capacity: r.logUniform(5, 20) * (d / 2.5) };
      }
      if (k === 1) {
        const d = r.pick([1.83, 2.2, 2.4, 2.6]);
        const n = r.int(1, 3);
        return { equipment: `Φ${d}×${d1(r.pick([6.5, 7, 8, 9, 11, 13]))}m水泥磨机`, count: n, capacity: n * r.logUniform(8, 20) };
      }
      return { equipment: `Φ2.5×${r.int(38, 45)}m干法中空窑`, count: 1, capacity: r.logUniform(15, 60) };
    },
  },
  {
    id: 'flat-glass', weight: 3, words: ['玻璃', '平板玻璃'], tcePerUnit: 45, staffPerUnit: 1.5,
    make: (r) => {
      if (r.chance(0.6)) {
        const t = r.pick([150, 200, 250, 300, 350, 400, 500]);
        return { equipment: `${t}t/d平拉工艺平板玻璃熔窑`, count: 1, capacity: t * r.logUniform(0.25, 0.6) };
      }
      const n = r.pick([4, 6, 8, 10]);
      return { equipment: `格法平板玻璃生产线（${n}机）`, count: 1, capacity: n * r.logUniform(5, 20) };
    },
  },
  {
    id: 'power', weight: 6, words: ['热电', '电力', '发电'], tcePerUnit: 12000, staffPerUnit: 20,
    make: (r) => {
      const mw = r.pick([6, 6, 12, 12, 15, 25, 25, 50, 100, 135]);
      const n = mw >= 100 ? 1 : mw >= 50 ? r.int(1, 2) : r.int(1, 3);
      const kind = r.pick(['燃煤发电机组', '凝汽式火电机组', '抽凝式供热机组', '燃煤自备电厂机组']);
      return { equipment: `${n}×${mw}MW${kind}`, count: n, capacity: (n * mw) / 10 };
    },
  },
  {
    id: 'coal', weight: 10, words: ['煤业', '煤矿', '矿业'], tcePerUnit: 400, staffPerUnit: 15,
    make: (r) => {
      const cap = Math.round(r.logUniform(3, 30));
      const kind = r.pick(['矿井', '小煤矿', '斜井煤矿', '立井煤矿']);
      return { equipment: `年产${cap}万吨${kind}`, count: 1, capacity: cap };
    },
  },
  {
    id: 'coke', weight: 6, words: ['焦化', '煤焦', '焦化化工'], tcePerUnit: 1300, staffPerUnit: 6,
    make: (r) => {
      const h = r.pick([2.5, 2.8, 3.2, 3.8, 4.0, 4.2]);
      const n = r.int(1, 2);
      const holes = r.pick([25, 36, 42, 50, 65]);
      return { equipment: `${n}×${holes}孔炭化室高度${d1(h)}m焦炉`, count: n, capacity: n * holes * h * r.logUniform(0.12, 0.2) };
    },
  },
  {
    id: 'ferroalloy', weight: 6, words: ['铁合金', '硅业', '冶金'], tcePerUnit: 2200, staffPerUnit: 40,
    make: (r) => {
      const kva = r.pick([1800, 2500, 3200, 4000, 5000, 6000]);
      const n = r.int(1, 4);
      const product = r.pick(['硅铁', '硅锰', '高碳铬铁', '工业硅']);
      return { equipment: `${n}×${kva}KVA${product}矿热炉`, count: n, capacity: (n * kva * r.logUniform(0.9, 1.4)) / 6300 };
    },
  },
  {
    id: 'calcium-carbide', weight: 4, words: ['电石', '化工', '电化'], tcePerUnit: 2800, staffPerUnit: 45,
    make: (r) => {
      const kva = r.pick([3000, 3200, 4000, 5000, 6000]);
      const n = r.int(1, 3);
      return { equipment: `${n}×${kva}KVA电石炉`, count: n, capacity: (n * kva * r.logUniform(0.8, 1.2)) / 5000 };
    },
  },
  {
    id: 'ironmaking', weight: 5, words: ['钢铁', '铁业', '冶金'], tcePerUnit: 800, staffPerUnit: 10,
    make: (r) => {
      const v = r.pick([80, 100, 128, 150, 180, 200, 260, 300, 350, 380, 400]);
      const n = v <= 150 ? r.int(1, 2) : 1;
      return { equipment: `${n > 1 ? `${n}座` : ''}${v}m³高炉`, count: n, capacity: n * v * r.logUniform(0.07, 0.12) };
    },
  },
  {
    id: 'steelmaking', weight: 5, words: ['钢铁', '特钢', '钢业'], tcePerUnit: 300, staffPerUnit: 8,
    make: (r) => {
      const t = r.pick([5, 8, 10, 12, 15, 20, 25, 30]);
      const n = r.int(1, 2);
      const kind = r.pick(['转炉', '电炉', '转炉', '中频电炉']);
      return { equipment: `${n > 1 ? `${n}座` : ''}${t}t${kind}`, count: n, capacity: n * t * r.logUniform(1.0, 1.8) };
    },
  },
  {
    id: 'aluminium', weight: 1.5, words: ['铝业', '电解铝', '有色金属'], tcePerUnit: 4000, staffPerUnit: 60,
    make: (r) => {
      const ka = r.pick([60, 70, 75, 80, 85, 100]);
      const n = r.int(20, 120);
      return { equipment: `${ka}kA预焙阳极电解槽`, count: n, capacity: n * ka * 0.00028 };
    },
  },
  {
    id: 'copper', weight: 1.5, words: ['铜业', '冶炼', '有色金属'], tcePerUnit: 1500, staffPerUnit: 50,
    make: (r) => {
      const kind = r.pick(['密闭鼓风炉', '反射炉', '电炉']);
      const a = r.pick([2.5, 3, 4, 5, 6, 8]);
      return { equipment: `${d1(a)}m²${kind}炼铜生产线`, count: 1, capacity: a * r.logUniform(0.2, 0.6) };
    },
  },
  {
    id: 'lead', weight: 2, words: ['铅业', '冶炼', '有色金属'], tcePerUnit: 900, staffPerUnit: 40,
    make: (r) => {
      const k = r.weighted([3, 2, 2]);
      if (k === 0) { const n = r.int(2, 12); return { equipment: `烧结锅炼铅（${n}口）`, count: n, capacity: n * r.logUniform(0.08, 0.3) }; }
      if (k === 1) { const a = r.pick([8, 10, 12, 16, 20]); return { equipment: `${a}m²烧结盘炼铅生产线`, count: 1, capacity: a * r.logUniform(0.05, 0.15) }; }
      const a = r.pick([1.5, 2, 3, 4]);
      return { equipment: `${d1(a)}m²简易高炉炼铅`, count: 1, capacity: a * r.logUniform(0.3, 1.2) };
    },
  },
  {
    id: 'zinc', weight: 2, words: ['锌业', '冶炼', '锌品'], tcePerUnit: 1800, staffPerUnit: 60,
    make: (r) => {
      const kind = r.pick(['马弗炉', '马槽炉', '横罐炼锌炉', '小竖罐']);
      const n = r.int(2, 20);
      return { equipment: `${kind}（${n}座，单罐日产${r.int(2, 7)}吨）`, count: n, capacity: n * r.logUniform(0.02, 0.15) };
    },
  },
  {
    id: 'paper', weight: 12, words: ['纸业', '造纸', '纸品'], tcePerUnit: 2500, staffPerUnit: 80,
    make: (r) => {
      const k = r.weighted([5, 2, 2]);
      if (k === 0) {
        const w = r.pick([787, 1092, 1575, 1760, 1880, 2400, 2640]);
        return { equipment: `${w}mm造纸生产线`, count: 1, capacity: (w / 1092) * r.logUniform(0.25, 0.9) };
      }
      if (k === 1) return { equipment: `年产${d1(r.logUniform(0.5, 3.3))}万吨草浆生产装置`, count: 1, capacity: r.logUniform(0.5, 3.3) };
      return { equipment: `化学制浆生产线（${r.pick(['蒸球', '立锅'])}${r.int(2, 8)}台）`, count: 1, capacity: r.logUniform(0.4, 1.6) };
    },
  },
  {
    id: 'alcohol', weight: 2, words: ['酒精', '酒业', '生物科技'], tcePerUnit: 3000, staffPerUnit: 60,
    make: (r) => {
      const n = r.int(2, 8);
      const v = r.pick([100, 150, 200, 300]);
      return { equipment: `${n}×${v}m³发酵罐酒精生产线`, count: 1, capacity: r.logUniform(0.5, 2.9) };
    },
  },
  {
    id: 'msg', weight: 1, words: ['味精', '调味品', '食品'], tcePerUnit: 3500, staffPerUnit: 70,
    make: (r) => {
      const n = r.int(2, 8);
      return { equipment: `味精生产装置（${n}×${r.pick([50, 80, 100, 150])}m³发酵罐）`, count: 1, capacity: r.logUniform(0.5, 2.9) };
    },
  },
  {
    id: 'citric-acid', weight: 1, words: ['生化', '柠檬酸', '生物化工'], tcePerUnit: 3200, staffPerUnit: 70,
    make: (r) => {
      const n = r.int(2, 10);
      return { equipment: `柠檬酸生产装置（${n}×${r.pick([80, 100, 200])}m³发酵罐）`, count: 1, capacity: r.logUniform(0.3, 3) };
    },
  },
  {
    id: 'leather', weight: 3, words: ['皮革', '制革', '皮业'], tcePerUnit: 200, staffPerUnit: 40,
    make: (r) => {
      const n = r.int(4, 20);
      return { equipment: `制革生产线（转鼓${n}台）`, count: 1, capacity: r.logUniform(0.5, 2.9) };
    },
  },
  {
    id: 'dyeing', weight: 5, words: ['印染', '染整', '纺织'], tcePerUnit: 1.2, staffPerUnit: 0.05,
    make: (r) => {
      const k = r.weighted([3, 3, 2, 2]);
      const n = r.int(1, 6);
      const width = r.pick([1600, 1800, 2000, 2200, 2400]);
      const eq = k === 0 ? `74型染整生产线（幅宽${width}mm）` : k === 1 ? `浴比1∶${r.int(12, 15)}间歇式染色机` : k === 2 ? `${width}mm热熔染色机` : `${width}mm热风布铗拉幅机`;
      return { equipment: `${eq}${n > 1 ? `（${n}台）` : ''}`, count: n, capacity: n * r.logUniform(200, 1200) };
    },
  },
  {
    id: 'chemical-fibre', weight: 2, words: ['化纤', '化学纤维', '纺织'], tcePerUnit: 3000, staffPerUnit: 90,
    make: (r) => {
      if (r.chance(0.5)) {
        const n = r.int(2, 20);
        return { equipment: `R531型酸性粘胶纺丝机（${n}台）`, count: n, capacity: n * r.logUniform(0.05, 0.12) };
      }
      return { equipment: `年产${d1(r.logUniform(0.5, 1.9))}万吨粘胶生产线`, count: 1, capacity: r.logUniform(0.5, 1.9) };
    },
  },
  {
    id: 'lead-acid-battery', weight: 3, words: ['电源', '蓄电池', '电池'], tcePerUnit: 30, staffPerUnit: 3,
    make: (r) => {
      const k = r.weighted([3, 3, 2]);
      const cap = r.logUniform(5, 100);
      const eq = k === 0 ? `开口式极板化成生产线（${r.int(2, 12)}组化成槽）` : k === 1 ? `年产${Math.round(cap)}万千伏安时铅蓄电池组装生产线` : `手工铸板机（${r.int(4, 30)}台）`;
      return { equipment: eq, count: 1, capacity: cap };
    },
  },
];

/** Industries heavier in some provinces (multipliers of the national weight). */
const PROVINCE_BOOSTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '13': { ironmaking: 4, steelmaking: 4, coke: 2, 'flat-glass': 4, leather: 2 },
  '14': { coal: 5, coke: 5, ironmaking: 1.5, aluminium: 2 },
  '15': { coal: 4, ferroalloy: 3, 'calcium-carbide': 4, power: 2, aluminium: 2 },
  '21': { ironmaking: 2, steelmaking: 2, power: 1.5 },
  '23': { coal: 2.5, paper: 1.5 },
  '32': { dyeing: 4, 'chemical-fibre': 3, 'lead-acid-battery': 2, power: 1.5 },
  '33': { dyeing: 5, leather: 3, 'lead-acid-battery': 3, paper: 1.5, 'chemical-fibre': 2 },
  '34': { copper: 3, coal: 1.5 },
  '35': { dyeing: 2, leather: 2, paper: 1.5 },
  '36': { copper: 4, paper: 1.2 },
  '37': { paper: 2, power: 2, aluminium: 3, coke: 2, alcohol: 2, msg: 2, 'citric-acid': 3 },
  '41': { paper: 2, aluminium: 3, lead: 2, coal: 2, power: 1.5, alcohol: 2, msg: 3 },
  '42': { 'calcium-carbide': 1.5, cement: 1.3 },
  '43': { lead: 3, zinc: 4, cement: 1.3 },
  '44': { dyeing: 3, paper: 2, 'lead-acid-battery': 2, leather: 1.5 },
  '45': { ferroalloy: 3, zinc: 2, lead: 2, alcohol: 2 },
  '50': { coal: 2 },
  '51': { coal: 2, cement: 1.3, paper: 1.5 },
  '52': { coal: 4, ferroalloy: 3, 'calcium-carbide': 2 },
  '53': { zinc: 4, lead: 3, copper: 2, coal: 1.5 },
  '61': { coal: 3, coke: 2, 'calcium-carbide': 2 },
  '62': { ferroalloy: 2, aluminium: 2 },
  '64': { ferroalloy: 4, 'calcium-carbide': 5, coal: 2 },
  '65': { 'calcium-carbide': 4, coal: 2, ferroalloy: 2 },
};

const INDUSTRY_BY_ID = new Map(BUILTIN_INDUSTRIES.map((i) => [i.id, i] as const));
function industryName(id: string): string {
  return INDUSTRY_BY_ID.get(id)!.name;
}
function industryUnit(id: string): string {
  return INDUSTRY_BY_ID.get(id)!.units[0]!;
}

// ── enterprises ─────────────────────────────────────────────────────────────────────────────

const ZIHAO = '鑫恒泰金宏盛兴源达丰永昌瑞祥隆华明光新远海天嘉宇龙凤鹏润安康福顺通利诚信德正和平旺发荣鼎峰山川东西南北中银晶友义仁建联众力腾骏豪宝亿万'.split('');
const SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司', '厂', '总厂'] as const;
const SUFFIX_WEIGHTS = [50, 15, 9, 8, 13, 5];

interface Enterprise {
  name: string;
  credit: string;
  county: County;
}

/** Characters allowed both in credit codes and in GB 11714 organisation codes. */
const ORG_BODY_CHARS = CREDIT_CODE_CHARSET;

function creditCode(r: Rng, county: string): string {
  let body = '';
  if (r.chance(0.6)) for (let i = 0; i < 8; i++) body += String(r.int(0, 9));
  else {
    body = 'MA';
    for (let i = 0; i < 6; i++) body += ORG_BODY_CHARS[r.int(0, ORG_BODY_CHARS.length - 1)];
  }
  const first17 = `91${county}${body}${orgCheckChar(body)}`;
  return first17 + creditCheckChar(first17);
}

// ── lines and their history ─────────────────────────────────────────────────────────────────

type PlanStatus = 'planned' | 'shutdown';
type Outcome = 'accepted' | 'dismantled' | 'sealed' | 'shutdown' | 'incomplete';

interface Entry {
  year: number;
  cy: CountyYear;
  carried: boolean;
  plan: PlanStatus;
  /** Shutdown date known at plan time. */
  planShutdown: number | undefined;
  deadline: string;
  outcome: Outcome;
  shutdown: number | undefined;
  sealed: number | undefined;
  dismantled: number | undefined;
  accepted: number | undefined;
  /** Which dates a real list would leave out (bit flags). */
  omit: number;
  note: string;
}

interface Line {
  id: string;
  ent: Enterprise;
  industry: string;
  equipment: string;
  count: number;
  capH: number;
  employees: number;
  resettled: number;
  fixedAssets: number | undefined; // tenths of 万元
  central: number | undefined; // tenths of 万元
  provincial: number | undefined;
  tce: number | undefined;
  destination: string;
  entries: Entry[];
}

interface Correction {
  pub: number;
  /** line id → the wrong value the original showed. */
  wrongCap: Map<string, number>;
  wrongEmployees: Map<string, number>;
  /** Lines the original left out. */
  omitted: Set<string>;
}

interface CountyYear {
  county: County;
  year: number;
  planPub: number;
  complPub: number;
  planDoc: number;
  complDoc: number;
  items: { line: Line; entry: Entry }[];
  planCorrection?: Correction;
  complCorrection?: Correction;
}

const DESTINATIONS = ['作废钢回收', '已拆解作废铁处理', '由物资回收公司收购拆解', '已回炉炼钢', '拆除后就地销毁', '设备已报废处置'];
const INCOMPLETE_NOTES = ['企业资金困难，未按期拆除，结转下年', '职工安置未完成，结转下年', '涉及债务纠纷，延期淘汰', '已停产，主体设备尚未拆除'];
const YEAR_WEIGHTS = [14, 13, 12, 11, 10, 9, 9, 8, 7, 7];

// ── the model ───────────────────────────────────────────────────────────────────────────────

interface Model {
  seed: number;
  years: number[];
  provinces: Province[];
  counties: County[];
  enterprises: number;
  lines: number;
  /** Per year: county-years sorted by county code. */
  byYear: Map<number, CountyYear[]>;
  regionNames: Map<string, string>;
}

function buildModel(opts: SynthOptions): Model {
  const seed = opts.seed >>> 0;
  const N = Math.max(1, Math.floor(opts.lines));
  const first = opts.firstYear ?? 2016;
  const last = opts.lastYear ?? 2025;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const yearWeights = years.map((_, i) => YEAR_WEIGHTS[Math.min(i, YEAR_WEIGHTS.length - 1)]!);

  const { provinces, names } = loadRegions();
  const allCounties = provinces.flatMap((p) => p.counties);

  // 1. Which counties have lines: one per province first, then weighted sampling.
  const rSel = new Rng(seed, 'counties');
  const K = Math.max(1, Math.min(N, allCounties.length, Math.round(allCounties.length * (1 - Math.exp(-N / 30000)))));
  const chosen = new Set<County>();
  if (K >= provinces.length * 2) for (const p of provinces) chosen.add(rSel.pick(p.counties));
  const keyed = allCounties
    .filter((c) => !chosen.has(c))
    .map((c) => ({ c, key: Math.log(rSel.next() + 1e-12) / Math.pow(c.prov.weight, 0.6) }))
    .sort((a, b) => b.key - a.key || (a.c.code < b.c.code ? -1 : 1));
  for (const { c } of keyed) {
    if (chosen.size >= K) break;
    chosen.add(c);
  }
  const counties = [...chosen].sort((a, b) => (a.code < b.code ? -1 : 1));

  // 2. Lines per county: province share by weight, spread over its chosen counties.
  const perProv = new Map<string, number>();
  for (const c of counties) perProv.set(c.prov.code, (perProv.get(c.prov.code) ?? 0) + 1);
  const rW = new Rng(seed, 'weights');
  for (const c of counties) c.weight = (c.prov.weight / perProv.get(c.prov.code)!) * rW.lognormal(0.7);
  const totalW = counties.reduce((s, c) => s + c.weight, 0);
  const alloc = counties.map((c) => {
    const exact = ((N - counties.length) * c.weight) / totalW;
    return { c, n: 1 + Math.floor(exact), frac: exact - Math.floor(exact) };
  });
  let rest = N - alloc.reduce((s, a) => s + a.n, 0);
  const byFrac = [...alloc].sort((a, b) => b.frac - a.frac || (a.c.code < b.c.code ? -1 : 1));
  for (let i = 0; rest > 0; i = (i + 1) % byFrac.length, rest--) byFrac[i]!.n++;

  // Industry weights per province.
  const industryWeights = new Map<string, number[]>();
  for (const p of provinces) {
    const boost = PROVINCE_BOOSTS[p.code.slice(0, 2)] ?? {};
    industryWeights.set(p.code, INDUSTRY_SPECS.map((s) => s.weight * (boost[s.id] ?? 1)));
  }

  // County-years, created on demand with dates drawn from their own stream.
  const cys = new Map<string, CountyYear>();
  const countyYear = (county: County, year: number): CountyYear => {
    const k = `${county.code}${year}`;
    let cy = cys.get(k);
    if (!cy) {
      const r = new Rng(seed, 'cy', county.code, year);
      const planPub = dayOf(year, 3, 16) + r.int(0, 45); // 03-16 … 04-30
      const complPub = dayOf(year, 12, 1) + r.int(0, 24); // 12-01 … 12-25
      cy = { county, year, planPub, complPub, planDoc: r.int(3, 90), complDoc: r.int(100, 260), items: [] };
      cys.set(k, cy);
    }
    return cy;
  };

  const rE = new Rng(seed, 'enterprises');
  const rL = new Rng(seed, 'lines');
  const names2 = new Set<string>();
  const credits = new Set<string>();
  let enterprises = 0;
  let lineCount = 0;

  for (const { c: county, n } of alloc) {
    const p = county.prov;
    const iw = industryWeights.get(p.code)!;
    // Years in which this county starts new lines.
    const k = Math.max(1, Math.min(years.length, Math.round(n / 5) + 1));
    const active: number[] = [];
    const w = [...yearWeights];
    for (let i = 0; i < k; i++) {
      const j = rE.weighted(w);
      active.push(years[j]!);
      w[j] = 0;
    }
    active.sort((a, b) => a - b);
    const activeWeights = active.map((y) => yearWeights[y - first]!);
    const seqByYear = new Map<number, number>();
    let left = n;
    while (left > 0) {
      const size = Math.min(left, 1 + rE.weighted([64, 19, 9, 4, 2, 2]));
      left -= size;
      const spec = INDUSTRY_SPECS[rE.weighted(iw)]!;
      // Name: <city short>合成<字号><industry word><suffix>, unique.
      const suffix = SUFFIXES[rE.weighted(SUFFIX_WEIGHTS)]!;
      const word = rE.pick(spec.words);
      const place = suffix === '厂' || suffix === '总厂' ? county.short : county.unitShort;
      let name = '';
      for (let attempt = 0; attempt < 8 && (name === '' || names2.has(name)); attempt++) {
        const zihao = attempt < 4 ? rE.pick(ZIHAO) + rE.pick(ZIHAO) : county.short + rE.pick(ZIHAO);
        name = `${place}合成${zihao}${word}${suffix}`;
      }
      for (let i = 2; names2.has(name); i++) name = `${place}合成${rE.pick(ZIHAO)}${rE.pick(ZIHAO)}${word}第${i}${suffix === '厂' || suffix === '总厂' ? '厂' : '分公司'}`;
      names2.add(name);
      let credit = '';
      if (rE.chance(0.7)) {
        do credit = creditCode(rE, county.code);
        while (credits.has(credit));
        credits.add(credit);
      }
      const ent: Enterprise = { name, credit, county };
      enterprises++;
      const entYearIdx = rE.weighted(activeWeights);
      for (let li = 0; li < size; li++) {
        let industry = spec.id;
        if ((industry === 'ironmaking' || industry === 'steelmaking') && li > 0 && rL.chance(0.5)) industry = industry === 'ironmaking' ? 'steelmaking' : 'ironmaking';
        const s = industry === spec.id ? spec : INDUSTRY_SPECS.find((x) => x.id === industry)!;
        const eq = s.make(rL);
        const equipment = size > 1 ? `${li + 1}号${eq.equipment}` : eq.equipment;
        let yi = entYearIdx;
        if (li > 0 && rL.chance(0.25) && entYearIdx < active.length - 1) yi = rL.int(entYearIdx + 1, active.length - 1);
        const year = active[yi]!;
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        const capH = roundCap(eq.capacity);
        const cap = capH / 100;
        const employees = Math.max(3, Math.round(Math.min(2000, s.staffPerUnit * cap * rL.lognormal(0.5) + rL.int(5, 30))));
        const line: Line = {
          id: `${county.code}-${year}-${String(seq).padStart(3, '0')}`,
          ent, industry, equipment, count: eq.count, capH, employees,
          resettled: rL.chance(0.75) ? employees : Math.floor(employees * rL.next()),
          fixedAssets: undefined,
          central: undefined,
          provincial: undefined,
          tce: rL.chance(0.7) ? Math.max(1, Math.round(cap * s.tcePerUnit * rL.lognormal(0.3))) : undefined,
          destination: rL.pick(DESTINATIONS),
          entries: [],
        };
        // Money in tenths of 万元: net fixed assets ~1–8万元 per employee; rewards a share of it.
        const assets = Math.max(20, Math.round(employees * 10 * rL.logUniform(1, 8)));
        if (rL.chance(0.8)) line.fixedAssets = assets;
        if (rL.chance(0.45)) line.central = Math.max(10, Math.round(assets * rL.logUniform(0.05, 0.2)));
        if (rL.chance(0.35)) line.provincial = Math.max(10, Math.round(assets * rL.logUniform(0.02, 0.1)));
        simulate(line, year, last, county, countyYear, rL);
        lineCount++;
      }
    }
  }

  // Index county-years by year, sorted by county code; rows sorted by line id.
  const byYear = new Map<number, CountyYear[]>(years.map((y) => [y, []]));
  for (const cy of cys.values()) byYear.get(cy.year)!.push(cy);
  for (const list of byYear.values()) {
    list.sort((a, b) => (a.county.code < b.county.code ? -1 : 1));
    for (const cy of list) cy.items.sort((a, b) => (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0));
  }

  // A few corrections, drawn per county-year from their own stream.
  for (const list of byYear.values()) {
    for (const cy of list) {
      const r = new Rng(seed, 'corrections', cy.county.code, cy.year);
      if (cy.items.length >= 3 && r.chance(0.035)) cy.planCorrection = correction(cy, r, 'plan');
      if (cy.items.length >= 3 && r.chance(0.015)) cy.complCorrection = correction(cy, r, 'completion');
    }
  }

  return { seed, years, provinces, counties, enterprises, lines: lineCount, byYear, regionNames: names };
}

/** A line's path through the years: planned (or already shut down), then an outcome each December. */
function simulate(line: Line, year: number, last: number, county: County, countyYear: (c: County, y: number) => CountyYear, r: Rng): void {
  let shutdown: number | undefined;
  for (let y = year, carried = false; y <= last; y++, carried = true) {
    const cy = countyYear(county, y);
    if (shutdown === undefined && r.chance(carried ? 0.25 : 0.12)) shutdown = cy.planPub - r.int(5, 300);
    const plan: PlanStatus = shutdown !== undefined ? 'shutdown' : 'planned';
    const planShutdown = shutdown;
    const mm = r.weighted([1, 2, 3, 2, 8]);
    const deadline = r.chance(0.8) ? `${y}-${['06', '09', '10', '11', '12'][mm]}` : `${y}-${['06-30', '09-30', '10-31', '11-30', '12-31'][mm]}`;
    const age = y - year;
    const weights = age === 0 ? [55, 18, 5, 9, 13] : age === 1 ? [60, 20, 5, 6, 9] : [70, 22, 8, 0, 0];
    const outcome: Outcome = (['accepted', 'dismantled', 'sealed', 'shutdown', 'incomplete'] as const)[r.weighted(weights)]!;
    let sealed: number | undefined;
    let dismantled: number | undefined;
    let accepted: number | undefined;
    if (outcome !== 'incomplete' && shutdown === undefined) shutdown = cy.planPub + r.int(5, 150);
    if (outcome === 'incomplete' && shutdown === undefined && r.chance(0.3)) shutdown = cy.planPub + r.int(30, 180);
    const pub = cy.complPub;
    // This year's work starts after the plan (or the shutdown, if later).
    const from = Math.max(shutdown ?? cy.planPub, cy.planPub + 5);
    if (outcome === 'sealed') sealed = from + r.int(1, Math.max(1, pub - 5 - from));
    if (outcome === 'dismantled' || outcome === 'accepted') dismantled = from + r.int(3, Math.max(3, Math.floor((pub - 10 - from) * 0.7)));
    if (outcome === 'accepted') accepted = Math.min(pub, dismantled! + r.int(3, Math.max(3, pub - 1 - dismantled!)));
    if (dismantled !== undefined && dismantled > pub) dismantled = pub;
    // Missing dates, as many real lists have: 1 shutdown, 2 dismantled, 4 accepted, 8 sealed.
    const omit = r.chance(0.1) ? r.int(1, 15) : 0;
    const note = outcome === 'incomplete' ? r.pick(INCOMPLETE_NOTES) : outcome === 'shutdown' ? '已关停，主体设备待拆除，结转下年' : '';
    line.entries.push({ year: y, cy, carried, plan, planShutdown, deadline, outcome, shutdown, sealed, dismantled, accepted, omit, note });
    cy.items.push({ line, entry: line.entries[line.entries.length - 1]! });
    if (outcome !== 'shutdown' && outcome !== 'incomplete') return;
  }
}

function correction(cy: CountyYear, r: Rng, kind: 'plan' | 'completion'): Correction {
  const pub = kind === 'plan' ? cy.planPub + r.int(10, 40) : cy.complPub + r.int(3, 20);
  const c: Correction = { pub, wrongCap: new Map(), wrongEmployees: new Map(), omitted: new Set() };
  const picks = new Set<number>();
  const n = r.int(1, Math.min(2, cy.items.length - 1));
  while (picks.size < n) picks.add(r.int(0, cy.items.length - 1));
  for (const i of [...picks].sort((a, b) => a - b)) {
    const { line } = cy.items[i]!;
    const k = r.weighted(kind === 'plan' ? [5, 1, 2] : [5, 2, 0]);
    if (k === 0) c.wrongCap.set(line.id, r.chance(0.5) ? line.capH * 10 : line.capH + Math.max(10, Math.round(line.capH * (0.2 + r.next() * 0.3) / 10) * 10));
    else if (k === 1) c.wrongEmployees.set(line.id, line.employees + r.int(1, 50));
    else c.omitted.add(line.id);
  }
  return c;
}

// ── output ──────────────────────────────────────────────────────────────────────────────────

const LINE_ZH = Object.fromEntries(columnsOf(LineRowSchema).map((c) => [c.name, c.meta.zh])) as Record<string, string>;
const TARGET_ZH = Object.fromEntries(columnsOf(TargetRowSchema).map((c) => [c.name, c.meta.zh])) as Record<string, string>;

const PLAN_COLUMNS = ['line_id', 'enterprise_name', 'credit_code', 'region_code', 'industry', 'equipment', 'equipment_count', 'capacity', 'capacity_unit', 'deadline', 'status', 'shutdown_date', 'employees', 'note'] as const;
const COMPLETION_COLUMNS = [
  'line_id', 'enterprise_name', 'credit_code', 'region_code', 'industry', 'equipment', 'equipment_count', 'capacity', 'capacity_unit',
  'status', 'shutdown_date', 'sealed_date', 'dismantled_date', 'accepted_date', 'employees', 'employees_resettled', 'fixed_assets',
  'central_reward', 'provincial_compensation', 'energy_saved_tce', 'equipment_destination', 'can_resume', 'note',
] as const;
const TARGET_COLUMNS = ['region_code', 'industry', 'capacity', 'capacity_unit', 'count', 'note'] as const;

const tenths = (n: number | undefined) => (n === undefined ? '' : n % 10 === 0 ? String(n / 10) : `${Math.floor(n / 10)}.${n % 10}`);
const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar

function frontMatter(fields: Record<string, string | number | boolean | undefined>): string {
  let out = '---\n';
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out += `${k}: ${typeof v === 'string' ? q(v) : String(v)}\n`;
  }
  return `${out}---\n`;
}

const SYNTH_NOTICE = (seed: number, lines: number) =>
  `**合成数据，仅供测试和演示。** 本公告由 \`npm run synth -- --lines ${lines} --seed ${seed}\` 生成，企业名称、统一社会信用代码、设备和数字全部是虚构的，与任何真实企业无关。\n`;

function countyIssuer(cy: CountyYear): string {
  return `${cy.county.name}${cy.year < 2019 ? '经济和信息化局' : '工业和信息化局'}`;
}
function provinceIssuer(p: Province, year: number): string {
  return `${p.name}${year < 2018 ? '经济和信息化委员会' : '工业和信息化厅'}`;
}

interface Rendered {
  id: string;
  kind: 'plan' | 'completion' | 'target';
  md: string;
  csv: string;
  rows: number;
  superseding: boolean;
}

function planTable(cy: CountyYear, zh: boolean, wrong: Correction | undefined): { csv: string; rows: number } {
  const out: string[][] = [PLAN_COLUMNS.map((c) => (zh ? LINE_ZH[c]! : c))];
  for (const { line, entry } of cy.items) {
    if (wrong?.omitted.has(line.id)) continue;
    const capH = wrong?.wrongCap.get(line.id) ?? line.capH;
    const emp = wrong?.wrongEmployees.get(line.id) ?? line.employees;
    const st = entry.plan;
    const notes: string[] = [];
    if (entry.carried) notes.push(`${entry.year - 1}年结转`);
    const cells = [
      line.id, line.ent.name, line.ent.credit, cy.county.code, industryName(line.industry), line.equipment, String(line.count),
      fmtH(capH), industryUnit(line.industry), entry.deadline, zh ? statusLabel(st) : st,
      entry.planShutdown !== undefined && !(entry.omit & 1) ? ymd(entry.planShutdown) : '',
      String(emp), notes.join('；'),
    ];
    out.push(cells);
  }
  return { csv: writeCsv(out, { newline: '\n' }), rows: out.length - 1 };
}

function completionTable(cy: CountyYear, zh: boolean, wrong: Correction | undefined): { csv: string; rows: number } {
  const out: string[][] = [COMPLETION_COLUMNS.map((c) => (zh ? LINE_ZH[c]! : c))];
  for (const { line, entry: e } of cy.items) {
    if (wrong?.omitted.has(line.id)) continue;
    const capH = wrong?.wrongCap.get(line.id) ?? line.capH;
    const emp = wrong?.wrongEmployees.get(line.id) ?? line.employees;
    const done = e.outcome === 'accepted' || e.outcome === 'dismantled' || e.outcome === 'sealed';
    const date = (d: number | undefined, bit: number) => (d !== undefined && !(e.omit & bit) ? ymd(d) : '');
    const resettled = done ? Math.min(emp, line.resettled) : Math.floor(Math.min(emp, line.resettled) / 2);
    const cells = [
      line.id, line.ent.name, line.ent.credit, cy.county.code, industryName(line.industry), line.equipment, String(line.count),
      fmtH(capH), industryUnit(line.industry), zh ? statusLabel(e.outcome) : e.outcome,
      date(e.shutdown, 1), date(e.sealed, 8), date(e.dismantled, 2), date(e.accepted, 4),
      String(emp), String(resettled), tenths(line.fixedAssets),
      done ? tenths(line.central) : '', done ? tenths(line.provincial) : '', done && line.tce !== undefined ? String(line.tce) : '',
      e.outcome === 'accepted' || e.outcome === 'dismantled' ? line.destination : e.outcome === 'sealed' ? '断水断电，原地封存' : '',
      done ? '否' : e.outcome === 'shutdown' ? '是' : '',
      e.note,
    ];
    out.push(cells);
  }
  return { csv: writeCsv(out, { newline: '\n' }), rows: out.length - 1 };
}

function correctionNote(cy: CountyYear, c: Correction): string {
  const parts: string[] = [];
  for (const { line } of cy.items) {
    const unit = industryUnit(line.industry);
    const wc = c.wrongCap.get(line.id);
    if (wc !== undefined) parts.push(`更正清单编号${line.id}（${line.ent.name}）的产能：原公告误为${fmtH(wc)}${unit}，应为${fmtH(line.capH)}${unit}`);
    const we = c.wrongEmployees.get(line.id);
    if (we !== undefined) parts.push(`更正清单编号${line.id}（${line.ent.name}）的涉及职工人数：原公告误为${we}人，应为${line.employees}人`);
    if (c.omitted.has(line.id)) parts.push(`补列清单编号${line.id}（${line.ent.name}）：原公告漏列`);
  }
  return `${parts.join('；')}。其余各行未改动。`;
}

function renderCountyYear(m: Model, cy: CountyYear, lines: number): Rendered[] {
  const out: Rendered[] = [];
  const r = new Rng(m.seed, 'render', cy.county.code, cy.year);
  const zh = r.chance(0.3);
  const short = cy.county.short;
  const enterprises = new Set(cy.items.map((i) => i.line.ent.name)).size;
  const carried = cy.items.filter((i) => i.entry.carried).length;
  const base = `${cy.year}-${cy.county.code}`;
  const planTitle = `${cy.county.name}${cy.year}年淘汰落后产能企业名单公告（合成数据）`;
  const planDocNo = `${short}工信发〔${cy.year}〕${cy.planDoc}号`;
  const planBody = (n: number) =>
    `${SYNTH_NOTICE(m.seed, lines)}\n根据${cy.county.prov.name}${cy.year}年淘汰落后产能目标任务，现将${cy.county.name}${cy.year}年计划淘汰落后产能企业及设备名单予以公告，接受社会监督。\n\n` +
    `名单共 ${n} 条生产线（设备），涉及 ${enterprises} 家企业${carried > 0 ? `，其中上年结转 ${carried} 条` : ''}。列入名单的企业须在淘汰时限前关停并拆除主体设备。\n`;

  // plan (and its correction)
  const pc = cy.planCorrection;
  {
    const t = planTable(cy, zh, pc);
    const md = frontMatter({ title: planTitle, kind: 'plan', region: cy.county.code, year: cy.year, issuer: countyIssuer(cy), published: ymd(cy.planPub), doc_number: planDocNo, example: true }) + '\n' + planBody(t.rows);
    out.push({ id: `${base}-plan`, kind: 'plan', md, csv: t.csv, rows: t.rows, superseding: false });
  }
  if (pc) {
    const t = planTable(cy, zh, undefined);
    const note = correctionNote(cy, pc);
    const md =
      frontMatter({
        title: `${cy.county.name}${cy.year}年淘汰落后产能企业名单公告（更正）（合成数据）`, kind: 'plan', region: cy.county.code, year: cy.year,
        issuer: countyIssuer(cy), published: ymd(pc.pub), doc_number: `${short}工信发〔${cy.year}〕${cy.planDoc + r.int(5, 30)}号`,
        supersedes: `${base}-plan`, correction_note: note, example: true,
      }) +
      `\n${SYNTH_NOTICE(m.seed, lines)}\n本公告更正 ${base}-plan，原公告仍保留在公示记录中。更正说明：${note}\n\n以下为更正后的完整名单。\n`;
    out.push({ id: `${base}-plan-2`, kind: 'plan', md, csv: t.csv, rows: t.rows, superseding: true });
  }

  // completion (and its correction)
  const counts: Record<Outcome, number> = { accepted: 0, dismantled: 0, sealed: 0, shutdown: 0, incomplete: 0 };
  for (const { entry } of cy.items) counts[entry.outcome]++;
  const complTitle = `${cy.county.name}${cy.year}年淘汰落后产能完成情况公告（合成数据）`;
  const complBody =
    `${SYNTH_NOTICE(m.seed, lines)}\n经县级自查、市级现场检查验收，现将${cy.county.name}${cy.year}年淘汰落后产能完成情况予以公告。\n\n` +
    `名单共 ${cy.items.length} 条：已验收 ${counts.accepted} 条，已拆除待验收 ${counts.dismantled} 条，已封存 ${counts.sealed} 条，已关停 ${counts.shutdown} 条，未完成 ${counts.incomplete} 条。` +
    (counts.shutdown + counts.incomplete > 0 ? '已关停和未完成的结转下年继续淘汰。\n' : '\n');
  const cc = cy.complCorrection;
  {
    const t = completionTable(cy, zh, cc);
    const md = frontMatter({ title: complTitle, kind: 'completion', region: cy.county.code, year: cy.year, issuer: countyIssuer(cy), published: ymd(cy.complPub), doc_number: `${short}工信发〔${cy.year}〕${cy.complDoc}号`, example: true }) + '\n' + complBody;
    out.push({ id: `${base}-completion`, kind: 'completion', md, csv: t.csv, rows: t.rows, superseding: false });
  }
  if (cc) {
    const t = completionTable(cy, zh, undefined);
    const note = correctionNote(cy, cc);
    const md =
      frontMatter({
        title: `${cy.county.name}${cy.year}年淘汰落后产能完成情况公告（更正）（合成数据）`, kind: 'completion', region: cy.county.code, year: cy.year,
        issuer: countyIssuer(cy), published: ymd(cc.pub), doc_number: `${short}工信发〔${cy.year}〕${cy.complDoc + r.int(1, 20)}号`,
        supersedes: `${base}-completion`, correction_note: note, example: true,
      }) +
      `\n${SYNTH_NOTICE(m.seed, lines)}\n本公告更正 ${base}-completion，原公告仍保留在公示记录中。更正说明：${note}\n`;
    out.push({ id: `${base}-completion-2`, kind: 'completion', md, csv: t.csv, rows: t.rows, superseding: true });
  }
  return out;
}

interface Sum {
  capH: number;
  count: number;
}

/** Targets of one year: national rows for provinces, provincial rows for cities, all ≥ the plans. */
function renderTargets(m: Model, year: number, lines: number): Rendered[] {
  const list = m.byYear.get(year) ?? [];
  // province → unit → industry → sum of planned capacity in force.
  const sums = new Map<string, Map<string, Map<string, Sum>>>();
  for (const cy of list) {
    const p = cy.county.prov.code;
    let units = sums.get(p);
    if (!units) sums.set(p, (units = new Map()));
    let inds = units.get(cy.county.unit);
    if (!inds) units.set(cy.county.unit, (inds = new Map()));
    for (const { line } of cy.items) {
      const s = inds.get(line.industry) ?? { capH: 0, count: 0 };
      s.capH += line.capH;
      s.count += 1;
      inds.set(line.industry, s);
    }
  }
  const up = (capH: number, r: Rng, maxPct: number) => Math.ceil((capH * (100 + r.int(0, maxPct))) / 100 / 10) * 10;
  const industryOrder = (a: string, b: string) => INDUSTRY_SPECS.findIndex((s) => s.id === a) - INDUSTRY_SPECS.findIndex((s) => s.id === b);
  const out: Rendered[] = [];
  const national = new Map<string, { prov: string; ind: string; capH: number | undefined; count: number | undefined }[]>();
  const provRendered: Rendered[] = [];
  for (const p of m.provinces) {
    const units = sums.get(p.code);
    if (!units) continue;
    const r = new Rng(m.seed, 'targets', p.code, year);
    const coalCountOnly = r.chance(0.3);
    const zh = r.chance(0.3);
    const unitCodes = [...units.keys()].sort();
    const industries = [...new Set(unitCodes.flatMap((u) => [...units.get(u)!.keys()]))].sort(industryOrder);
    const rows: string[] = [];
    const cityRows: string[] = [];
    for (const ind of industries) {
      let totalCap = 0;
      let totalCount = 0;
      for (const u of unitCodes) {
        const s = units.get(u)!.get(ind);
        if (!s) continue;
        const capH = up(s.capH, r, 10);
        const count = s.count + (r.chance(0.2) ? 1 : 0);
        totalCap += capH;
        totalCount += count;
        cityRows.push(targetRow(u, ind, coalCountOnly && ind === 'coal' ? undefined : capH, ind === 'coal' ? count : undefined));
      }
      const capH = up(totalCap, r, 8);
      const count = ind === 'coal' ? totalCount + r.int(0, 2) : undefined;
      const provCap = coalCountOnly && ind === 'coal' ? undefined : capH;
      rows.push(targetRow(p.code, ind, provCap, count));
      const n = national.get(ind) ?? [];
      n.push({ prov: p.code, ind, capH: provCap, count });
      national.set(ind, n);
    }
    const all = [...rows, ...cityRows];
    const head = TARGET_COLUMNS.map((c) => (zh ? TARGET_ZH[c]! : c)).join(',');
    const published = dayOf(year, 2, 25) + r.int(0, 18);
    const md =
      frontMatter({
        title: `${p.name}${year}年淘汰落后产能目标任务（合成数据）`, kind: 'target', region: p.code, year, issuer: provinceIssuer(p, year),
        published: ymd(published), doc_number: `${p.short}${year < 2018 ? '经信' : '工信'}产业〔${year}〕${r.int(5, 60)}号`, example: true,
      }) +
      `\n${SYNTH_NOTICE(m.seed, lines)}\n现将${p.name}${year}年淘汰落后产能目标任务分解下达到各市（州），请各地于4月底前公告计划淘汰名单，年底前完成淘汰任务。\n\n` +
      `共 ${industries.length} 个行业。${coalCountOnly && industries.includes('coal') ? '煤炭行业只下达关闭煤矿处数。' : ''}\n`;
    provRendered.push({ id: `${year}-${p.code}-target`, kind: 'target', md, csv: `${head}\n${all.join('\n')}\n`, rows: all.length, superseding: false });
  }
  if (national.size > 0) {
    const r = new Rng(m.seed, 'targets', '000000', year);
    const rows: string[] = [];
    const provRows: string[] = [];
    for (const ind of [...national.keys()].sort(industryOrder)) {
      const ps = national.get(ind)!;
      const capSum = ps.reduce((s, x) => s + (x.capH ?? 0), 0);
      const countSum = ps.reduce((s, x) => s + (x.count ?? 0), 0);
      rows.push(targetRow('000000', ind, capSum > 0 ? up(capSum, r, 5) : undefined, ind === 'coal' ? countSum + r.int(0, 20) : undefined));
      for (const x of ps) provRows.push(targetRow(x.prov, ind, x.capH, x.count));
    }
    const all = [...rows, ...provRows];
    const md =
      frontMatter({
        title: `${year}年各地区淘汰落后产能目标任务（合成数据）`, kind: 'target', region: '000000', year, issuer: '工业和信息化部',
        published: ymd(dayOf(year, 2, 5) + r.int(0, 15)), doc_number: `工信部产业〔${year}〕${r.int(10, 40)}号`, example: true,
      }) +
      `\n${SYNTH_NOTICE(m.seed, lines)}\n现将${year}年各省（区、市）淘汰落后产能目标任务予以公告。\n`;
    out.push({ id: `${year}-000000-target`, kind: 'target', md, csv: `${TARGET_COLUMNS.join(',')}\n${all.join('\n')}\n`, rows: all.length, superseding: false });
  }
  return [...out, ...provRendered];
}

function targetRow(region: string, ind: string, capH: number | undefined, count: number | undefined): string {
  return [region, industryName(ind), capH === undefined ? '' : fmtH(capH), capH === undefined ? '' : industryUnit(ind), count === undefined ? '' : String(count), ''].join(',');
}

// ── public API ──────────────────────────────────────────────────────────────────────────────

/**
 * Yields the announcements of a synthetic data root one at a time (year by year: targets, then
 * each county's plan, plan correction, completion, completion correction). Returns the stats
 * (bytes and files are left 0: the caller writes them).
 */
export function* synthAnnouncements(opts: SynthOptions): Generator<SynthAnnouncement, SynthStats, undefined> {
  const m = buildModel(opts);
  const stats: SynthStats = {
    announcements: 0, plans: 0, completions: 0, targets: 0, corrections: 0, lines: m.lines, enterprises: m.enterprises,
    counties: m.counties.length, provinces: new Set(m.counties.map((c) => c.prov.code)).size, rows: 0, files: 0, bytes: 0,
  };
  const lines = Math.max(1, Math.floor(opts.lines));
  const emit = (year: number, a: Rendered): SynthAnnouncement => {
    stats.announcements++;
    stats.rows += a.rows;
    if (a.kind === 'plan') stats.plans++;
    else if (a.kind === 'completion') stats.completions++;
    else stats.targets++;
    if (a.superseding) stats.corrections++;
    return { id: a.id, year, kind: a.kind, mdPath: `announcements/${year}/${a.id}.md`, csvPath: `announcements/${year}/${a.id}.csv`, md: a.md, csv: a.csv };
  };
  for (const year of m.years) {
    for (const a of renderTargets(m, year, lines)) yield emit(year, a);
    for (const cy of m.byYear.get(year)!) for (const a of renderCountyYear(m, cy, lines)) yield emit(year, a);
  }
  return stats;
}

export interface WriteSynthOptions extends SynthOptions {
  /** Also write published.lock over every announcement. */
  lock?: boolean;
}

/** Writes a synthetic data root into `dir` (which must be empty or absent), file by file. */
export function writeSynth(dir: string, opts: WriteSynthOptions): SynthStats {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`输出目录不是空的：${dir}`);
  mkdirSync(dir, { recursive: true });
  const gen = synthAnnouncements(opts);
  let lock: Lock = {};
  let batch: AnnouncementFiles[] = [];
  let batchYear = -1;
  let files = 0;
  let bytes = 0;
  const made = new Set<number>();
  const flush = () => {
    if (batch.length > 0) lock = extendLock(lock, batch).lock;
    batch = [];
  };
  for (let it = gen.next(); ; it = gen.next()) {
    if (it.done) {
      flush();
      if (opts.lock) {
        const text = formatLock(lock);
        writeFileSync(join(dir, LOCK_FILE), text);
        files++;
        bytes += Buffer.byteLength(text);
      }
      return { ...it.value, files, bytes };
    }
    const a = it.value;
    if (!made.has(a.year)) {
      mkdirSync(join(dir, 'announcements', String(a.year)), { recursive: true });
      made.add(a.year);
    }
    const md = Buffer.from(a.md, 'utf8');
    const csv = Buffer.from(a.csv, 'utf8');
    writeFileSync(join(dir, a.mdPath), md);
    writeFileSync(join(dir, a.csvPath), csv);
    files += 2;
    bytes += md.length + csv.length;
    if (opts.lock) {
      if (a.year !== batchYear) {
        flush();
        batchYear = a.year;
      }
      batch.push({ id: a.id, mdFile: a.mdPath, csvFile: a.csvPath, md, csv });
    }
  }
}

/** One line for the command's output. */
export function formatStats(s: SynthStats, dir: string): string {
  const mb = (s.bytes / 1024 / 1024).toFixed(1);
  return (
    `合成数据：${s.announcements} 条公告（计划 ${s.plans}、完成 ${s.completions}、目标 ${s.targets}，其中更正 ${s.corrections}），` +
    `${s.lines} 条生产线，${s.enterprises} 家企业，${s.counties} 个县（${s.provinces} 个省），${s.rows} 行，${s.files} 个文件，${mb} MB → ${dir}`
  );
}
