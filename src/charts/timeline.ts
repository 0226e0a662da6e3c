/**
 * A line's status steps on a vertical time axis — planned → shut down → sealed / dismantled →
 * accepted — with Chinese dates. A step without a date is placed between its neighbours, drawn
 * hollow and labelled 日期不详, never given an invented date.
 */
import { scaleUtc, utcMonth, utcYear, type CountableTimeInterval, type ScaleTime } from 'd3';
import type { LineStatus } from '../schema/line.ts';
import { formatDate } from '../i18n/format.ts';
import { STATUS_COLOURS, statusLabel } from './palette.ts';
import { DEFAULT_WIDTH, FONT, GRID, INK, MUTED, PAD, attrs, checkId, frame, lineHeight, r, text, textWidth, wrapText, type BaseOptions } from './svg.ts';
import type { ChartTable } from './table.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const C = zhCN.charts;

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

const DEFAULT_TITLE = C.timeline.title;
const ROW = 40;
const DAY = 86_400_000;

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * Where a YYYY-MM-DD (or the last day of a YYYY-MM) sits on the axis: noon of that day, in UTC
 * milliseconds. Dates are calendar days, not instants: read as UTC and placed mid-day, a day lies
 * inside its own month and year, never on the boundary the next one starts at (2025-12-31 is in
 * 2025), whatever the build machine's time zone.
 */
function time(iso: string | undefined, endOfMonth = false): number | undefined {
  const m = iso ? DATE.exec(iso) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const day = m[3] ? Date.UTC(y, mo, Number(m[3])) : endOfMonth ? Date.UTC(y, mo + 1, 0) : Date.UTC(y, mo, 1);
  return day + DAY / 2;
}

const dateText = (s: TimelineStepInput) =>
  s.date && DATE.test(s.date) ? formatDate(s.date) : s.published ? C.timeline.dateUnknownPublished(formatDate(s.published)) : C.timeline.dateUnknown;

/** Months when a month is tall enough for its label, else years (every k-th when even those are thin). */
function periodOf(scale: ScaleTime<number, number>): { interval: CountableTimeInterval; byMonth: boolean; every: number } {
  const [d0] = scale.domain() as [Date, Date];
  const room = lineHeight(FONT.small) + 2;
  const monthPx = Math.abs(scale(utcMonth.offset(d0, 1)) - scale(d0));
  if (monthPx >= room) return { interval: utcMonth, byMonth: true, every: 1 };
  const yearPx = Math.abs(scale(utcYear.offset(d0, 1)) - scale(d0));
  return { interval: utcYear, byMonth: false, every: Math.max(1, Math.ceil(room / yearPx)) };
}

/**
 * The time axis as labelled periods, not instants: a short rule where each month or year begins,
 * and the period's name centred between its rules, so a dot can only be read against the period
 * it lies in. The domain is whole periods, so every period on the axis is drawn in full.
 */
function periods(scale: ScaleTime<number, number>): { marks: { y: number; label?: string }[]; width: number } {
  const [d0, d1] = scale.domain() as [Date, Date];
  const { interval, byMonth, every } = periodOf(scale);
  const marks: { y: number; label?: string }[] = [];
  let lastYear: number | undefined;
  let i = 0;
  for (let start = d0; start < d1; start = interval.offset(start, 1), i++) {
    const year = start.getUTCFullYear();
    marks.push({ y: scale(start) });
    if (i % every !== 0) continue;
    const label = !byMonth ? C.year(year) : year !== lastYear ? C.yearMonth(year, start.getUTCMonth() + 1) : C.month(start.getUTCMonth() + 1);
    lastYear = year;
    marks.push({ y: (scale(start) + scale(interval.offset(start, 1))) / 2, label });
  }
  marks.push({ y: scale(d1) });
  let width = 0;
  for (const m of marks) if (m.label) width = Math.max(width, textWidth(m.label, FONT.small));
  return { marks, width };
}

/**
 * The timeline as SVG. Dated steps sit at their day on the axis; labels keep at least a row apart
 * and a leader joins a label pushed off its dot. Returns the SVG markup.
 */
export function statusTimeline(steps: readonly TimelineStepInput[], opts: StatusTimelineOptions): string {
  const id = checkId(opts.id);
  const width = opts.width ?? DEFAULT_WIDTH;
  const pad = PAD;
  const times = steps.map((s) => time(s.date));
  const deadline = time(opts.deadline, true);
  const known = [...times, deadline].filter((t): t is number => t !== undefined);
  const lead = times.findIndex((t) => t !== undefined);
  const leading = lead === -1 ? 0 : lead;
  const plotH = Math.max(160, (steps.length - leading + (opts.deadline ? 1 : 0)) * ROW);
  const top = pad + 12;
  const scaleTop = top + leading * ROW;
  const bottom = scaleTop + plotH;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of known) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  if (known.length === 0) lo = hi = 0;
  const span = Math.max(hi - lo, 60 * DAY);
  const extra = (span - (hi - lo)) / 2;
  const scale = scaleUtc()
    .domain([new Date(lo - extra), new Date(hi + extra)])
    .range([scaleTop, bottom]);
  // Whole periods: widened to months, then to years if months turn out too thin once widened.
  for (let k = 0; k < 2; k++) {
    const { interval } = periodOf(scale);
    const [d0, d1] = scale.domain() as [Date, Date];
    scale.domain([interval.floor(d0), interval.ceil(d1)]);
  }
  const axis = known.length > 0 ? periods(scale) : { marks: [], width: 0 };
  const axisX = pad + Math.max(axis.width, 20) + 10;
  const lx = axisX + 26;
  const textW = width - pad - lx;

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
  // Entries: the steps, plus the deadline where known; each a bold name and a date (wrapped if
  // long); labels keep clear of the one above in order of their dots.
  type Entry = { y: number; step?: TimelineStepInput; dated: boolean; name: string; when: string };
  const entries: Entry[] = steps.map((step, i) => ({ y: ys[i]!, step, dated: times[i] !== undefined, name: statusLabel(step.status), when: dateText(step) }));
  if (deadline !== undefined) entries.push({ y: scale(new Date(deadline)), dated: true, name: C.timeline.deadline, when: formatDate(opts.deadline) });
  entries.sort((p, q) => p.y - q.y);
  const whens = entries.map((e) => wrapText(e.when, textW, FONT.small));
  // How far an entry's text reaches below its y (the name's baseline is 2 above it, its top 15).
  const below = (i: number) => 14 + (whens[i]!.length - 1) * lineHeight(FONT.small) + 5;
  const labelY: number[] = [];
  entries.forEach((e, i) => labelY.push(i === 0 ? e.y : Math.max(e.y, labelY[i - 1]! + Math.max(ROW, below(i - 1) + 19))));
  const lastY = Math.max(known.length > 0 ? bottom : top, ...ys);
  const last = labelY.length - 1;
  const height = Math.max(lastY, last >= 0 ? labelY[last]! + below(last) : top + 20) + pad;

  let body = `<g class="axis"><line x1="${r(axisX)}" x2="${r(axisX)}" y1="${r(top)}" y2="${r(lastY)}" stroke="${GRID}" stroke-width="2"/>`;
  for (const m of axis.marks) {
    body += m.label
      ? text(axisX - 7, m.y, m.label, { 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': FONT.small, fill: MUTED })
      : `<line x1="${r(axisX - 6)}" x2="${r(axisX)}" y1="${r(m.y)}" y2="${r(m.y)}" stroke="${MUTED}"/>`;
  }
  body += '</g>\n';
  entries.forEach((e, i) => {
    const { y, step: s } = e;
    const ly = labelY[i]!;
    const leader = Math.abs(ly - y) > 1 ? `<polyline points="${r(axisX + 8)},${r(y)} ${r(lx - 6)},${r(ly)} ${r(lx - 3)},${r(ly)}" fill="none" stroke="${MUTED}"/>` : '';
    const lines = whens[i]!.map((l, k) => text(lx, ly + 14 + k * lineHeight(FONT.small), l, { 'font-size': FONT.small, fill: e.dated ? INK : MUTED })).join('');
    if (!s) {
      body += `<g class="deadline">${leader}<line class="mark" x1="${r(axisX - 9)}" x2="${r(axisX + 9)}" y1="${r(y)}" y2="${r(y)}" stroke="${INK}" stroke-width="3"${attrs({ 'data-tip': C.timeline.deadlineTip(e.when) })}/>`;
      body += text(lx, ly - 2, e.name, { 'font-weight': 700 }) + lines + '</g>\n';
      return;
    }
    const c = STATUS_COLOURS[s.status];
    const tip = attrs({ 'data-tip': `${e.name}：${e.when}` });
    body += `<g${attrs({ class: `step status-${s.status}` })}>${leader}`;
    body += e.dated
      ? `<circle class="mark" cx="${r(axisX)}" cy="${r(y)}" r="6" fill="${c}" stroke="#ffffff" stroke-width="1.5"${tip}/>`
      : `<circle class="mark" cx="${r(axisX)}" cy="${r(y)}" r="5" fill="#ffffff" stroke="${c}" stroke-width="2.5" stroke-dasharray="3 2"${tip}/>`;
    body += text(lx, ly - 2, e.name, { 'font-weight': 700 }) + lines + '</g>\n';
  });
  if (steps.length === 0) body += text(lx, top + FONT.label, C.timeline.noSteps, { fill: MUTED });

  const desc =
    opts.desc ??
    (steps.length === 0 ? C.timeline.noStepsDesc : C.timeline.desc(steps.map((s) => `${statusLabel(s.status)}（${dateText(s)}）`).join('，'), opts.deadline ? formatDate(opts.deadline) : ''));
  return frame({ id, kind: 'timeline', width, height, title: opts.title ?? DEFAULT_TITLE, desc, body });
}

/** The steps of `statusTimeline` as a table; dates ISO (the page formats them), blank = 不详. */
export function statusTimelineTable(steps: readonly TimelineStepInput[], opts: Pick<StatusTimelineOptions, 'title'> = {}): ChartTable {
  return {
    caption: opts.title ?? DEFAULT_TITLE,
    columns: [
      { key: 'status', label: C.col.status, numeric: false },
      { key: 'date', label: C.col.date, numeric: false, date: true },
    ],
    rows: steps.map((s) => ({ status: statusLabel(s.status), date: s.date && DATE.test(s.date) ? s.date : undefined })),
  };
}
