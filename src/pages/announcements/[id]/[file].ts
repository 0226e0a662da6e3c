import type { APIRoute, GetStaticPaths } from 'astro';
import { announcementJson, announcementTable, toCsv } from '../../../data/export.ts';
import type { Announcement } from '../../../data/record.ts';
import { getModel } from '../../../site/record.ts';

/** `/announcements/<id>/<id>.csv` and `.json`: exactly the announcement's table. */
export const getStaticPaths = (() =>
  getModel().announcements.flatMap((a) => [
    { params: { id: a.id, file: `${a.id}.csv` }, props: { announcement: a, format: 'csv' } },
    { params: { id: a.id, file: `${a.id}.json` }, props: { announcement: a, format: 'json' } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { announcement: a, format } = props as { announcement: Announcement; format: 'csv' | 'json' };
  if (format === 'csv') {
    const { header, rows } = announcementTable(a);
    return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return new Response(announcementJson(a), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
