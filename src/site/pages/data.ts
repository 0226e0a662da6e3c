/**
 * What the data page (/data/) shows: the downloads for spreadsheet users and for machines, the
 * per-region files with an example, and how to check the files. Pure: the page renders it.
 */
import type { Model } from '../../derive/model.ts';
import { dataFiles, type DataFile } from '../../output/downloads.ts';
import { regionDataPath } from '../../output/region-data.ts';
import { regionWorkbookPath, workbookName, workbookOwner } from '../../output/workbooks.ts';
import { t } from '../../i18n/zh-CN.ts';

export interface DataPage {
  version: { id: string; asOf: string };
  /** Files for spreadsheet users (XLSX first). */
  spreadsheet: DataFile[];
  /** Files for programs. */
  machine: DataFile[];
  /** A region whose workbook the page shows as an example: the most recent issuer. */
  workbookExample?: { name: string; path: string } | undefined;
  /** The national region's data.json, as the example of the per-region files. */
  regionDataExample: { name: string; path: string };
}

export function dataPage(model: Model): DataPage {
  const files = dataFiles(model);
  const issuer = model.announcements[0]?.meta.region;
  return {
    version: { id: model.release.id, asOf: model.asOf },
    spreadsheet: files.filter((f) => f.audience !== 'machine'),
    machine: files.filter((f) => f.audience !== 'spreadsheet'),
    workbookExample: issuer === undefined ? undefined : { name: workbookName(model, workbookOwner(model, issuer)), path: regionWorkbookPath(workbookOwner(model, issuer)) },
    regionDataExample: { name: model.regions.get('000000')?.name ?? t.region.nation, path: regionDataPath('000000') },
  };
}
