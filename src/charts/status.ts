/** Line counts by status: one horizontal bar per status, in a fixed order and fixed colours. */
import type { LineStatus } from '../schema/line.ts';
import { hbarRows } from './hbars.ts';
import { formatNumber } from './number.ts';
import { STATUS_COLOURS, STATUS_ORDER, statusLabel } from './palette.ts';
import { DEFAULT_WIDTH, checkId, frame, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

/** Number of lines in each status; a missing status counts 0. */
export type StatusCounts = Readonly<Partial<Record<LineStatus, number>>>;

export type LinesByStatusOptions = BaseOptions;

const DEFAULT_TITLE = C.status.title;
const UNIT = C.lines;

function rowsOf(counts: StatusCounts) {
  return STATUS_ORDER.map((status) => ({ status, label: statusLabel(status), count: counts[status] ?? 0 }));
}

/**
 * Horizontal bars of line counts for every status — 计划淘汰, 已关停, 已封存, 已拆除, 已验收,
 * 未完成 — always all six, in that order, each bar labelled with its count. Returns the SVG markup.
 */
export function linesByStatus(counts: StatusCounts, opts: LinesByStatusOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const pad = 8;
  const rows = rowsOf(counts);
  const total = rows.reduce((s, r) => s + r.count, 0);
  const desc = opts.desc ?? C.status.desc(formatNumber(total), rows.map((r) => `${r.label}${formatNumber(r.count)}${UNIT}`).join('，'));
  const bars = hbarRows(
    rows.map((r) => ({
      label: r.label,
      bars: [{ value: r.count, valueText: `${formatNumber(r.count)}${UNIT}`, fill: STATUS_COLOURS[r.status], className: `status-${r.status}`, tip: `${r.label}：${formatNumber(r.count)}${UNIT}` }],
    })),
    { x: pad, y: pad, width: width - 2 * pad },
  );
  return frame({ id, kind: 'status', width, height: bars.height + 2 * pad, title: opts.title ?? DEFAULT_TITLE, desc, body: bars.markup });
}

/** The numbers of `linesByStatus`: one row per status, in the chart's order. */
export function linesByStatusTable(counts: StatusCounts, opts: Pick<BaseOptions, 'title'> = {}): ChartTable {
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'status', label: C.col.status, numeric: false },
      { key: 'count', label: C.col.count, unit: UNIT, numeric: true },
    ],
    rows: rowsOf(counts).map((r) => ({ status: r.label, count: r.count })),
  };
}
