/** The list pages: regions, announcements and changes (all and by year), cards, assessments. */
import type { Model } from '../../derive/model.ts';
import { t } from '../../i18n/zh-CN.ts';
import type { Announcement } from '../../validate/record.ts';
import type { TableData } from '../table.ts';
import { announcementsTable, changesTable, progressTable, provinceOf, regionName } from './tables.ts';

/** How many rows a list page shows before it points to the pages per year. */
export const LIST_LIMIT = 300;

/** Provinces, their cities and their counties, indented, with their progress. */
export function regionsIndex(model: Model): { provinces: number; table: TableData } {
  const rows: { code: string; depth: number }[] = [];
  // Three levels at most: an explicit walk, not recursion over the data.
  for (const p of model.childrenOf.get('000000') ?? []) {
    rows.push({ code: p, depth: 0 });
    for (const c of model.childrenOf.get(p) ?? []) {
      rows.push({ code: c, depth: 1 });
      for (const k of model.childrenOf.get(c) ?? []) rows.push({ code: k, depth: 2 });
    }
  }
  const provinces = (model.childrenOf.get('000000') ?? []).length;
  return { provinces, table: progressTable(model, rows, t.region.indexCaption(provinces)) };
}

export interface YearLink {
  href: string;
  label: string;
  count: number;
}

const yearLinks = (model: Model, base: string): YearLink[] => model.years.map((y) => ({ href: `${base}year/${y.year}/`, label: t.yearOf(y.year), count: y.announcements.length }));

export function announcementsIndex(model: Model): { example: boolean; years: YearLink[]; heading: string; table: TableData } {
  const latest = model.announcements.slice(0, LIST_LIMIT);
  const total = model.announcements.length;
  return {
    example: latest.some((a) => a.meta.example === true),
    years: yearLinks(model, '/announcements/'),
    heading: t.lists.latest(latest.length, total),
    table: announcementsTable(model, latest, `${t.nav.announcements}（${latest.length}/${total}）`),
  };
}

export function announcementsOfYear(model: Model, year: number): { title: string; example: boolean; table: TableData } {
  const list = model.years.find((y) => y.year === year)?.announcements ?? [];
  const title = t.lists.yearTitle(year, t.nav.announcements);
  return { title, example: list.some((a) => a.meta.example === true), table: announcementsTable(model, list, `${title}（${list.length}）`) };
}

export interface ChangesView {
  title: string;
  example: boolean;
  table: TableData;
  /** The provinces the filter offers. */
  provinces: { code: string; name: string }[];
}

function changesView(model: Model, effects: Model['effects'], title: string, caption: string, example: boolean): ChangesView {
  const provinces = [...new Set(effects.map((e) => provinceOf(model, e.region)))].sort();
  return { title, example, table: changesTable(model, effects, caption), provinces: provinces.map((code) => ({ code, name: regionName(model, code) })) };
}

export function changesIndex(model: Model): ChangesView & { years: YearLink[]; heading: string } {
  const effects = model.effects.slice(-LIST_LIMIT).reverse();
  const total = model.effects.length;
  return {
    ...changesView(model, effects, t.history.changesTitle, `${t.history.changesTitle}（${effects.length}/${total}）`, model.announcements.some((a) => a.meta.example === true)),
    years: yearLinks(model, '/changes/'),
    heading: t.lists.latest(effects.length, total),
  };
}

export function changesOfYear(model: Model, year: number): ChangesView {
  const effects = model.effects.filter((e) => e.year === year).reverse();
  const title = t.lists.yearTitle(year, t.history.changesTitle);
  return changesView(model, effects, title, `${title}（${effects.length}）`, model.announcements.some((a) => a.meta.year === year && a.meta.example === true));
}

/** Announcements of a kind in force, newest first: the red and yellow cards, a year's assessments. */
export function inForce(model: Model, keep: (a: Announcement) => boolean): Announcement[] {
  return model.announcements.filter((a) => keep(a) && !model.superseded.has(a.id));
}
