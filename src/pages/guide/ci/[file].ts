import type { APIRoute, GetStaticPaths } from 'astro';

/** /guide/ci/<name>.yml: the example CI workflows the guide links to (docs/ci/). */
const files = import.meta.glob<string>('../../../../docs/ci/*.yml', { query: '?raw', import: 'default', eager: true });
const byName = new Map(Object.entries(files).map(([path, text]) => [path.split('/').pop()!, text]));

export const getStaticPaths = (() => [...byName.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(byName.get(params.file!)!, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
