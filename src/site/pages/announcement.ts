/**
 * An announcement's page: its front matter as published, its text with document numbers linked,
 * what a correction changed, and its full table.
 */
import type { AnnouncementEffect } from '../../derive/changes.ts';
import { cellText, columnLabel, type DiffRow } from '../../derive/diff.ts';
import type { Model } from '../../derive/model.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { KIND_LABELS, type AnnouncementMeta, type Kind } from '../../schema/announcement.ts';
import { isLineAnnouncement, type Announcement } from '../../validate/record.ts';
import { lineKey } from '../../validate/rules/lines.ts';
import type { LineRow } from '../../schema/line.ts';
import { announcementDownloads, type DownloadLink } from '../../output/workbooks.ts';
import { linkDocNumbersInHtml, type DocIndex } from '../docnumbers.ts';
import { columnMeta, displayCell, isNumeric } from '../labels.ts';
import { renderMarkdown } from '../markdown.ts';
import { cell, link, type Cell, type Part, type TableData, type TableRow } from '../table.ts';
import { escapeHtml, htmlAttr } from '../../text/escape.ts';
import { regionName } from './tables.ts';
import { GLOSSARY } from '../glossary.ts';

export interface CorrectionView {
  against: { href: string; title: string };
  counts: string;
  note?: string | undefined;
  added: { names: string; summary: string }[];
  removed: { names: string; summary: string; unexplained: boolean }[];
  changed?: TableData | undefined;
}

export interface AnnouncementPage {
  title: string;
  example: boolean;
  supersededBy?: { href: string; title: string } | undefined;
  facts: { label: string; parts: Part[] }[];
  bodyHtml: string;
  correction?: CorrectionView | undefined;
  table?: TableData | undefined;
  /** Where the table can be downloaded: the issuing region's workbook (naming the sheet) and the national rows file. */
  downloads: DownloadLink[];
  sources: NonNullable<AnnouncementMeta['sources']>;
}

/** The announcement's table with canonical columns in the file's order, values as pages show them. */
export function announcementTableData(model: Model, a: Announcement): TableData | undefined {
  if (a.rows.length === 0) return undefined;
  const metas = columnMeta(a.kind);
  const columns = [...a.columns, ...a.extraColumns];
  // Rows are named by the first column kept on a phone (the enterprise, a region), else the first.
  const named = Math.max(0, columns.findIndex((c) => metas.get(c)?.phone));
  return {
    caption: t.announcement.tableCaption(a.rows.length),
    rowHeader: named,
    columns: columns.map((c) => {
      const meta = metas.get(c);
      // A region column shows the region's name, so it is headed 地区, not by its code's name.
      const label = !meta ? c.replace(/^x_/i, '') : meta.type === 'region' ? t.announcement.region : `${meta.zh}${meta.unit && !meta.zh.includes(meta.unit) ? `（${meta.unit}）` : ''}`;
      return { label, numeric: isNumeric(meta), phone: meta?.phone, prose: meta?.prose, href: c === 'status' ? GLOSSARY.status : undefined };
    }),
    rows: a.rows.map((r): TableRow => {
      const data = r.data as Record<string, unknown>;
      // A listed line's enterprise links to its page (where its status and record are).
      const line = isLineAnnouncement(a) ? model.lineByKey.get(lineKey(data as LineRow)) : undefined;
      return {
        cells: columns.map((c): Cell => {
          const text = displayCell(model, metas.get(c), c in data ? data[c] : r.extra[c]);
          return { ...cell(line && c === 'enterprise_name' ? link(text, `/enterprises/${line.enterpriseKey}/`) : text), numeric: isNumeric(metas.get(c)) };
        }),
      };
    }),
  };
}

function correctionView(model: Model, e: AnnouncementEffect, note: string | undefined): CorrectionView | undefined {
  const c = e.correction;
  if (!c) return undefined;
  const kind: Kind = e.kind;
  const metas = columnMeta(kind);
  const show = (column: string, v: unknown) => (v === null || v === undefined || v === '' ? cellText(kind, column, null) : displayCell(model, metas.get(column), v));
  const summary = (r: DiffRow) => Object.entries(r.values).map(([k, v]) => `${columnLabel(kind, k)}：${show(k, v)}`).join('；');
  const unexplained = new Set(c.unexplained.map((r) => r.key));
  const old = model.byId.get(c.supersedes);
  return {
    against: { href: `/announcements/${c.supersedes}/`, title: old?.meta.title ?? c.supersedes },
    counts: t.history.counts(c.diff.added.length, c.diff.removed.length, c.diff.changed.length, c.diff.unchanged),
    note,
    added: c.diff.added.map((r) => ({ names: r.names.join(' '), summary: summary(r) })),
    removed: c.diff.removed.map((r) => ({ names: r.names.join(' '), summary: summary(r), unexplained: unexplained.has(r.key) })),
    changed: c.diff.changed.length === 0 ? undefined : {
      caption: t.history.changed,
      columns: [{ label: t.history.row }, { label: t.history.field }, { label: t.history.before }, { label: t.history.after }],
      rows: c.diff.changed.flatMap((r) => r.fields.map((f, i): TableRow => ({
        header: i === 0,
        cells: [
          ...(i === 0 ? [{ ...cell(r.names.join(' ')), rowspan: r.fields.length }] : []),
          cell(columnLabel(kind, f.column)),
          cell({ text: show(f.column, f.before), edit: 'del' }),
          cell({ text: show(f.column, f.after), edit: 'ins' }),
        ],
      }))),
      rowHeader: 0,
    },
  };
}

/**
 * An announcement's downloads as HTML, written as short as HTML allows (attributes bare where they
 * can be): they are on each of a national site's 42,000 announcement pages. Everything from data
 * goes through `escapeHtml`.
 */
export function downloadsHtml(downloads: readonly DownloadLink[]): string {
  const links = downloads.map((d) => `<a${htmlAttr('href', d.href)} download>${escapeHtml(d.label)}</a><small>（${escapeHtml(d.note)}）</small>`);
  return `<p class=downloads>${links.join(' · ')}</p>`;
}

export function announcementPage(model: Model, a: Announcement, docIndex: DocIndex): AnnouncementPage {
  const m = a.meta;
  const by = model.supersededBy.get(a.id);
  const old = m.supersedes ? model.byId.get(m.supersedes) : undefined;
  const effect = model.effectById.get(a.id);
  const text = (s: string): Part[] => [{ text: s }];
  const facts: { label: string; parts: Part[] }[] = [
    { label: t.announcement.kind, parts: text(KIND_LABELS[a.kind]) },
    { label: t.announcement.issuer, parts: text(m.issuer) },
    ...(m.doc_number ? [{ label: t.announcement.docNumber, parts: text(m.doc_number) }] : []),
    { label: t.announcement.published, parts: [{ text: formatDate(m.published), datetime: m.published }] },
    { label: t.announcement.region, parts: [{ text: regionName(model, m.region), href: `/regions/${m.region}/` }] },
    { label: t.announcement.year, parts: text(t.yearOf(m.year)) },
    ...(old ? [{ label: t.announcement.supersedes, parts: [{ text: old.meta.title, href: `/announcements/${old.id}/` }] }] : []),
    ...(m.correction_note ? [{ label: t.announcement.correctionNote, parts: text(m.correction_note) }] : []),
    ...(m.contact
      ? [{ label: t.announcement.contact, parts: [{ text: [m.contact.name, m.contact.phone].filter(Boolean).join(' ') }, ...(m.contact.email ? [{ text: ` ${m.contact.email}`, href: `mailto:${m.contact.email}` }] : [])] }]
      : []),
  ];
  return {
    title: m.title,
    example: m.example === true,
    supersededBy: by ? { href: `/announcements/${by}/`, title: model.byId.get(by)?.meta.title ?? by } : undefined,
    facts,
    bodyHtml: linkDocNumbersInHtml(renderMarkdown(a.body), docIndex, `/announcements/${a.id}/`),
    correction: effect ? correctionView(model, effect, m.correction_note) : undefined,
    table: announcementTableData(model, a),
    downloads: announcementDownloads(model, a.id),
    sources: m.sources ?? [],
  };
}
