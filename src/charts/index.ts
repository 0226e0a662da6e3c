/**
 * The chart library: pure functions `(data, options) → SVG string`, rendered at build time with
 * d3's scales and shapes (no DOM). Each chart has a companion `…Table` with the same numbers, for
 * an HTML table beside it and `chartTableToCsv` for a download.
 *
 * On a page:
 * ```astro
 * ---
 * import { linesByStatus, linesByStatusTable, columnHeader, formatTableCell } from './index.ts';
 * const svg = linesByStatus(counts, { id: `status-${code}` });
 * const table = linesByStatusTable(counts);
 * ---
 * <figure><Fragment set:html={svg} />
 *   <table><caption>{table.caption}</caption> … {columnHeader(c)} … {formatTableCell(c, row[c.key])} …</table>
 *   <a href="status.csv" download>下载 CSV</a></figure>
 * ```
 * and the CSV from an endpoint (`status.csv.ts`) returning `chartTableToCsv(table)`.
 */
export { escapeXml, TALL, type BaseOptions } from './svg.ts';
export { chartTableToCsv, columnHeader, formatTableCell, type ChartCell, type ChartColumn, type ChartTable } from './table.ts';
export { STATUS_COLOURS, statusLabel } from './palette.ts';
export { targetsVsEliminated, targetsVsEliminatedTable, type TargetEliminatedRow, type TargetsVsEliminatedOptions } from './targets.ts';
export { linesByStatus, linesByStatusTable, type LinesByStatusOptions, type StatusCounts } from './status.ts';
export { childRegionsRanked, childRegionsRankedTable, type ChildRegionsRankedOptions, type RegionCompletionRow } from './ranked.ts';
export { provinceTileMap, provinceTileMapTable, type ProvinceTileMapOptions, type ProvinceValues } from './tilemap.ts';
export { CHINA_TILES, type Tile, type TileLayout } from './tile-layout.ts';
export { nationalTrend, nationalTrendTable, type NationalTrendOptions, type TrendRow } from './trend.ts';
export {
  capacityByProvince,
  capacityByProvinceTable,
  capacityByYear,
  capacityByYearAndProvince,
  capacityByYearTable,
  type CapacityByProvinceRow,
  type CapacityByYearRow,
  type IndustryChartOptions,
} from './industry.ts';
export { statusTimeline, statusTimelineTable, type StatusTimelineOptions, type TimelineStepInput } from './timeline.ts';
