import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../site/record.ts';
import { downloadAt } from '../../../output/downloads.ts';

/** `/announcements/<id>/<id>.csv` and `.json`: exactly the announcement's table. */
export const getStaticPaths = (() =>
  getModel().announcements.flatMap((a) => [
    { params: { id: a.id, file: `${a.id}.csv` } },
    { params: { id: a.id, file: `${a.id}.json` } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const d = downloadAt(getModel(), `/announcements/${params.id}/${params.file}`)!;
  return new Response(d.content, { headers: { 'Content-Type': `${d.mediaType}; charset=utf-8` } });
};
