import { z } from 'zod';
import { column } from './column.ts';

/** An industry of the taxonomy: built in (src/reference/industries.ts) or added by `industries.csv`. */
export const IndustrySchema = z.object({
  /** Stable lowercase id used in URLs and data, e.g. `cement`. */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  /** Chinese name as lists write it, e.g. 水泥. */
  name: z.string().min(1),
  /** Other names accepted in the `industry` column, e.g. 水泥(熟料及磨机). */
  aliases: z.array(z.string()),
  /** Coarse group (钢铁, 有色金属, 建材, 轻工, 纺织, 能源, 化工, 其他). */
  group: z.string(),
  /** Capacity units allowed for this industry, first is the usual one, e.g. ["万吨"]. */
  units: z.array(z.string()).min(1),
  /** The national criterion for "backward" in this industry, in Chinese, with its source. */
  criterion: z.string(),
});
export type Industry = z.infer<typeof IndustrySchema>;

/** One row of `industries.csv` in the data root (lists separated by `;` or `、`). */
export const IndustryCsvRowSchema = z.object({
  id: column(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), { zh: '代码', type: 'text', required: true, max: 40, doc: '小写英文代码，如 cement；与内置行业相同时为其补充别名和单位' }),
  name: column(z.string().min(1).max(40), { zh: '名称', type: 'text', required: true, max: 40, doc: '中文名称，如 水泥' }),
  aliases: column(z.string().max(500).optional(), { zh: '别名', type: 'text', max: 500, doc: '其他写法，用“;”或“、”分隔' }),
  group: column(z.string().max(20).optional(), { zh: '大类', type: 'text', max: 20, doc: '所属大类，如 建材' }),
  units: column(z.string().max(200).optional(), { zh: '单位', type: 'text', max: 200, doc: '允许的产能单位，用“;”或“、”分隔，如 万吨' }),
  criterion: column(z.string().max(2000).optional(), { zh: '淘汰标准', type: 'text', max: 2000, doc: '落后产能的界定标准及出处' }),
});
