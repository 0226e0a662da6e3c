/**
 * A list in any layout → the rows of one announcement's table, and every inference made on the
 * way (findings), each with its evidence, its confidence and the rows it concerns. Pure: the
 * document (source.ts), the settings and the reference tables in; rows and findings out.
 *
 * Per table: rows before a header are titles; a header row is one whose cells name two or more
 * of the kind's columns (headers.ts), continued by the rows below it that still read as a
 * header; after it, a row with only one text is a section heading (一、炼铁; 水泥行业; 河北省)
 * or a title, 合计/小计 rows and notes (注：…) are skipped, and every other row is a data row.
 * A new header row (a page's repeated header, a second table in the sheet) starts again.
 */
import { KIND_LABELS, TABLE_SCHEMAS, type Kind } from '../schema/announcement.ts';
import { columnsOf, type ColumnMeta } from '../schema/column.ts';
import { statusLabel, type LineStatus } from '../schema/line.ts';
import type { Industry } from '../schema/industry.ts';
import type { Region } from '../schema/region.ts';
import type { Taxonomy } from '../reference/industries.ts';
import { NATIONAL, type RegionTable } from '../reference/regions.ts';
import { cleanText, detectTraditional, keyOf } from './clean.ts';
import { readDate } from './dates.ts';
import { continuesHeader, hasAnchor, headerScore, planColumns, type ColumnPlan, type Confidence } from './headers.ts';
import { cardId, lineId, uniqueIds } from './ids.ts';
import { buildPlaceIndex, matchPlace, regionLabel } from './places.ts';
import type { Block, SourceDocument, SourceRow } from './source.ts';
import { JOINED, REGION_NAME, SEQ } from './synonyms.ts';
import { MONEY, parseUnit, readNumberCell, shiftDecimal } from './units.ts';

export interface ImportSettings {
  kind: Kind;
  /** The announcement's region: every row lies inside it. */
  region: string;
  year: number;
  /** Answers for ambiguous or unknown place names: 朝阳区 → 110105 (`--region-name`). */
  regionNames?: ReadonlyMap<string, string> | undefined;
  /** Status for rows that give none (`--status`), as an id or a Chinese label. */
  status?: string | undefined;
  /** Industry for rows that give none and have no section heading (`--industry`). */
  industry?: string | undefined;
}

export interface Reference {
  regions: RegionTable;
  taxonomy: Taxonomy;
}

export interface Position {
  where: string;
  n: number;
}

export type Topic = 'table' | 'header' | 'unit' | 'region' | 'industry' | 'value' | 'id' | 'cleanup' | 'skipped' | 'unmapped';

export interface Finding {
  topic: Topic;
  text: string;
  confidence?: Confidence | undefined;
  at: Position[];
}

export interface Todo {
  /** Line of the written CSV (header = 1). */
  line: number;
  at: Position;
  /** Chinese headers of required columns left blank. */
  missing: string[];
}

export interface ImportedTable {
  /** Chinese headers of the written table; extra columns as x_…. */
  header: string[];
  rows: string[][];
  positions: Position[];
  findings: Finding[];
  todo: Todo[];
  stats: { tables: number; tablesUsed: number; rowsRead: number; imported: number; skipped: number; filled: number; traditional: boolean };
}

/** Findings grouped by topic, confidence and text, each with the rows it concerns. */
class Findings {
  private readonly byKey = new Map<string, Finding>();
  add(topic: Topic, text: string, confidence?: Confidence, at?: Position): void {
    const key = `${topic}\u0000${confidence ?? ''}\u0000${text}`;
    let f = this.byKey.get(key);
    if (!f) this.byKey.set(key, (f = { topic, text, confidence, at: [] }));
    if (at) f.at.push(at);
  }
  list(): Finding[] {
    return [...this.byKey.values()];
  }
}

/** Numbering before a heading: 一、 （一） 1. 1、 第一部分 ①. */
const NUMBERING = /^(?:[一二三四五六七八九十百]+\s*[、.,]|[(（]\s*[一二三四五六七八九十百\d]+\s*[)）]|\d{1,3}\s*[、.)）]|第[一二三四五六七八九十百\d]+(?:部分|类|批|项)\s*[、:：]?|[\u2460-\u2473])\s*/;
const SUBTOTAL = /^(?:合计|小计|总计|共计|累计|全省合计|全国合计|全市合计|本页小计|总合计)/;
const NOTE = /^(?:注|备注|说明|附注)\s*[:：\d\u2460-\u2473]/;
/** Cells that mean "nothing here" in a list. */
const NOTHING = new Set(['-', '--', '—', '——', '/', '无', '暂无', '不详', '空']);

interface Heading {
  industry?: Industry | undefined;
  place?: Region | undefined;
  /** A place name that fits several regions: reported, not used. */
  ambiguous?: Region[] | undefined;
  /** As written (cleaned). */
  text: string;
  numbered: boolean;
}

/** Industry words to strip from a heading: 水泥行业 → 水泥, 炼铁企业名单 → 炼铁. */
const HEADING_TAIL = /(?:行业|企业|名单|企业名单|落后产能|淘汰落后产能|淘汰落后产能企业名单|类|部分)+$/;

export function industryOfHeading(text: string, taxonomy: Taxonomy): Industry | undefined {
  const t = text.replace(/[:：]$/, '').trim();
  const noCount = t.replace(/\s*[(（][^()（）]*[)）]$/, '').trim();
  for (const c of [t, noCount, noCount.replace(HEADING_TAIL, ''), t.replace(HEADING_TAIL, '')]) {
    if (c.length < 1) continue;
    const hit = taxonomy.lookup(c);
    if (hit) return hit;
  }
  // 钢铁（炼铁）: the bracket names the industry more precisely.
  const inner = /[(（]([^()（）]+)[)）]/.exec(t)?.[1];
  return inner ? taxonomy.lookup(inner.trim()) : undefined;
}

/** Industries as equipment and enterprise names give them away, for rows with no other evidence (confidence 低). */
const EQUIPMENT_WORDS: readonly [RegExp, string][] = [
  [/高炉/, 'ironmaking'], [/转炉|炼钢电炉|电弧炉/, 'steelmaking'], [/立窑|中空窑|湿法窑|水泥磨|土窑|蛋窑|熟料/, 'cement'], [/电石炉|电石/, 'calcium-carbide'],
  [/焦炉|焦化/, 'coke'], [/铁合金/, 'ferroalloy'], [/预焙槽|电解槽|电解铝/, 'aluminium'], [/平拉|格法|平板玻璃|玻璃/, 'flat-glass'], [/草浆|制浆|造纸|纸机/, 'paper'],
  [/酒精/, 'alcohol'], [/味精/, 'msg'], [/柠檬酸/, 'citric-acid'], [/制革|皮革/, 'leather'], [/印染|染整|定形机|染色机/, 'dyeing'], [/粘胶|黏胶|化纤|氨纶|腈纶|涤纶/, 'chemical-fibre'],
  [/铅蓄电池|铅酸|极板/, 'lead-acid-battery'], [/火电|发电机组|小火电/, 'power'], [/煤矿/, 'coal'], [/炼铜/, 'copper'], [/炼铅|再生铅/, 'lead'], [/炼锌/, 'zinc'], [/炼油/, 'petrochemical'],
];

function industryFromWords(texts: readonly string[], taxonomy: Taxonomy): Industry | undefined {
  for (const t of texts) {
    const hits = new Set(EQUIPMENT_WORDS.filter(([re]) => re.test(t)).map(([, id]) => id));
    if (hits.size === 1) return taxonomy.get([...hits][0]!);
    if (hits.size > 1) return undefined;
  }
  return undefined;
}

/** Status words of old lists that the schema does not know, → the contract's status. */
const STATUS_WORDS: Readonly<Record<string, LineStatus>> = { 已完成: 'dismantled', 完成: 'dismantled', 已完成淘汰: 'dismantled', 已关闭: 'shutdown', 关闭: 'shutdown', 未完成: 'incomplete' };

interface Mapping {
  /** Canonical column → source columns (several only for joined columns and region names). */
  columns: Map<string, ColumnPlan[]>;
  /** Source columns kept as extra x_ columns: index → name. */
  extras: Map<number, string>;
  units: Map<string, string>;
}

export function convertDocument(doc: SourceDocument, settings: ImportSettings, ref: Reference): ImportedTable {
  const { kind } = settings;
  const { taxonomy, regions } = ref;
  const findings = new Findings();
  const schemaCols = columnsOf(TABLE_SCHEMAS[kind]);
  const metaOf = new Map<string, ColumnMeta>(schemaCols.map((c) => [c.name, c.meta]));
  const zhOf = (c: string) => metaOf.get(c)?.zh ?? (c === SEQ ? '序号' : c === REGION_NAME ? '地区名称' : c);
  const places = buildPlaceIndex(regions);
  const lineKind = kind === 'plan' || kind === 'completion';

  // ── clean-up, over the whole document ──
  const verdict = detectTraditional(texts(doc.blocks));
  if (verdict.traditional) {
    findings.add('cleanup', `繁体字转为简体字：文件用繁体字书写（抽查的 ${verdict.han} 个汉字中 ${verdict.changed} 个是繁体字，如 ${verdict.examples.join('、')}），全部按 OpenCC 台湾/香港繁体 → 大陆简体转换`, '高');
  }
  let filled = 0;
  const cleanCell = (raw: string, at?: Position) => {
    if (raw === '') return '';
    const c = cleanText(raw, verdict.traditional);
    if (c.invisible) findings.add('cleanup', '删去了不可见字符（零宽字符、控制字符等）', '高', at);
    if (c.footnote) findings.add('cleanup', `删去了单元格末尾的脚注标记“${c.footnote}”`, '中', at);
    if (c.fullWidth) findings.add('cleanup', '全角字母、数字和标点改为半角', '高');
    return c.text;
  };
  const blocks: Block[] = doc.blocks.map((b) => {
    if (b.kind === 'text') return { kind: 'text', text: cleanCell(b.text) };
    filled += b.filled;
    return { ...b, rows: b.rows.map((r) => ({ n: r.n, cells: r.cells.map((c) => cleanCell(c, { where: b.where, n: r.n })) })) };
  });
  if (filled > 0) findings.add('cleanup', `合并单元格（跨行、跨列的单元格）的内容填入了它覆盖的每个单元格：共 ${filled} 个`, '高');

  // ── sections, headers and rows ──
  const readHeading = (text: string): Heading => {
    const numbered = NUMBERING.test(text);
    const t = text.replace(NUMBERING, '').trim();
    const override = settings.regionNames?.get(t);
    if (override) return { text, numbered, place: regions.get(override) };
    const industry = industryOfHeading(t, taxonomy);
    if (industry) return { text, numbered, industry };
    const bare = t.replace(/[:：]$/, '').replace(/\s*[(（][^()（）]*[)）]$/, '').trim();
    const place = matchPlace(bare, places, { within: settings.region, hints: [], year: settings.year }, true);
    if (place && place.matched === bare) {
      return place.candidates.length === 1 ? { text, numbered, place: place.candidates[0] } : { text, numbered, ambiguous: place.candidates };
    }
    return { text, numbered };
  };

  let section: { industry?: { industry: Industry; text: string; confidence: Confidence } | undefined; place?: { region: Region; text: string } | undefined } = {};
  const applyHeading = (h: Heading, confidence: Confidence, at?: Position) => {
    const label = h.text.startsWith('工作表名') ? h.text : `章节标题“${h.text}”`;
    if (h.industry) {
      section.industry = { industry: h.industry, text: h.text, confidence };
      findings.add('industry', `${label}→ 行业 ${h.industry.name}`, confidence, at);
    } else if (h.place) {
      section.place = { region: h.place, text: h.text };
      findings.add('region', `${label}→ ${regionLabel(h.place, regions)}，用于其下各行的地区`, confidence, at);
    }
  };

  interface OutRow {
    values: Map<string, string>;
    extras: Map<string, string>;
    at: Position;
    /** For the generated id. */
    idParts?: string[];
  }
  const out: OutRow[] = [];
  const extraNames: string[] = [];
  let tables = 0;
  let tablesUsed = 0;
  let rowsRead = 0;
  let skipped = 0;
  const skip = (reason: string, at: Position, confidence: Confidence = '高') => {
    skipped++;
    findings.add('skipped', reason, confidence, at);
  };

  for (const block of blocks) {
    if (block.kind === 'text') {
      const h = block.text.length <= 40 ? readHeading(block.text) : undefined;
      if (h) applyHeading(h, '高');
      continue;
    }
    tables++;
    if (block.sheet !== undefined) {
      section = {};
      const h = readHeading(block.sheet);
      if (h.industry || h.place) applyHeading({ ...h, text: `工作表名“${block.sheet}”` }, '中');
    }
    let mapping: Mapping | undefined;
    let refused = false;
    let used = false;
    const rows = block.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const at = { where: block.where, n: row.n };
      rowsRead++;
      const cells = row.cells;
      const distinct = [...new Set(cells.filter((c) => c !== ''))];
      if (distinct.length === 0) {
        skip('空行', at);
        continue;
      }
      if (distinct.length >= 2 && headerScore(cells, kind) >= 2) {
        const headerRows: (readonly string[])[] = [cells];
        while (i + 1 < rows.length && headerRows.length < 4 && continuesHeader(rows[i + 1]!.cells, headerRows[headerRows.length - 1]!, kind)) {
          headerRows.push(rows[++i]!.cells);
          rowsRead++;
        }
        const plans = planColumns(headerRows, kind);
        const span = headerRows.length > 1 ? `第 ${row.n}–${rows[i]!.n} 行` : `第 ${row.n} 行`;
        if (!hasAnchor(plans, kind)) {
          mapping = undefined;
          refused = true;
          findings.add('table', `${block.where || '表格'}${span}的表头没有${lineKind || kind === 'cards' ? '企业名称' : '地区'}列，这个表格没有导入（表头：${plans.map((p) => p.header).filter(Boolean).join('、')}）`, '高');
          skipped += headerRows.length;
          continue;
        }
        refused = false;
        mapping = buildMapping(plans, at);
        for (let k = 0; k < headerRows.length; k++) skip('表头行', { where: block.where, n: rows[i - headerRows.length + 1 + k]!.n });
        if (!used) {
          used = true;
          tablesUsed++;
        }
        continue;
      }
      if (isSubtotal(cells, distinct)) {
        skip(`合计、小计行“${short(distinct[0]!)}”`, at);
        continue;
      }
      if (NOTE.test(distinct[0]!) && distinct.length <= 2) {
        skip(`注释行“${short(distinct[0]!)}”`, at);
        continue;
      }
      if (distinct.length <= 2) {
        // A section heading (一、炼铁 or 一 | 炼铁), or a title: one text, written across the row or
        // numbered, or before any header. One text in one cell of a table is a row with one value.
        const h = readHeading(distinct.join('、'));
        if (h.industry || h.place) {
          applyHeading(h, '高', at);
          skip(`章节标题“${h.text}”`, at);
          continue;
        }
        if (h.ambiguous) {
          // The rows under it are not in the previous heading's place either.
          section.place = undefined;
          ambiguous(h.text, h.ambiguous, at);
          skip(`章节标题“${h.text}”（地区有多个可能，没有使用）`, at);
          continue;
        }
        const spread = cells.filter((c) => c !== '').length;
        if (distinct.length === 1 && (!mapping || h.numbered || spread >= 2)) {
          skip(mapping ? `标题行“${short(h.text)}”（不是行业或地区的名称）` : `表头之前的标题行“${short(h.text)}”`, at);
          continue;
        }
      }
      if (!mapping) {
        skip(refused ? '属于没有导入的表格' : '表头之前的行', at, '中');
        continue;
      }
      const r = convertRow(cells, mapping, at);
      if (r) out.push(r);
    }
  }

  function buildMapping(plans: readonly ColumnPlan[], at: Position): Mapping {
    const columns = new Map<string, ColumnPlan[]>();
    const extras = new Map<number, string>();
    const units = new Map<string, string>();
    for (const p of plans) {
      if (!p.match) continue;
      const list = columns.get(p.match.column) ?? [];
      list.push(p);
      columns.set(p.match.column, list);
    }
    for (const [col, list] of columns) {
      if (list.length > 1 && !JOINED.has(col) && col !== REGION_NAME) {
        const best = [...list].sort((a, b) => a.rank - b.rank || a.at - b.at)[0]!;
        for (const p of list) {
          if (p === best) continue;
          p.match = undefined;
          findings.add('header', `“${p.header}”也对应“${zhOf(col)}”，已选用“${best.header}”，这一列作为附加列保留`, '中', at);
        }
        columns.set(col, [best]);
      }
    }
    for (const p of plans) {
      if (p.match) {
        const col = p.match.column;
        const target = col === SEQ ? '只用于核对行的位置，不写入表格' : col === REGION_NAME ? '地区名称，用于推断行政区划代码' : `“${zhOf(col)}”列`;
        findings.add('header', `“${p.header}”→ ${target}。依据：${p.match.how}`, p.match.confidence, at);
        if (p.match.unit) units.set(col, p.match.unit);
        if (p.match.unit && col === 'capacity') findings.add('unit', `产能的单位“${p.match.unit}”取自表头“${p.header}”`, '高');
      } else if (p.header !== '') {
        const name = `x_${p.header.replace(/\s+/g, '')}`;
        extras.set(p.at, name);
        if (!extraNames.includes(name)) extraNames.push(name);
        findings.add('header', `“${p.header}”没有对应的规范列，内容作为附加列“${name}”保留`, '中', at);
      } else {
        extras.set(p.at, `x_第${p.at + 1}列`);
      }
    }
    return { columns, extras, units };
  }

  function convertRow(cells: readonly string[], m: Mapping, at: Position): OutRow | undefined {
    const values = new Map<string, string>();
    const extras = new Map<string, string>();
    const get = (col: string) => (m.columns.get(col) ?? []).map((p) => cells[p.at] ?? '').filter((c) => c !== '');
    for (const [idx, name] of m.extras) {
      const v = cells[idx] ?? '';
      if (v === '') continue;
      if (!extraNames.includes(name)) extraNames.push(name);
      extras.set(name, v);
    }
    // Plain columns first: text as written, numbers and dates read.
    for (const [col, plans] of m.columns) {
      if (col === SEQ || col === REGION_NAME || col === 'capacity' || col === 'capacity_unit') continue;
      const meta = metaOf.get(col);
      if (!meta) continue;
      const written = plans.map((p) => cells[p.at] ?? '').filter((c) => c !== '');
      let v = written.join(' ');
      if (v === '') continue;
      if (NOTHING.has(v)) {
        findings.add('value', `“${v}”表示没有内容，单元格留空`, '中', at);
        continue;
      }
      v = readValue(col, meta, v, m.units.get(col), at);
      if (v !== '') values.set(col, v);
    }
    if (lineKind && !values.has('enterprise_name')) {
      const text = cells.filter((c) => c !== '').join(' | ');
      findings.add('unmapped', `没有企业名称，不能作为一条生产线导入：${short(text, 60)}`, undefined, at);
      skipped++;
      return undefined;
    }
    if (kind === 'cards' && !values.has('enterprise_name')) {
      findings.add('unmapped', `没有企业名称，不能作为一张红黄牌导入：${short(cells.filter((c) => c !== '').join(' | '), 60)}`, undefined, at);
      skipped++;
      return undefined;
    }
    if (metaOf.has('capacity')) readCapacity(cells, m, values, at);
    if (lineKind) countFromEquipment(values, m, at);
    if (metaOf.has('region_code')) resolveRegion(get(REGION_NAME), values, at);
    if (metaOf.has('industry')) resolveIndustry(values, at);
    if (metaOf.has('status')) defaultStatus(values, at);
    return { values, extras, at };
  }

  function readValue(col: string, meta: ColumnMeta, v: string, headerUnitText: string | undefined, at: Position): string {
    switch (meta.type) {
      case 'date':
      case 'date-or-month': {
        const d = readDate(v, meta.type === 'date-or-month');
        if (d.form) findings.add('value', `${meta.zh}写作“${d.form}”，改为 ${meta.type === 'date-or-month' && d.value.length === 7 ? 'YYYY-MM' : 'YYYY-MM-DD'}${d.interpreted ? `（如“${v}”→ ${d.value}，按该期末计）` : ''}`, d.interpreted ? '中' : '高', at);
        return d.value;
      }
      case 'integer':
      case 'decimal': {
        const n = readNumberCell(v);
        if (!n) return v;
        if (n.grouped) findings.add('value', `${meta.zh}中的千位分隔符已去掉（如“${v}”）`, '高', at);
        let num = n.number;
        const unitText = n.unit?.written ?? n.rest ?? headerUnitText;
        if (meta.unit === '万元' && unitText !== undefined && MONEY[unitText] !== undefined && MONEY[unitText] !== 0) {
          num = shiftDecimal(num, MONEY[unitText]);
          findings.add('unit', `${meta.zh}以“${unitText}”计，换算为万元（如 ${n.number} → ${num}）`, '高', at);
        } else if (n.rest !== undefined && !/^(?:人|台|套|台套|台\/套|座|条|个|处|家|户|吨标煤|万元)$/.test(n.rest)) {
          return v; // a number with words after it: the validator names it
        }
        if (n.approx) findings.add('value', `${meta.zh}原文是约数（如“${v}”），填了 ${num}`, '低', at);
        if (meta.type === 'integer' && !/^\d+$/.test(num)) return v;
        return num;
      }
      case 'stock-code':
        if (/^\d{1,5}$/.test(v)) {
          findings.add('value', `股票代码补足6位（Excel 去掉了开头的0，如 ${v} → ${v.padStart(6, '0')}）`, '高', at);
          return v.padStart(6, '0');
        }
        return v;
      case 'credit-code':
        return v.replace(/\s+/g, '').toUpperCase();
      case 'code':
        return v.replace(/\s+/g, '');
      case 'enum':
        if (col === 'status' && STATUS_WORDS[v]) {
          const s = STATUS_WORDS[v]!;
          findings.add('value', `状态“${v}”按“${statusLabel(s)}”填写`, '中', at);
          return statusLabel(s);
        }
        return v;
      default:
        return v;
    }
  }

  function readCapacity(cells: readonly string[], m: Mapping, values: Map<string, string>, at: Position): void {
    const plans = m.columns.get('capacity') ?? [];
    const cell = plans.map((p) => cells[p.at] ?? '').find((c) => c !== '') ?? '';
    const unitCell = (m.columns.get('capacity_unit') ?? []).map((p) => cells[p.at] ?? '').find((c) => c !== '') ?? '';
    if (unitCell !== '' && !NOTHING.has(unitCell)) values.set('capacity_unit', parseUnit(unitCell)?.unit ?? unitCell);
    if (cell === '' || NOTHING.has(cell)) return;
    const n = readNumberCell(cell);
    if (!n || n.rest !== undefined) {
      values.set('capacity', cell);
      findings.add('unmapped', `产能“${short(cell)}”读不出数字和单位，原样保留，请改为数字，单位填在“产能单位”`, undefined, at);
      return;
    }
    if (n.grouped) findings.add('value', `产能中的千位分隔符已去掉（如“${cell}”）`, '高', at);
    const unit = n.unit ?? (unitCell ? parseUnit(unitCell) : undefined) ?? (m.units.get('capacity') ? parseUnit(m.units.get('capacity')!) : undefined);
    let num = n.number;
    if (n.unit) findings.add('unit', `单元格中写了单位：“${cell}”拆为产能 ${n.number} 和单位 ${n.unit.written}`, '高', at);
    if (n.approx) findings.add('value', `产能原文是约数（如“${cell}”），填了 ${n.number}`, '低', at);
    if (unit) {
      if (unit.exp !== 0) {
        num = shiftDecimal(num, unit.exp);
        findings.add('unit', `产能以“${unit.written}”计，换算为“${unit.unit}”（小数点移动 ${Math.abs(unit.exp)} 位，如 ${n.number} → ${num}）`, '高', at);
      }
      values.set('capacity_unit', unit.unit);
    } else if (!values.has('capacity_unit')) {
      const header = m.units.get('capacity');
      findings.add('unit', header ? `产能表头的单位“${header}”不是已知的产能单位，产能单位没有填写` : '产能没有写单位（表头和单元格中都没有），产能单位留空，请填写', '低', at);
    }
    values.set('capacity', num);
  }

  function countFromEquipment(values: Map<string, string>, m: Mapping, at: Position): void {
    const eq = values.get('equipment');
    if (!eq || m.columns.has('equipment_count') || /[、，,;；]/.test(eq)) return;
    const c = /^(.*?[^\d.×xX*])(\d{1,3})\s*(台|套|座|条|个|处|台套)$/.exec(eq);
    if (!c) return;
    values.set('equipment', c[1]!.trim());
    values.set('equipment_count', String(Number(c[2])));
    findings.add('value', `设备名称末尾的数量拆到“数量”列（如“${eq}”→ ${c[1]!.trim()}，${Number(c[2])}）`, '中', at);
  }

  function resolveRegion(names: readonly string[], values: Map<string, string>, at: Position): void {
    const written = values.get('region_code');
    if (written && /^\d{6}$/.test(written)) return;
    if (written) names = [written, ...names];
    values.delete('region_code');
    const hints = section.place ? [section.place.region.code] : [];
    let found: Region | undefined;
    let evidence = '';
    let confidence: Confidence = '高';
    for (const name of names) {
      const override = settings.regionNames?.get(name);
      if (override && regions.get(override)) {
        found = regions.get(override);
        evidence = `地区“${name}”按 --region-name 指定`;
        continue;
      }
      const ctx = { within: settings.region, hints: found ? [found.code, ...hints] : hints, year: settings.year };
      const mt = matchPlace(name, places, ctx, true);
      if (!mt) {
        const note = unknownPlace(name);
        findings.add('region', note, undefined, at);
        continue;
      }
      if (mt.candidates.length > 1) {
        ambiguous(name, mt.candidates, at);
        return;
      }
      const r = mt.candidates[0]!;
      if (!found || regions.contains(found.code, r.code)) {
        found = r;
        evidence = `地区“${name}”${mt.matched !== name ? `（读作“${mt.matched}”）` : ''}`;
        if (mt.rank > 0) confidence = '中';
      }
    }
    // A place at the start of the enterprise's name can say more (淄博市临淄社会福利玻璃厂).
    const enterprise = values.get('enterprise_name');
    if (enterprise) {
      const bound = found?.code ?? section.place?.region.code;
      // A short name may start an enterprise's name only below a city, where few places share it (临淄东风水泥厂 in 淄博市).
      const narrowest = regions.get(bound ?? settings.region);
      const shortOk = narrowest?.level === 'city';
      const mt = matchPlace(enterprise, places, { within: settings.region, hints: bound ? [bound] : [], year: settings.year }, shortOk);
      if (mt && mt.candidates.length === 1 && mt.matched.length >= 2) {
        const r = mt.candidates[0]!;
        if (!found ? !bound || regions.contains(bound, r.code) : regions.contains(found.code, r.code) && r.code !== found.code) {
          found = r;
          evidence = `企业名称“${enterprise}”开头的地名“${mt.matched}”`;
          confidence = mt.rank > 0 ? '低' : '中';
        }
      } else if (mt && mt.candidates.length > 1 && !found && !bound) {
        ambiguous(mt.matched, mt.candidates, at);
        return;
      }
    }
    if (!found && section.place) {
      found = section.place.region;
      evidence = `章节标题“${section.place.text}”`;
      confidence = '中';
    }
    const within = regions.get(settings.region);
    if (found && regions.contains(found.code, settings.region) && within) {
      // A place that holds the announcement's region: the row is in the announcement's region.
      if (found.code !== settings.region) evidence += `，公告地区 ${within.name} 在其中`;
      found = within;
    }
    if (!found) {
      if (settings.region !== NATIONAL && within) {
        const county = within.level === 'county';
        findings.add('region', county ? `公告地区是县级（${regionLabel(within, regions)}），各行都在其中` : `没有地区名称，只能确定在公告地区 ${regionLabel(within, regions)} 之内，暂填公告地区代码；请核对是否能填到更具体的地区`, county ? '高' : '低', at);
        values.set('region_code', within.code);
      } else {
        findings.add('region', '没有地区名称（地区列、章节标题和企业名称都没有可识别的地名），行政区划代码留空', undefined, at);
      }
      return;
    }
    if (!regions.contains(settings.region, found.code)) {
      findings.add('region', `${evidence} → ${regionLabel(found, regions)}，不在公告地区之内，行政区划代码留空`, undefined, at);
      return;
    }
    findings.add('region', `${evidence} → ${regionLabel(found, regions)}${found.valid_to ? `（已撤销的历史代码，停用于 ${found.valid_to}）` : ''}`, confidence, at);
    values.set('region_code', found.code);
  }

  function unknownPlace(name: string): string {
    const anywhere = matchPlace(name, places, { within: NATIONAL, hints: [], year: settings.year }, true);
    if (anywhere && anywhere.matched.length > 0 && settings.region !== NATIONAL) {
      return `地区“${name}”不在公告地区之内（可能是 ${anywhere.candidates.slice(0, 4).map((r) => regionLabel(r, regions)).join('、')}），行政区划代码留空；请核对，或用 --region-name ${name}=<代码> 指定`;
    }
    return `地区“${name}”在地区表中找不到，行政区划代码留空。如果是已更名或撤销的地区，请把它写进数据目录的 regions.csv（代码、名称、上级代码、停用日期），或用 --region-name ${name}=<代码> 指定后重新导入`;
  }

  function ambiguous(name: string, candidates: readonly Region[], at: Position): void {
    const list = candidates.slice(0, 8).map((r) => regionLabel(r, regions)).join('、');
    findings.add('region', `地区名称“${name}”有 ${candidates.length} 个可能：${list}。没有猜测，行政区划代码留空；确认后用 --region-name ${name}=<代码>（如 --region-name ${name}=${candidates[0]!.code}）重新导入，或直接在表格中填写`, undefined, at);
  }

  function resolveIndustry(values: Map<string, string>, at: Position): void {
    const written = values.get('industry');
    if (written) {
      if (taxonomy.lookup(written)) return;
      const hit = industryOfHeading(written, taxonomy);
      if (hit) {
        values.set('industry', hit.name);
        findings.add('industry', `行业“${written}”→ ${hit.name}`, '中', at);
      } else {
        findings.add('unmapped', `行业“${written}”不在行业表中，原样保留；请改为行业表中的名称，或把它作为别名加到数据目录的 industries.csv`, undefined, at);
      }
      return;
    }
    if (section.industry) {
      values.set('industry', section.industry.industry.name);
      findings.add('industry', `行业取自${section.industry.text.startsWith('工作表名') ? section.industry.text : `章节标题“${section.industry.text}”`}→ ${section.industry.industry.name}`, section.industry.confidence, at);
      return;
    }
    if (settings.industry) {
      const hit = taxonomy.lookup(settings.industry);
      if (hit) {
        values.set('industry', hit.name);
        findings.add('industry', `行业按 --industry 填写为 ${hit.name}`, '高', at);
        return;
      }
    }
    const guess = industryFromWords([values.get('equipment') ?? '', values.get('enterprise_name') ?? ''], taxonomy);
    if (guess) {
      values.set('industry', guess.name);
      findings.add('industry', `名单没有写行业，按设备或企业名称中的字样推断为 ${guess.name}，请核对`, '低', at);
      return;
    }
    findings.add('industry', '没有行业（没有行业列、章节标题，设备和企业名称中也看不出），行业留空', undefined, at);
  }

  function defaultStatus(values: Map<string, string>, at: Position): void {
    if (values.has('status')) return;
    if (settings.status) {
      values.set('status', settings.status);
      findings.add('value', `状态按 --status 填写为“${settings.status}”`, '高', at);
    } else if (kind === 'plan') {
      values.set('status', statusLabel('planned'));
      findings.add('value', '计划名单没有写状态，按“计划淘汰”填写；已关停的请改为“已关停”并填写关停时间', '中', at);
    } else if (kind === 'completion') {
      values.set('status', statusLabel('dismantled'));
      findings.add('value', '完成名单没有写状态，按“已拆除”（已完成淘汰）填写；已验收的请改为“已验收”并填写验收时间，或导入时加 --status 已验收', '中', at);
    }
  }

  // ── ids, columns, rows ──
  if (lineKind || kind === 'cards') {
    const idCol = lineKind ? 'line_id' : 'card_id';
    const given = out.filter((r) => r.values.has(idCol)).length;
    const made = uniqueIds(out.map((r) => {
      const v = r.values;
      return lineKind
        ? lineId(v.get('enterprise_name') ?? '', v.get('region_code') ?? '', v.get('equipment') ?? '')
        : cardId(v.get('enterprise_name') ?? '', v.get('region_code') ?? '', v.get('card') ?? '', v.get('dimension') ?? '', v.get('issued_date') ?? '');
    }));
    let generated = 0;
    out.forEach((r, i) => {
      if (!r.values.has(idCol)) {
        r.values.set(idCol, made[i]!);
        generated++;
        findings.add('id', `${zhOf(idCol)}由企业名称、行政区划代码和${lineKind ? '设备名称' : '牌色、类别和发布时间'}生成（规则见导入说明：同一条线再次导入得到同一编号）`, '高', r.at);
      }
    });
    if (given > 0 && generated > 0) findings.add('id', `${given} 行自带${zhOf(idCol)}，其余 ${generated} 行为生成的编号`, '中');
  }

  const used = new Set<string>();
  for (const r of out) for (const k of r.values.keys()) used.add(k);
  const required = (meta: ColumnMeta) => meta.required === true || (Array.isArray(meta.required) && meta.required.includes(kind));
  const outCols = schemaCols.filter((c) => used.has(c.name) || required(c.meta));
  const header = [...outCols.map((c) => c.meta.zh), ...extraNames];
  const rowsOut: string[][] = [];
  const todo: Todo[] = [];
  out.forEach((r, i) => {
    rowsOut.push([...outCols.map((c) => r.values.get(c.name) ?? ''), ...extraNames.map((x) => r.extras.get(x) ?? '')]);
    const missing = outCols.filter((c) => required(c.meta) && !r.values.get(c.name)).map((c) => c.meta.zh);
    if (missing.length) todo.push({ line: i + 2, at: r.at, missing });
  });
  if (out.length === 0) findings.add('table', `没有读到${KIND_LABELS[kind]}的数据行：请核对文件和 --kind`, '高');
  return {
    header,
    rows: rowsOut,
    positions: out.map((r) => r.at),
    findings: findings.list(),
    todo,
    stats: { tables, tablesUsed, rowsRead, imported: out.length, skipped, filled, traditional: verdict.traditional },
  };
}

function* texts(blocks: readonly Block[]): Generator<string> {
  for (const b of blocks) {
    if (b.kind === 'text') yield b.text;
    else for (const r of b.rows as readonly SourceRow[]) for (const c of r.cells) if (c !== '') yield c;
  }
}

const SUBTOTAL_CELL = new Set(['合计', '小计', '总计', '共计', '合 计', '小 计']);

/** 合计 or 小计 as the row's first text, or as a whole cell anywhere in it. */
function isSubtotal(cells: readonly string[], distinct: readonly string[]): boolean {
  return SUBTOTAL.test(keyOf(distinct[0]!)) || cells.some((c) => SUBTOTAL_CELL.has(c));
}

const short = (s: string, max = 30) => (s.length > max ? `${s.slice(0, max)}…` : s);
