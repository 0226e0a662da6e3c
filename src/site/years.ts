import type { Model } from '../derive/model.ts';
import type { Announcement } from '../validate/record.ts';

/** How many rows a list page shows before it points to the pages per year. */
export const LIST_LIMIT = 300;

/** Programme years with their announcements, newest year first, newest announcement first. */
export function announcementsByYear(model: Model): { year: number; announcements: Announcement[] }[] {
  const by = new Map<number, Announcement[]>();
  for (const a of model.announcements) by.set(a.meta.year, [...(by.get(a.meta.year) ?? []), a]);
  return [...by.entries()].sort(([a], [b]) => b - a).map(([year, announcements]) => ({ year, announcements }));
}
