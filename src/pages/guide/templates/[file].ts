import type { APIRoute, GetStaticPaths } from 'astro';
import { KINDS, type Kind } from '../../../schema/announcement.ts';
import { templateCsv } from '../../../publish/templates.ts';

/** /guide/templates/<kind>.csv: the table templates the guide links to (UTF-8 with BOM). */
export const getStaticPaths = (() => KINDS.map((kind) => ({ params: { file: `${kind}.csv` }, props: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(templateCsv((props as { kind: Kind }).kind), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
