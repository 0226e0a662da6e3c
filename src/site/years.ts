import type { Model } from '../derive/model.ts';
import type { Announcement } from '../validate/record.ts';

/** How many rows a list page shows before it points to the pages per year. */
export const LIST_LIMIT = 300;

/** Programme years with their announcements, newest year first, newest announcement first. */
export function announcementsByYear(model: Model): readonly { year: number; announcements: Announcement[] }[] {
  return model.years;
}
