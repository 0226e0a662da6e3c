/** An enterprise's page: its codes, each line with its facts, timeline and sources, and funds. */
import type { EnterpriseState, LineState, Model } from '../../derive/model.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { statusLabel } from '../../schema/line.ts';
import { lineDetails } from '../lines.ts';
import { factsHtml, partHtml, statusClass, type Part } from '../table.ts';
import { escapeHtml, htmlAttr } from '../../text/escape.ts';
import { statusEvidenceHtml, type StatusEvidence } from './status-evidence.ts';
import { breadcrumbs, type Crumb } from './region.ts';
import { GLOSSARY } from '../glossary.ts';

export interface LineSection {
  heading: string;
  status: { label: string; className: string };
  /** Past the deadline: 逾期 N 天, 已过淘汰时限 N 天，未见完成公告, or 逾期 N 天后完成, with its glossary entry. */
  late?: { text: string; href: string; alert: boolean } | undefined;
  facts: { label: string; parts: Part[] }[];
  /**
   * The line's record, oldest first: each announcement that listed it, with the status it gave
   * and the steps it was the first to report (with their dates). One list says what a timeline,
   * a list of steps and a list of sources said three times before.
   */
  record: RecordEntry[];
  note?: string | undefined;
}

export interface RecordEntry {
  date: string;
  datetime: string;
  source: { href: string; title: string };
  /** The status the announcement gave the line, with its class for the status colour. */
  status: { label: string; className: string };
  /** Steps this announcement first reported: 已关停 2017年6月29日. */
  steps: string[];
  corrected: boolean;
}

export interface EnterprisePage {
  title: string;
  example: boolean;
  breadcrumbs: Crumb[];
  codes: { label: string; value: string }[];
  lines: LineSection[];
  funds: { label: string; value: string }[];
}

const sum = (lines: readonly LineState[], f: (l: LineState) => number | undefined): number | undefined => {
  let total: number | undefined;
  for (const l of lines) {
    const v = f(l);
    if (v !== undefined) total = (total ?? 0) + v;
  }
  return total;
};

function lateNote(l: LineState): LineSection['late'] {
  const days = l.daysOverdue;
  if (days === undefined) return undefined;
  if (l.complete) return { text: t.history.completedLate(days), href: GLOSSARY.overdue, alert: false };
  if (l.overdue) return { text: t.history.overdueFor(days), href: GLOSSARY.overdue, alert: true };
  if (l.unreported) return { text: t.history.unreportedFor(days), href: GLOSSARY.unreported, alert: false };
  return undefined;
}

function lineSection(model: Model, l: LineState): LineSection {
  const titleOf = (id: string) => model.byId.get(id)?.meta.title ?? id;
  const stepsBy = new Map<string, string[]>();
  for (const s of l.timeline) {
    // Being planned is dated by the plan itself: said by the entry's own date.
    if (s.status === 'planned') continue;
    const list = stepsBy.get(s.announcementId) ?? [];
    list.push(s.date ? `${statusLabel(s.status)} ${formatDate(s.date)}` : `${statusLabel(s.status)}，${t.line.unknownDate}`);
    stepsBy.set(s.announcementId, list);
  }
  const seen = new Set<string>();
  return {
    heading: `${l.row.equipment ?? t.line.equipmentUnknown}${(l.row.equipment_count ?? 1) > 1 ? ` ×${l.row.equipment_count}` : ''}`,
    status: { label: statusLabel(l.status), className: statusClass(l.status) },
    late: lateNote(l),
    facts: lineDetails(model, l),
    record: l.mentions.map((m) => {
      // A step is told once, by the first announcement that reported it.
      const steps = seen.has(m.announcementId) ? [] : (stepsBy.get(m.announcementId) ?? []);
      seen.add(m.announcementId);
      return {
        date: formatDate(m.published), datetime: m.published,
        source: { href: `/announcements/${m.announcementId}/`, title: titleOf(m.announcementId) },
        status: { label: statusLabel(m.row.status), className: statusClass(m.row.status) },
        steps, corrected: m.superseded,
      };
    }),
    note: l.row.note,
  };
}

export function enterprisePage(model: Model, e: EnterpriseState): EnterprisePage {
  const funds = [
    [t.line.centralReward, sum(e.lines, (l) => l.row.central_reward), t.units.tenThousandYuan],
    [t.line.provincialCompensation, sum(e.lines, (l) => l.row.provincial_compensation), t.units.tenThousandYuan],
    [t.line.employees, sum(e.lines, (l) => l.row.employees), t.units.people],
    [t.line.resettled, sum(e.lines, (l) => l.row.employees_resettled), t.units.people],
  ] as const;
  return {
    title: e.name,
    example: e.example,
    breadcrumbs: breadcrumbs(model, e.regionCode, false),
    codes: [
      { label: t.enterprise.creditCode, value: e.creditCode ?? t.enterprise.noCode },
      ...(e.stockCode ? [{ label: t.enterprise.stockCode, value: e.stockCode }] : []),
    ],
    lines: e.lines.map((l) => lineSection(model, l)),
    funds: funds.filter(([, v]) => v !== undefined).map(([label, v, unit]) => ({ label, value: `${formatNumber(v)}${unit}` })),
  };
}

/**
 * A line's card on its enterprise's page: heading with its status, how late it is, whose record the
 * status follows, its facts, its record and its note. Written as a string, as the tables are
 * (src/site/table.ts): a national site has 100,000 of them, so the markup is as short as HTML
 * allows (the optional end tags of dt, dd and li left out, attributes unquoted where they can be;
 * the record's dates are plain text, in order, their ISO form in the line's data downloads).
 * Everything from data goes through `escapeHtml`.
 */
export function lineCardHtml(l: LineSection, evidence: StatusEvidence): string {
  const badge = (s: { label: string; className: string }) => partHtml({ text: s.label, className: s.className });
  const late = l.late ? `<p><a${htmlAttr('href', l.late.href)} class=${l.late.alert ? 'overdue' : 'un'}>${escapeHtml(l.late.text)}</a></p>` : '';
  const record = l.record.map((r) =>
    `<li>${escapeHtml(r.date)} <a${htmlAttr('href', r.source.href)}>${escapeHtml(r.source.title)}</a>${r.corrected ? t.marks.corrected : ''}：${badge(r.status)}${r.steps.length > 0 ? escapeHtml(`（${r.steps.join('，')}）`) : ''}`).join('');
  const note = l.note ? `<p>${t.line.note}：${escapeHtml(l.note)}</p>` : '';
  return `<article class=line-card><h3>${escapeHtml(l.heading)} ${badge(l.status)}</h3>${late}${statusEvidenceHtml(evidence)}${factsHtml(l.facts)}<ol class=record${htmlAttr('aria-label', t.line.timeline)}>${record}</ol>${note}</article>`;
}
