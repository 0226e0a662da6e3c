/**
 * The review report, in Chinese: every inference the import made, with its evidence, its
 * confidence and the rows it concerns; every row it skipped or could not use, with the reason;
 * and what is left to fill in before the announcement passes validation. Pure text from the
 * import's result.
 */
import type { Finding, ImportedTable, Position, Todo, Topic } from './convert.ts';
import { lineRanges } from '../read/encoding.ts';

const SECTIONS: readonly [Topic, string][] = [
  ['table', '表格'],
  ['header', '表头对应'],
  ['unit', '单位'],
  ['region', '地区'],
  ['industry', '行业'],
  ['value', '状态、日期、数量等取值'],
  ['id', '清单编号'],
  ['cleanup', '文字清理'],
  ['skipped', '跳过的行'],
  ['unmapped', '未能对应的行和单元格'],
];

const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

/** Rows as ranges per table: 工作表“炼铁”第 5–9、12 行；第 2 个表格第 3 行. */
export function positionsText(at: readonly Position[]): string {
  const byWhere = new Map<string, number[]>();
  for (const p of at) {
    const list = byWhere.get(p.where);
    if (list) list.push(p.n);
    else byWhere.set(p.where, [p.n]);
  }
  const parts: string[] = [];
  for (const [where, ns] of byWhere) {
    parts.push(`${where}第 ${lineRanges([...new Set(ns)].sort((a, b) => a - b), Infinity)} 行`);
  }
  return parts.join('；');
}

const line = (f: Finding) => `  ${f.confidence ? `[${f.confidence}] ` : ''}${f.text}${f.at.length ? `（${f.at.length} 行：${positionsText(f.at)}）` : ''}`;

export interface ReportHeading {
  /** The file as given, e.g. 名单.xlsx. */
  source: string;
  /** What its format was read as: Excel 工作簿 … */
  format: string;
  /** Notes of the reader: encoding, hidden sheets. */
  notes: readonly string[];
  /** The announcement written: id and files, relative to the data root. */
  id: string;
  files: readonly string[];
}

/** Missing values grouped by what is missing. */
function todoText(todo: readonly Todo[]): string[] {
  const byMissing = new Map<string, Todo[]>();
  for (const t of todo) {
    const k = t.missing.join('、');
    const list = byMissing.get(k);
    if (list) list.push(t);
    else byMissing.set(k, [t]);
  }
  const out: string[] = [];
  for (const [missing, list] of byMissing) {
    const lines = list.map((t) => t.line);
    out.push(`  缺${missing}：表格第 ${lineRanges(lines, Infinity)} 行（${list.length} 行；原表${positionsText(list.map((t) => t.at))}）`);
  }
  return out;
}

export function reviewReport(t: ImportedTable, h: ReportHeading): string {
  const out: string[] = [];
  out.push(`导入报告：${h.source} → 公告 ${h.id}`);
  out.push(`写入：${h.files.join('、')}`);
  out.push(`读作：${h.format}${h.notes.length ? `；${h.notes.join('；')}` : ''}`);
  out.push(`共 ${t.stats.tables} 个表格（导入了其中 ${t.stats.tablesUsed} 个），读取 ${t.stats.rowsRead} 行：导入 ${t.stats.imported} 行，跳过 ${t.stats.skipped} 行。`);
  out.push('把握：[高] 依据明确（与同义词表、地区表、行业表一致，或是确定的换算）；[中] 推断（简称、上一行表头、默认值），请核对；[低] 猜测成分较大，务必核对。没有标把握的是没能做到的事。');
  let n = 0;
  for (const [topic, title] of SECTIONS) {
    const list = t.findings.filter((f) => f.topic === topic);
    if (list.length === 0) continue;
    out.push('', `${NUMBERS[n++]}、${title}`);
    for (const f of list) out.push(line(f));
  }
  out.push('', `${NUMBERS[n++]}、还需填写`);
  if (t.todo.length === 0) out.push('  必填的列都有内容。');
  else out.push(...todoText(t.todo), '  （表格第 1 行是表头。）');
  return `${out.join('\n')}\n`;
}
