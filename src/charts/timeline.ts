/**
 * A line's status steps on a vertical time axis — planned → shut down → sealed / dismantled →
 * accepted — with Chinese dates. A step without a date is placed between its neighbours, drawn
 * hollow and labelled 日期不详, never given an invented date.
 */
import { scaleUtc } from 'd3';
import type { LineStatus } from '../schema/line.ts';
import { formatDate } from '../i18n/format.ts';
import { STATUS_COLOURS, statusLabel } from './palette.ts';
import { DEFAULT_WIDTH, FONT, GRID, INK, MUTED, attrs, checkId, frame, r, text, textWidth, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';

export interface TimelineStepInput {
  status: LineStatus;
  /** Date of the event, YYYY-MM-DD; undefined where the record gives none. */
  date?: string | undefined;
  /** Publication date of the announcement that reported the step, shown beside 日期不详. */
  published?: string | undefined;
}

export interface StatusTimelineOptions extends BaseOptions {
  /** The line's deadline (淘汰时限), YYYY-MM-DD or YYYY-MM, drawn as a dashed rule. */
  deadline?: string | undefined;
}

const DEFAULT_TITLE = '淘汰进度';
const ROW = 40;

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Milliseconds of a YYYY-MM-DD (or the last day of a YYYY-MM); undefined if not a date. */
function time(iso: string | undefined, endOfMonth = false): number | undefined {
  const m = iso ? DATE.exec(iso) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return m[3] ? Date.UTC(y, mo, Number(m[3])) : endOfMonth ? Date.UTC(y, mo + 1, 0) : Date.UTC(y, mo, 1);
}

function tickLabel(d: Date): string {
  if (d.getUTCDate() !== 1) return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}年` : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

const dateText = (s: TimelineStepInput) =>
  s.date && DATE.test(s.date) ? formatDate(s.date) : s.published ? `日期不详（${formatDate(s.published)}公告）` : '日期不详';

/**
 * The timeline as SVG. Dated steps sit at their date on the axis; labels keep at least one row
 * apart and a leader joins a label pushed off its dot. Returns the SVG markup.
 */
export function statusTimeline(steps: readonly TimelineStepInput[], opts: StatusTimelineOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const pad = 8;
  const times = steps.map((s) => time(s.date));
  const deadline = time(opts.deadline, true);
  const known = [...times, deadline].filter((t): t is number => t !== undefined);
  const lead = times.findIndex((t) => t !== undefined);
  const leading = lead === -1 ? 0 : lead;
  const plotH = Math.max(160, (steps.length - leading + (opts.deadline ? 1 : 0)) * ROW);
  const top = pad + 12;
  const scaleTop = top + leading * ROW;
  const bottom = scaleTop + plotH;
  const DAY = 86_400_000;
  const lo = known.length > 0 ? Math.min(...known) : 0;
  const hi = known.length > 0 ? Math.max(...known) : 0;
  const span = Math.max(hi - lo, 60 * DAY);
  const extra = (span - (hi - lo)) / 2 + span * 0.05;
  const scale = scaleUtc()
    .domain([new Date(lo - extra), new Date(hi + extra)])
    .range([scaleTop, bottom]);
  const ticks = known.length > 0 ? scale.ticks(4) : [];
  const tickW = Math.max(0, ...ticks.map((t) => textWidth(tickLabel(t), FONT.small)));
  const axisX = pad + Math.max(tickW, 20) + 10;

  // Dots: dated steps at their date; a run of undated steps evenly between its dated neighbours,
  // one row apart before the first (space reserved above the scale) or after the last.
  const ys: number[] = times.map((t) => (t === undefined ? NaN : scale(new Date(t))));
  for (let i = 0; i < ys.length; i++) {
    if (!Number.isNaN(ys[i]!)) continue;
    let j = i;
    while (j < ys.length && Number.isNaN(ys[j]!)) j++;
    const prev = i > 0 ? ys[i - 1] : undefined;
    const next = j < ys.length ? ys[j] : undefined;
    for (let k = i; k < j; k++) {
      ys[k] =
        prev !== undefined && next !== undefined ? prev + ((next - prev) * (k - i + 1)) / (j - i + 1)
        : prev !== undefined ? prev + ROW * (k - i + 1)
        : top + ROW * k;
    }
    i = j;
  }
  // Entries: the steps, plus the deadline where known; labels keep ROW apart in order of their dots.
  type Entry = { y: number; step?: TimelineStepInput; dated: boolean };
  const entries: Entry[] = steps.map((step, i) => ({ y: ys[i]!, step, dated: times[i] !== undefined }));
  if (deadline !== undefined) entries.push({ y: scale(new Date(deadline)), dated: true });
  entries.sort((p, q) => p.y - q.y);
  const labelY: number[] = [];
  entries.forEach((e, i) => labelY.push(i === 0 ? e.y : Math.max(e.y, labelY[i - 1]! + ROW)));
  const lastY = Math.max(known.length > 0 ? bottom : top, ...ys);
  const height = Math.max(lastY, (labelY[labelY.length - 1] ?? top) + 20) + pad;

  let body = `<g class="axis"><line x1="${r(axisX)}" x2="${r(axisX)}" y1="${r(top)}" y2="${r(lastY)}" stroke="${GRID}" stroke-width="2"/>`;
  for (const t of ticks) {
    const y = scale(t);
    body += `<line x1="${r(axisX - 4)}" x2="${r(axisX)}" y1="${r(y)}" y2="${r(y)}" stroke="${MUTED}"/>`;
    body += text(axisX - 7, y, tickLabel(t), { 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': FONT.small, fill: MUTED });
  }
  body += '</g>\n';
  const lx = axisX + 26;
  entries.forEach((e, i) => {
    const { y, step: s } = e;
    const ly = labelY[i]!;
    const leader = Math.abs(ly - y) > 1 ? `<polyline points="${r(axisX + 8)},${r(y)} ${r(lx - 6)},${r(ly)} ${r(lx - 3)},${r(ly)}" fill="none" stroke="${MUTED}"/>` : '';
    if (!s) {
      const when = formatDate(opts.deadline);
      body += `<g class="deadline">${leader}<line class="mark" x1="${r(axisX - 9)}" x2="${r(axisX + 9)}" y1="${r(y)}" y2="${r(y)}" stroke="${INK}" stroke-width="3"${attrs({ 'data-tip': `淘汰时限：${when}` })}/>`;
      body += text(lx, ly - 2, '淘汰时限', { 'font-weight': 700 });
      body += text(lx, ly + 14, when, { 'font-size': FONT.small }) + '</g>\n';
      return;
    }
    const c = STATUS_COLOURS[s.status];
    const label = statusLabel(s.status);
    const tip = attrs({ 'data-tip': `${label}：${dateText(s)}` });
    body += `<g${attrs({ class: `step status-${s.status}` })}>${leader}`;
    body += e.dated
      ? `<circle class="mark" cx="${r(axisX)}" cy="${r(y)}" r="6" fill="${c}" stroke="#ffffff" stroke-width="1.5"${tip}/>`
      : `<circle class="mark" cx="${r(axisX)}" cy="${r(y)}" r="5" fill="#ffffff" stroke="${c}" stroke-width="2.5" stroke-dasharray="3 2"${tip}/>`;
    body += text(lx, ly - 2, label, { 'font-weight': 700 });
    body += text(lx, ly + 14, dateText(s), { 'font-size': FONT.small, fill: e.dated ? INK : MUTED });
    body += '</g>\n';
  });
  if (steps.length === 0) body += text(lx, top + FONT.label, '暂无状态记录', { fill: MUTED });

  const desc =
    opts.desc ??
    (steps.length === 0 ? '暂无状态记录。' : `状态依次为：${steps.map((s) => `${statusLabel(s.status)}（${dateText(s)}）`).join('，')}${opts.deadline ? `；淘汰时限${formatDate(opts.deadline)}` : ''}。`);
  return frame({ id, kind: 'timeline', width, height, title: opts.title ?? DEFAULT_TITLE, desc, body });
}

/** The steps of `statusTimeline` as a table; dates ISO (the page formats them), blank = 不详. */
export function statusTimelineTable(steps: readonly TimelineStepInput[], opts: Pick<StatusTimelineOptions, 'title'> = {}): ChartTable {
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'status', label: '状态', numeric: false },
      { key: 'date', label: '日期', numeric: false, date: true },
    ],
    rows: steps.map((s) => ({ status: statusLabel(s.status), date: s.date && DATE.test(s.date) ? s.date : undefined })),
  };
}
