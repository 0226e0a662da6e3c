/**
 * The validated record and its model, for every page. The build (src/build/pipeline.ts) validates
 * and derives once, then hands the result to the pages through `provideSiteData` before Astro
 * renders them in the same process: nothing is read, validated or derived twice. Under
 * `astro dev` or `astro check`, where nothing was provided, the data root (PHASEOUT_DATA_DIR or
 * `data/`) is validated once on first use. A record with errors never renders.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildModel, type Model } from '../derive/model.ts';
import { formatText } from '../output/report.ts';
import { validateDataRoot } from '../validate/validate.ts';
import type { Report } from '../schema/problem.ts';
import { t } from '../i18n/zh-CN.ts';
import type { RouteContext } from './routes.ts';

export interface SiteData {
  model: Model;
  /** The validator's report (warnings only: errors stop the build). */
  report: Report;
  /** Slugs of the policy texts (content/policies/<slug>.mdx). */
  policies: readonly string[];
}

// A global, not a module variable: the pages are bundled by Vite, so the build script and the
// pages hold different copies of this module within one process.
const KEY = Symbol.for('phaseout.site-data');
type Holder = { [KEY]?: SiteData | undefined };

export function provideSiteData(data: SiteData | undefined): void {
  (globalThis as Holder)[KEY] = data;
}

export function dataRootDir(): string {
  return resolve(process.env.PHASEOUT_DATA_DIR || 'data');
}

/** Slugs of the policy texts in `dir`. */
export function policySlugs(dir = 'content/policies'): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -'.mdx'.length)).sort();
}

/** Validates and derives the data root, or throws the validator's errors in Chinese. */
export function loadSiteData(root: string, policiesDir = 'content/policies'): SiteData {
  const record = validateDataRoot(root);
  if (record.report.errors > 0) {
    const errors = { ...record.report, problems: record.report.problems.filter((p) => p.severity === 'error') };
    throw new Error(`${t.build.dataErrors}\n${formatText(errors, { dataDir: root })}`);
  }
  return { model: buildModel(record), report: record.report, policies: policySlugs(policiesDir) };
}

export function siteData(): SiteData {
  const holder = globalThis as Holder;
  const data = holder[KEY] ?? loadSiteData(dataRootDir());
  holder[KEY] = data;
  return data;
}

export const getModel = (): Model => siteData().model;
export const getReport = (): Report => siteData().report;

/** What the page registry needs to list pages (src/site/routes.ts). */
export const routeContext = (): RouteContext => {
  const { model, policies } = siteData();
  return { model, policies };
};
