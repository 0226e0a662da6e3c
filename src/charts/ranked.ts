/** Child regions ranked by completion: horizontal 0–100 % bars labelled with % and counts. */
import { hbarRows, summarise } from './hbars.ts';
import { formatNumber, formatPercent, percent } from './number.ts';
import { BAR_COLOUR } from './palette.ts';
import { DEFAULT_WIDTH, checkId, frame, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

export interface RegionCompletionRow {
  /** 6-digit region code. */
  code: string;
  name: string;
  /** Lines (or other units) completed: sealed, dismantled or accepted. */
  done: number;
  /** Lines planned in total; 0 gives no percentage. */
  total: number;
}

export interface ChildRegionsRankedOptions extends BaseOptions {
  /** Unit of `done` and `total`; default 条. */
  unit?: string;
  /** Link of a region's label; default `/regions/<code>/`; undefined for no link. */
  href?: (code: string) => string | undefined;
  /**
   * A long ranking draws its first `head` and last `tail` regions and says how many it leaves out
   * between them (all stay in the table). Default 10 and 5.
   */
  head?: number;
  tail?: number;
}

const DEFAULT_TITLE = C.ranked.title;

/** Ranked: highest completion first, then more lines, then code; regions without a plan last. */
function ranked(rows: readonly RegionCompletionRow[]) {
  return rows
    .map((row) => ({ ...row, pct: percent(row.done, row.total) }))
    .sort((a, b) => (b.pct ?? -1) - (a.pct ?? -1) || b.total - a.total || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Child regions ranked by completion percentage (done / total). Each bar has a 100 % track
 * and the label "75%（3/4条）"; region names link to their pages. Returns the SVG markup.
 */
export function childRegionsRanked(rows: readonly RegionCompletionRow[], opts: ChildRegionsRankedOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const unit = opts.unit ?? C.lines;
  const href = opts.href ?? ((code: string) => `/regions/${code}/`);
  const pad = 8;
  const list = ranked(rows);
  const count = (x: { done: number; total: number }) => `${formatNumber(x.done)}/${formatNumber(x.total)}${unit}`;
  const valueText = (x: (typeof list)[number]) => (x.pct === undefined ? C.ranked.noPlan(count(x)) : C.ranked.value(formatPercent(x.pct), count(x)));
  const desc =
    opts.desc ??
    (list.length === 0 ? C.ranked.none : C.ranked.desc(list.map((x) => `${x.name}${valueText(x)}`).join('，')));
  const bars = hbarRows(
    summarise(
      list,
      opts.head ?? 10,
      opts.tail ?? 5,
      (left) => ({ label: C.ranked.more(formatNumber(left)), bars: [] }),
      (x) => ({
        label: x.name,
        href: href(x.code),
        bars: [{ value: x.pct, valueText: valueText(x), fill: BAR_COLOUR, tip: C.ranked.tip(x.name, valueText(x)) }],
      }),
    ),
    { x: pad, y: pad, width: width - 2 * pad, max: 100, track: true },
  );
  return frame({ id, kind: 'ranked', width, height: bars.height + 2 * pad, title: opts.title ?? DEFAULT_TITLE, desc, body: bars.markup });
}

/** The numbers of `childRegionsRanked`, in the chart's order. */
export function childRegionsRankedTable(rows: readonly RegionCompletionRow[], opts: Pick<ChildRegionsRankedOptions, 'title' | 'unit'> = {}): ChartTable {
  const unit = opts.unit ?? C.lines;
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'code', label: C.col.code, numeric: false },
      { key: 'name', label: C.col.region, numeric: false },
      { key: 'pct', label: C.col.share, unit: '%', numeric: true },
      { key: 'done', label: C.col.done, unit, numeric: true },
      { key: 'total', label: C.col.planned, unit, numeric: true },
    ],
    rows: ranked(rows).map((x) => ({ code: x.code, name: x.name, pct: x.pct, done: x.done, total: x.total })),
  };
}
