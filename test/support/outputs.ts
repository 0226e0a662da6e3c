/** Runs the site's machine outputs for a data root in process, without building pages. */
import { buildModel, type Model } from '../../src/derive/model.ts';
import { siteFiles, type SiteFile } from '../../src/output/site-files.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';

export const TEST_ORIGIN = new URL('https://phaseout.example.gov.cn');

export function modelOf(dataRoot: string): Model {
  const record = validateDataRoot(dataRoot);
  if (record.report.errors > 0) throw new Error(`${dataRoot} has errors: ${JSON.stringify(record.report.problems.filter((p) => p.severity === 'error'))}`);
  return buildModel(record);
}

/** Every file `siteFiles` writes for the model, by site path. */
export async function outputsOf(model: Model): Promise<Map<string, SiteFile>> {
  const out = new Map<string, SiteFile>();
  for await (const f of siteFiles(model, { site: TEST_ORIGIN, sitemap: [{ path: '/', lastmod: model.asOf }], pageRoots: ['/'] })) {
    if (out.has(f.path)) throw new Error(`${f.path} written twice`);
    out.set(f.path, f);
  }
  return out;
}

export const bytesOf = (f: SiteFile | undefined): Buffer => {
  if (!f) throw new Error('no such file');
  return Buffer.from(typeof f.content === 'string' ? Buffer.from(f.content) : f.content);
};
