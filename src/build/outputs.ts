/**
 * Everything the build writes besides the pages: the machine outputs (src/output/site-files.ts),
 * each chart's data and SVG for its embed page, and the files the publishing guide links to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartTableToCsv } from '../charts/index.ts';
import type { Model } from '../derive/model.ts';
import { templateFiles } from '../publish/templates.ts';
import { siteFileParts, type OutputContext, type SiteFile } from '../output/site-files.ts';
import { allCharts } from '../site/charts.ts';

/**
 * `/embed/<id>/data.csv`: exactly the chart's numbers, beside its embed page. The chart itself is
 * the SVG inside that page; a file of the same SVG beside it would repeat 74 MB across a national
 * site. A county's charts have neither (their numbers are its page's tables and its data.json).
 */
export function* chartFiles(model: Model): Generator<SiteFile> {
  for (const chart of allCharts(model)) {
    if (!chart.embed) continue;
    yield { path: `/embed/${chart.id}/data.csv`, mediaType: 'text/csv; charset=utf-8', content: chartTableToCsv(chart.table) };
  }
}

/** `/guide/templates/<kind>.csv` and `/guide/ci/<name>.yml`: what the publishing guide links to. */
export function* guideFiles(repo: string): Generator<SiteFile> {
  for (const [path, content] of templateFiles()) yield { path: `/guide/${path}`, mediaType: 'text/csv; charset=utf-8', content };
  const ci = join(repo, 'docs/ci');
  for (const name of readdirSync(ci).filter((f) => f.endsWith('.yml')).sort()) {
    yield { path: `/guide/ci/${name}`, mediaType: 'text/yaml; charset=utf-8', content: readFileSync(join(ci, name), 'utf8') };
  }
}

/**
 * What the build writes besides the pages, in two parts (see siteFileParts): `early` before Astro
 * renders the pages, `late` after.
 */
export function buildOutputs(model: Model, ctx: OutputContext, repo: string): { early: AsyncGenerator<SiteFile>; late: AsyncGenerator<SiteFile> } {
  const parts = siteFileParts(model, ctx);
  async function* early(): AsyncGenerator<SiteFile> {
    yield* parts.early;
    yield* chartFiles(model);
    yield* guideFiles(repo);
  }
  return { early: early(), late: parts.late };
}
