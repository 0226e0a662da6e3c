/**
 * The citation line every page's footer and /data/index.json carry: source, title, release, date
 * and URL, after GB/T 7714-2015's form for online resources ([EB/OL]). The date is the record's
 * as-of date, never the clock; a reader adds the date they consulted it.
 */
import type { Release } from '../derive/release.ts';
import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/zh-CN.ts';

export function citation(opts: { title: string; release: Release; url: string }): string {
  return t.release.citation(t.siteName, opts.title, opts.release.id, formatDate(opts.release.asOf), opts.url);
}
