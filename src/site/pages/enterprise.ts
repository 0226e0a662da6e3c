/** An enterprise's page: its codes, each line with its facts, timeline and sources, and funds. */
import type { EnterpriseState, LineState, Model } from '../../derive/model.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { statusLabel } from '../../schema/line.ts';
import { lineTimeline } from '../charts.ts';
import { lineDetails } from '../lines.ts';
import type { Part } from '../table.ts';
import { breadcrumbs, type Crumb } from './region.ts';

export interface LineSection {
  heading: string;
  status: { label: string; className: string };
  /** Days overdue, said in words (empty when not overdue). */
  overdue: string;
  facts: { label: string; parts: Part[] }[];
  timeline: { svg: string };
  steps: { status: string; date: string; datetime?: string | undefined; source: { href: string; title: string } }[];
  mentions: { href: string; title: string; corrected: boolean }[];
  note?: string | undefined;
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

function lineSection(model: Model, l: LineState, index: number): LineSection {
  const titleOf = (id: string) => model.byId.get(id)?.meta.title ?? id;
  return {
    heading: `${l.row.equipment ?? t.line.equipmentUnknown}${(l.row.equipment_count ?? 1) > 1 ? ` ×${l.row.equipment_count}` : ''}`,
    status: { label: statusLabel(l.status), className: `status s-${l.status}` },
    overdue: l.daysOverdue === undefined ? '' : l.complete ? t.history.completedLate(l.daysOverdue) : t.history.overdueFor(l.daysOverdue),
    facts: lineDetails(model, l),
    timeline: { svg: lineTimeline(l, `timeline-${index + 1}`).svg },
    steps: l.timeline.map((s) => ({
      status: statusLabel(s.status),
      date: s.date ? formatDate(s.date) : t.line.unknownDate,
      datetime: s.date,
      source: { href: `/announcements/${s.announcementId}/`, title: titleOf(s.announcementId) },
    })),
    mentions: l.mentions.map((m) => ({ href: `/announcements/${m.announcementId}/`, title: titleOf(m.announcementId), corrected: m.superseded })),
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
    lines: e.lines.map((l, i) => lineSection(model, l, i)),
    funds: funds.filter(([, v]) => v !== undefined).map(([label, v, unit]) => ({ label, value: `${formatNumber(v)}${unit}` })),
  };
}
