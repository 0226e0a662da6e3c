import type { Announcement } from '../validate/record.ts';
import type { Model } from '../derive/model.ts';
import { KIND_LABELS } from '../schema/announcement.ts';
import { t } from '../i18n/zh-CN.ts';
import { formatDate } from '../i18n/format.ts';
import { escapeXml } from '../text/escape.ts';

/** Entries a feed carries: the newest announcements; the full record is on /changes/ and /data/. */
export const FEED_ENTRIES = 200;
/** A region's feed carries its newest 50: a reader who follows a region checks it more often than the whole country's. */
export const REGION_FEED_ENTRIES = 50;
/**
 * A county's (a region without sub-regions) carries its newest 6: three years of a plan and a
 * completion list, as a county publishes them, which is far more than a reader polling it misses.
 * A national site has 2,800 counties.
 */
export const COUNTY_FEED_ENTRIES = 6;

/** An Atom feed of announcements, newest first; `updated` is the latest publication (no clock). */
export function atomFeed(model: Model, opts: { site: URL; selfPath: string; title: string; announcements: readonly Announcement[] }): string {
  const abs = (p: string) => new URL(p, opts.site).href;
  const list = [...opts.announcements].sort((a, b) => (a.meta.published < b.meta.published ? 1 : a.meta.published > b.meta.published ? -1 : a.id < b.id ? -1 : 1));
  const updated = `${list[0]?.meta.published ?? model.asOf}T00:00:00+08:00`;
  const entries = list.map((a) => {
    const region = model.regions.get(a.meta.region)?.name ?? a.meta.region;
    const summary = `${region} · ${KIND_LABELS[a.kind]} · ${a.meta.issuer}${a.meta.doc_number ? ` · ${a.meta.doc_number}` : ''} · ${formatDate(a.meta.published)} · ${t.files.feedRows(a.rows.length)}${a.meta.example ? ` · ${t.files.feedExample}` : ''}${a.meta.correction_note ? ` · ${t.files.feedCorrection(a.meta.correction_note)}` : ''}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(abs(`/announcements/${a.id}/`))}</id>`,
      `    <title>${escapeXml(a.meta.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(abs(`/announcements/${a.id}/`))}"/>`,
      `    <published>${a.meta.published}T00:00:00+08:00</published>`,
      `    <updated>${a.meta.published}T00:00:00+08:00</updated>`,
      `    <author><name>${escapeXml(a.meta.issuer)}</name></author>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return atomDocument({ self: abs(opts.selfPath), title: opts.title, alternate: abs(opts.selfPath.replace(/feed\.xml$/, '')), updated, entries });
}

/**
 * The document around a feed's entries (each an <entry> already written): its id and self link
 * (the feed's own address), title, optional subtitle, the page it stands for, when it was last
 * updated, and the site as its author. Every feed of the site is written by it.
 */
export function atomDocument(f: { self: string; title: string; subtitle?: string; alternate: string; updated: string; entries: readonly string[] }): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(f.self)}</id>`,
    `  <title>${escapeXml(f.title)}</title>`,
    ...(f.subtitle === undefined ? [] : [`  <subtitle>${escapeXml(f.subtitle)}</subtitle>`]),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(f.alternate)}"/>`,
    `  <updated>${f.updated}</updated>`,
    `  <author><name>${escapeXml(t.siteName)}</name></author>`,
    ...f.entries,
    '</feed>',
    '',
  ].join('\n');
}
