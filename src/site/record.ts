/**
 * The validated record and its model, computed once per build process for every page.
 * The data root is PHASEOUT_DATA_DIR or `data/`. A record with errors never renders: the build
 * stops with the validator's report, in Chinese, so nothing wrong is published.
 */
import { resolve } from 'node:path';
import { buildModel, type Model } from '../derive/model.ts';
import { formatText } from '../output/report.ts';
import { validateDataRoot } from '../validate/validate.ts';

import type { Report } from '../schema/problem.ts';

let cached: Model | undefined;
let report: Report | undefined;

export function dataRootDir(): string {
  return resolve(process.env.PHASEOUT_DATA_DIR || 'data');
}

export function getModel(): Model {
  if (cached) return cached;
  const record = validateDataRoot(dataRootDir());
  if (record.report.errors > 0) {
    const errors = { ...record.report, problems: record.report.problems.filter((p) => p.severity === 'error') };
    throw new Error(`数据有错误，不能生成网站：\n${formatText(errors, { dataDir: dataRootDir() })}`);
  }
  report = record.report;
  cached = buildModel(record);
  return cached;
}

/** The validator's report for the data the site is built from (warnings only: errors stop the build). */
export function getReport(): Report {
  getModel();
  return report!;
}
