/** Tables several pages share: progress of regions, capacity against targets, announcement lists, changes. */
import { describeEffect, type AnnouncementEffect } from '../../derive/changes.ts';
import type { CapacityCell, Model, Progress } from '../../derive/model.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { KIND_LABELS } from '../../schema/announcement.ts';
import type { Announcement } from '../../validate/record.ts';
import { cell, date, link, num, type TableData } from '../table.ts';
import { GLOSSARY } from '../glossary.ts';
import { withExampleMark } from '../labels.ts';
import { LINE_STATUSES, statusLabel } from '../../schema/line.ts';

export const regionName = (model: Model, code: string) => model.regions.get(code)?.name ?? code;
export const industryName = (model: Model, id: string) => model.taxonomy.get(id)?.name ?? id;
export const share = (p: Progress) => (p.share === undefined ? '—' : `${formatNumber(p.share * 100, 0)}%`);

/** A key figure as a tile (src/components/Stats.astro): its label links the glossary where the figure needs explaining. */
export interface Stat {
  label: string;
  value: string;
  href?: string | undefined;
  /** Drawn with a red (bad) or green (good) edge. */
  tone?: 'bad' | 'good' | undefined;
}

/**
 * A set of lines' progress as tiles: lines, complete, 完成率, 逾期, 未见完成公告 (when any), then
 * each status with lines in it. 完成率, 逾期 and 未见完成公告 link their glossary entries, the
 * statuses the glossary's table of statuses.
 */
export function progressStats(p: Progress): Stat[] {
  return [
    { label: t.progress.lines, value: formatNumber(p.lines) },
    { label: t.progress.complete, value: formatNumber(p.complete), tone: 'good' },
    { label: t.progress.share, value: share(p), href: GLOSSARY.share },
    { label: t.progress.overdue, value: formatNumber(p.overdue), href: GLOSSARY.overdue, tone: p.overdue > 0 ? 'bad' : undefined },
    ...(p.unreported > 0 ? [{ label: t.progress.unreported, value: formatNumber(p.unreported), href: GLOSSARY.unreported }] : []),
    ...LINE_STATUSES.filter((s) => p.byStatus[s] > 0).map((s) => ({ label: statusLabel(s), value: formatNumber(p.byStatus[s]), href: GLOSSARY.status })),
  ];
}

/** Regions with their progress: lines, complete, overdue, share. `depth` indents nested regions. */
export function progressTable(model: Model, rows: readonly { code: string; depth?: number }[], caption: string): TableData {
  return {
    caption,
    columns: [
      { label: t.announcement.region, phone: true },
      { label: t.progress.lines, numeric: true, phone: true },
      { label: t.progress.complete, numeric: true },
      { label: t.progress.overdue, numeric: true, phone: true, href: GLOSSARY.overdue },
      { label: t.progress.unreported, numeric: true, href: GLOSSARY.unreported },
      { label: t.progress.share, numeric: true, phone: true, href: GLOSSARY.share },
    ],
    rows: rows.map(({ code, depth }) => {
      const p = model.progressByRegion.get(code)!;
      const name = cell(link(regionName(model, code), `/regions/${code}/`));
      return { cells: [depth ? { ...name, parts: name.parts.map((x) => ({ ...x, className: `depth-${depth}` })) } : name, num(String(p.lines)), num(String(p.complete)), num(String(p.overdue)), num(String(p.unreported)), num(share(p))] };
    }),
  };
}

const qty = (v: number | undefined, unit: string) => (v === undefined ? '—' : `${formatNumber(v)}${unit}`);

/** Targets, planned and eliminated capacity by year and industry, each in its own unit. */
export function capacityTableData(model: Model, cells: readonly CapacityCell[], caption: string, opts: { targetLabel?: string; industry?: boolean } = {}): TableData {
  const withIndustry = opts.industry !== false;
  return {
    caption,
    columns: [
      { label: t.capacity.year },
      ...(withIndustry ? [{ label: t.capacity.industry }] : []),
      { label: opts.targetLabel ?? t.capacity.target, numeric: true },
      { label: t.capacity.planned, numeric: true },
      { label: t.capacity.eliminated, numeric: true },
    ],
    rows: cells.map((c) => ({
      cells: [
        cell(t.yearOf(c.year)),
        ...(withIndustry ? [cell(link(industryName(model, c.industry), `/industries/${c.industry}/`))] : []),
        num(qty(c.target, c.unit)),
        num(qty(c.planned, c.unit)),
        num(qty(c.eliminated, c.unit)),
      ],
    })),
  };
}

/** Announcements, one row each: date, title (marked when example or corrected), kind, region, year. */
export function announcementsTable(model: Model, list: readonly Announcement[], caption: string): TableData {
  return {
    caption,
    columns: [{ label: t.announcement.published, phone: true }, { label: t.announcement.title, phone: true }, { label: t.announcement.kind }, { label: t.announcement.region }, { label: t.announcement.year }],
    rowHeader: 1,
    rows: list.map((a) => ({
      cells: [
        cell(date(formatDate(a.meta.published), a.meta.published)),
        cell(link(withExampleMark(a.meta.title, a.meta.example === true), `/announcements/${a.id}/`), model.superseded.has(a.id) && t.marks.corrected),
        cell(KIND_LABELS[a.kind]),
        cell(regionName(model, a.meta.region)),
        cell(String(a.meta.year)),
      ],
    })),
  };
}

/** What each announcement changed, with the province each row belongs to (for the filter). */
export function changesTable(model: Model, effects: readonly AnnouncementEffect[], caption: string): TableData {
  return {
    caption,
    id: 'changes',
    columns: [{ label: t.announcement.published, phone: true }, { label: t.nav.announcements, phone: true, prose: true }, { label: t.announcement.region }, { label: t.announcement.kind }, { label: t.history.effect, prose: true, phone: true }],
    rowHeader: 1,
    rows: effects.map((e) => ({
      data: { province: provinceOf(model, e.region) },
      cells: [
        cell(date(formatDate(e.published), e.published)),
        cell(link(e.title, `/announcements/${e.id}/`), e.supersededBy !== undefined && t.marks.corrected),
        cell(link(regionName(model, e.region), `/regions/${e.region}/`)),
        cell(KIND_LABELS[e.kind]),
        cell(describeEffect(e) || t.history.noEffect),
      ],
    })),
  };
}

export const provinceOf = (model: Model, code: string) => model.regions.chain(code)[1]?.code ?? '000000';
