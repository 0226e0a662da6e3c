import { z } from 'zod';
import { column, ISO_DATE, REGION_CODE } from './column.ts';

export const REGION_LEVELS = ['nation', 'province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** An administrative region (GB/T 2260), from the built-in table or `regions.csv`. */
export const RegionSchema = z.object({
  code: z.string().regex(REGION_CODE),
  name: z.string().min(1),
  /** Parent's code; 000000 for provinces; absent for the nation. */
  parent: z.string().regex(REGION_CODE).optional(),
  level: z.enum(REGION_LEVELS),
  /** For historical codes: first and last day the code was valid. */
  valid_from: z.string().regex(ISO_DATE).optional(),
  valid_to: z.string().regex(ISO_DATE).optional(),
});
export type Region = z.infer<typeof RegionSchema>;

/** One row of `regions.csv` in the data root. */
export const RegionCsvRowSchema = z.object({
  code: column(z.string().regex(REGION_CODE), { zh: '代码', type: 'code', required: true, doc: '6位行政区划代码（含已撤销的旧代码）' }),
  name: column(z.string().min(1).max(50), { zh: '名称', type: 'text', required: true, max: 50, doc: '地区名称' }),
  parent: column(z.string().regex(REGION_CODE), { zh: '上级代码', type: 'code', required: true, doc: '上级地区的6位代码；省级填000000' }),
  valid_from: column(z.string().regex(ISO_DATE).optional(), { zh: '启用日期', type: 'date', doc: '代码启用日期 YYYY-MM-DD' }),
  valid_to: column(z.string().regex(ISO_DATE).optional(), { zh: '停用日期', type: 'date', doc: '代码停用日期 YYYY-MM-DD' }),
});
export type RegionCsvRow = z.infer<typeof RegionCsvRowSchema>;
