/**
 * The Frictionless Data Package of /data/: `datapackage.json` lists the tables as tabular data
 * resources with paths inside the folder, their size and SHA-256, and references each table's
 * Table Schema by path (schemas/<name>.json) instead of repeating it. Foreign keys link rows to
 * announcements, lines and regions. The package's version is the release id and its creation
 * time the record's as-of date at midnight in China: nothing comes from the clock.
 */
import type { Model } from '../derive/model.ts';
import { tableSchemaField } from './fields.ts';
import type { ExportTable } from './tables.ts';
import { t } from '../i18n/zh-CN.ts';

/** A table as written: its bytes and SHA-256. */
export interface WrittenTable {
  table: ExportTable;
  bytes: number;
  sha256: string;
}

export const schemaPath = (t: ExportTable) => `schemas/${t.name}.json`;

/** The Table Schema of a table (a file of its own, referenced by the package). */
export function tableSchema(t: ExportTable): Record<string, unknown> {
  return {
    fields: t.fields.map(tableSchemaField),
    missingValues: [''],
    ...(t.primaryKey && { primaryKey: t.primaryKey }),
    ...(t.foreignKeys && t.foreignKeys.length > 0 && { foreignKeys: t.foreignKeys }),
  };
}

/** The record's as-of date as an RFC 3339 date-time: midnight in China. */
export const asOfDateTime = (asOf: string) => `${asOf}T00:00:00+08:00`;

export function dataPackage(model: Model, site: URL, written: readonly WrittenTable[]): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'phaseout',
    id: new URL('/data/datapackage.json', site).href,
    title: t.release.dataTitle,
    description: `各地公布的淘汰落后产能计划名单、完成名单、目标任务、考核结果和红黄牌名单，以及由这些公告得出的每条设备/生产线的当前状态。数据截至 ${model.asOf}。`,
    homepage: new URL('/data/', site).href,
    version: model.release.id,
    created: asOfDateTime(model.asOf),
    keywords: ['淘汰落后产能', '公告', '产能'],
    resources: written.map(({ table: t, bytes, sha256 }) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      path: t.path,
      title: t.title,
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes,
      hash: `sha256:${sha256}`,
      schema: schemaPath(t),
    })),
  };
}
