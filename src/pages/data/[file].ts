import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../site/record.ts';
import { downloadAt, downloadsOf } from '../../output/downloads.ts';

/** The combined downloads under /data/: lines.csv, lines.json, announcements.csv, datapackage.json, SHA256SUMS. */
export const getStaticPaths = (() =>
  downloadsOf(getModel())
    .filter((d) => d.path.startsWith('/data/'))
    .map((d) => ({ params: { file: d.path.slice('/data/'.length) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const d = downloadAt(getModel(), `/data/${params.file}`)!;
  return new Response(d.content, { headers: { 'Content-Type': `${d.mediaType}; charset=utf-8` } });
};
