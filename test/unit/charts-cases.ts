/**
 * Every chart at its edge cases, as data on the page: the fixed data shaped like what the model
 * derives from the seed announcements, then no data, one point, one bar, many bars, long labels and
 * 100 %. Each case is one snapshot file (test/unit/charts.test.ts) and is drawn in a real browser
 * at 375 and 1280 px (test/e2e/charts.test.ts).
 */
import {
  capacityByProvince,
  capacityByProvinceTable,
  capacityByYear,
  capacityByYearTable,
  childRegionsRanked,
  childRegionsRankedTable,
  linesByStatus,
  linesByStatusTable,
  nationalTrend,
  nationalTrendTable,
  provinceTileMap,
  provinceTileMapTable,
  statusTimeline,
  statusTimelineTable,
  targetsVsEliminated,
  targetsVsEliminatedTable,
  CHINA_TILES,
  type CapacityByProvinceRow,
  type CapacityByYearRow,
  type ChartTable,
  type RegionCompletionRow,
  type TargetEliminatedRow,
  type TimelineStepInput,
  type TrendRow,
} from '../../src/charts/index.ts';

export const targets: TargetEliminatedRow[] = [
  { industry: '水泥', unit: '万吨', year: 2023, target: 120, eliminated: 95.5 },
  { industry: '水泥', unit: '万吨', year: 2024, target: 80, eliminated: 86 },
  { industry: '水泥', unit: '万吨', year: 2025, target: 60 },
  { industry: '电力', unit: '万千瓦', year: 2024, target: 12.5, eliminated: 12.5 },
  { industry: '电力', unit: '万千瓦', year: 2025, eliminated: 3.2 },
];
export const statusCounts = { planned: 12, shutdown: 5, sealed: 2, dismantled: 7, accepted: 21, incomplete: 1 } as const;
export const children: RegionCompletionRow[] = [
  { code: '532300', name: '楚雄彝族自治州', done: 3, total: 4 },
  { code: '421300', name: '随州市', done: 2, total: 3 },
  { code: '410100', name: '郑州市', done: 5, total: 5 },
  { code: '421202', name: '咸安区', done: 0, total: 2 },
  { code: '370305', name: '临淄区', done: 0, total: 0 },
];
export const completion = { '110000': 100, '130000': 72.5, '140000': 55, '370000': 88.94, '410000': 35, '420000': 66.67, '530000': 10, '650000': 0, '440000': 93 };
export const trend: TrendRow[] = [
  { industry: '水泥', unit: '万吨', year: 2021, eliminated: 1500 },
  { industry: '水泥', unit: '万吨', year: 2022, eliminated: 1320 },
  { industry: '水泥', unit: '万吨', year: 2023, eliminated: 980 },
  { industry: '水泥', unit: '万吨', year: 2024, eliminated: 1100 },
  { industry: '炼铁', unit: '万吨', year: 2021, eliminated: 800 },
  { industry: '炼铁', unit: '万吨', year: 2023, eliminated: 650 },
  { industry: '炼铁', unit: '万吨', year: 2024, eliminated: 420 },
  { industry: '电力', unit: '万千瓦', year: 2022, eliminated: 520 },
  { industry: '电力', unit: '万千瓦', year: 2023, eliminated: 410.5 },
  { industry: '电力', unit: '万千瓦', year: 2024, eliminated: 380 },
];
export const byYear: CapacityByYearRow[] = [
  { unit: '万吨', year: 2020, eliminated: 320 },
  { unit: '万吨', year: 2021, eliminated: 1280.5 },
  { unit: '万吨', year: 2022, eliminated: 905 },
  { unit: '万吨', year: 2024, eliminated: 410 },
  { unit: '处', year: 2023, eliminated: 12 },
  { unit: '处', year: 2024, eliminated: 7 },
];
export const byProvince: CapacityByProvinceRow[] = [
  { unit: '万吨', code: '140000', name: '山西省', eliminated: 1200 },
  { unit: '万吨', code: '650000', name: '新疆维吾尔自治区', eliminated: 310.25 },
  { unit: '万吨', code: '410000', name: '河南省', eliminated: 640 },
  { unit: '处', code: '140000', name: '山西省', eliminated: 12 },
];
export const steps: TimelineStepInput[] = [
  { status: 'planned', published: '2025-03-20' },
  { status: 'shutdown', date: '2025-04-28' },
  { status: 'sealed' },
  { status: 'dismantled', date: '2025-10-15' },
  { status: 'accepted', date: '2025-11-30' },
];

/** A fixed sequence of pseudo-random numbers in [0, 1): the same every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const INDUSTRIES = ['水泥', '炼铁', '炼钢', '焦炭', '铁合金', '电石', '电解铝', '铜冶炼', '铅冶炼', '锌冶炼', '平板玻璃', '造纸', '酒精', '味精', '柠檬酸', '制革', '印染', '化纤', '铅蓄电池', '煤炭', '电力'];
const LONG_INDUSTRY = '铁合金（含硅铁、锰硅合金、高碳铬铁）及其他矿热炉冶炼';
const provinces = CHINA_TILES.tiles.filter((t) => !t.noData);
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const manyTargets = (() => {
  const rnd = noise(7);
  return INDUSTRIES.flatMap((industry) =>
    years(2016, 2025).map((year) => ({ industry, unit: industry === '电力' ? '万千瓦' : '万吨', year, target: Math.round(rnd() * 5000) / 10, eliminated: Math.round(rnd() * 5000) / 10 })),
  );
})();
const manyTrend = (() => {
  const rnd = noise(11);
  return INDUSTRIES.slice(0, 16).flatMap((industry) => years(2016, 2025).map((year) => ({ industry, unit: '万吨', year, eliminated: Math.round(rnd() * 40000) / 10 })));
})();
const manyChildren = provinces.map((t, i) => ({ code: t.code, name: t.name, done: i % 7, total: 6 + (i % 5) }));
const manyByProvince = provinces.map((t, i) => ({ unit: '万吨', code: t.code, name: t.name, eliminated: ((i * 7919) % 3000) + 0.5 }));

type Case = () => [string, ChartTable];

/** name → [svg, table]. The fixed-data case of each chart keeps the chart's own name. */
export const CHART_CASES: Record<string, Case> = {
  targetsVsEliminated: () => [targetsVsEliminated(targets, { id: 't' }), targetsVsEliminatedTable(targets)],
  'targetsVsEliminated-empty': () => [targetsVsEliminated([], { id: 't' }), targetsVsEliminatedTable([])],
  'targetsVsEliminated-one-value': () => {
    const rows = [{ industry: '建材', unit: '万吨', year: 2025, eliminated: 1.8 }, { industry: '煤炭', unit: '万吨', year: 2025, target: 20000, eliminated: 0 }];
    return [targetsVsEliminated(rows, { id: 't' }), targetsVsEliminatedTable(rows)];
  },
  'targetsVsEliminated-many': () => [targetsVsEliminated(manyTargets, { id: 't', title: '全国目标与已淘汰产能' }), targetsVsEliminatedTable(manyTargets)],
  'targetsVsEliminated-long-labels': () => {
    const rows = [{ industry: LONG_INDUSTRY, unit: '万千伏安时', year: 2024, target: 123456.78, eliminated: 98765.43 }];
    return [targetsVsEliminated(rows, { id: 't', title: '克孜勒苏柯尔克孜自治州阿合奇县目标与已淘汰产能（各行业按各自单位）' }), targetsVsEliminatedTable(rows)];
  },
  'targetsVsEliminated-100': () => {
    const rows = [{ industry: '水泥', unit: '万吨', year: 2024, target: 80, eliminated: 80 }, { industry: '水泥', unit: '万吨', year: 2025, target: 60, eliminated: 60 }];
    return [targetsVsEliminated(rows, { id: 't' }), targetsVsEliminatedTable(rows)];
  },

  linesByStatus: () => [linesByStatus(statusCounts, { id: 's' }), linesByStatusTable(statusCounts)],
  'linesByStatus-empty': () => [linesByStatus({}, { id: 's' }), linesByStatusTable({})],
  'linesByStatus-one-bar': () => [linesByStatus({ planned: 1 }, { id: 's' }), linesByStatusTable({ planned: 1 })],
  'linesByStatus-many': () => {
    const c = { planned: 123456, shutdown: 98765, sealed: 5, dismantled: 43210, accepted: 87654, incomplete: 1234 };
    return [linesByStatus(c, { id: 's', title: '新疆维吾尔自治区巴音郭楞蒙古自治州各状态设备/生产线数' }), linesByStatusTable(c)];
  },
  'linesByStatus-100': () => [linesByStatus({ accepted: 40 }, { id: 's' }), linesByStatusTable({ accepted: 40 })],

  childRegionsRanked: () => [childRegionsRanked(children, { id: 'r' }), childRegionsRankedTable(children)],
  'childRegionsRanked-empty': () => [childRegionsRanked([], { id: 'r' }), childRegionsRankedTable([])],
  'childRegionsRanked-one': () => [childRegionsRanked([children[0]!], { id: 'r' }), childRegionsRankedTable([children[0]!])],
  'childRegionsRanked-many': () => [childRegionsRanked(manyChildren, { id: 'r', title: '全国下级地区完成率排名' }), childRegionsRankedTable(manyChildren)],
  'childRegionsRanked-long-labels': () => {
    const rows = [
      { code: '653000', name: '克孜勒苏柯尔克孜自治州', done: 1, total: 3 },
      { code: '652800', name: '巴音郭楞蒙古自治州', done: 12345, total: 23456 },
    ];
    return [childRegionsRanked(rows, { id: 'r' }), childRegionsRankedTable(rows)];
  },
  'childRegionsRanked-100': () => {
    const rows = children.filter((c) => c.total > 0).map((c) => ({ ...c, done: c.total }));
    return [childRegionsRanked(rows, { id: 'r' }), childRegionsRankedTable(rows)];
  },

  provinceTileMap: () => [provinceTileMap(completion, { id: 'm', measure: '完成率', unit: '%' }), provinceTileMapTable(completion, { measure: '完成率', unit: '%' })],
  'provinceTileMap-empty': () => [provinceTileMap({}, { id: 'm', measure: '完成率', unit: '%' }), provinceTileMapTable({}, { measure: '完成率', unit: '%' })],
  'provinceTileMap-one': () => [provinceTileMap({ '420000': 50 }, { id: 'm', measure: '完成率', unit: '%' }), provinceTileMapTable({ '420000': 50 }, { measure: '完成率', unit: '%' })],
  'provinceTileMap-100': () => {
    const all = Object.fromEntries(provinces.map((t) => [t.code, 100]));
    return [provinceTileMap(all, { id: 'm', measure: '完成率', unit: '%' }), provinceTileMapTable(all, { measure: '完成率', unit: '%' })];
  },
  'provinceTileMap-capacity': () => {
    const v = Object.fromEntries(provinces.map((t, i) => [t.code, ((i * 7919) % 250000) / 10]));
    return [provinceTileMap(v, { id: 'm', measure: '已淘汰产能（水泥）', unit: '万吨' }), provinceTileMapTable(v, { measure: '已淘汰产能（水泥）', unit: '万吨' })];
  },

  nationalTrend: () => [nationalTrend(trend, { id: 'n' }), nationalTrendTable(trend)],
  'nationalTrend-empty': () => [nationalTrend([], { id: 'n' }), nationalTrendTable([])],
  'nationalTrend-one-point': () => {
    const rows = [{ industry: '水泥', unit: '万吨', year: 2025, eliminated: 8 }];
    return [nationalTrend(rows, { id: 'n' }), nationalTrendTable(rows)];
  },
  'nationalTrend-one-year': () => {
    const rows = [
      { industry: '建材', unit: '万吨', year: 2025, eliminated: 1.8 },
      { industry: '电石', unit: '万吨', year: 2025, eliminated: 2.5 },
      { industry: '水泥', unit: '万吨', year: 2025, eliminated: 8 },
      { industry: '炼铁', unit: '万吨', year: 2025, eliminated: 33 },
    ];
    return [nationalTrend(rows, { id: 'n' }), nationalTrendTable(rows)];
  },
  'nationalTrend-adjacent-years': () => {
    const rows = [
      { industry: '水泥', unit: '万吨', year: 2024, eliminated: 8 },
      { industry: '水泥', unit: '万吨', year: 2025, eliminated: 12 },
    ];
    return [nationalTrend(rows, { id: 'n' }), nationalTrendTable(rows)];
  },
  'nationalTrend-many': () => [nationalTrend(manyTrend, { id: 'n' }), nationalTrendTable(manyTrend)],
  'nationalTrend-long-labels': () => {
    const rows = years(2001, 2025).flatMap((year) => [
      { industry: LONG_INDUSTRY, unit: '万千伏安时', year, eliminated: 100000 + year },
      { industry: '铅蓄电池（极板及组装）', unit: '万千伏安时', year, eliminated: 50000 + year },
    ]);
    return [nationalTrend(rows, { id: 'n' }), nationalTrendTable(rows)];
  },

  capacityByYear: () => [capacityByYear(byYear, { id: 'y', industry: '煤炭' }), capacityByYearTable(byYear, { industry: '煤炭' })],
  'capacityByYear-empty': () => [capacityByYear([], { id: 'y', industry: '煤炭' }), capacityByYearTable([], { industry: '煤炭' })],
  'capacityByYear-one-year': () => {
    const rows = [{ unit: '万吨', year: 2025, eliminated: 8 }];
    return [capacityByYear(rows, { id: 'y', industry: '水泥' }), capacityByYearTable(rows, { industry: '水泥' })];
  },
  'capacityByYear-two-years': () => {
    const rows = [{ unit: '万吨', year: 2024, eliminated: 8 }, { unit: '万吨', year: 2025, eliminated: 12.5 }];
    return [capacityByYear(rows, { id: 'y', industry: '水泥' }), capacityByYearTable(rows, { industry: '水泥' })];
  },
  'capacityByYear-many': () => {
    const rows = years(2001, 2025).map((year) => ({ unit: '万吨', year, eliminated: ((year * 7919) % 90000) / 10 + 1000 }));
    return [capacityByYear(rows, { id: 'y', industry: LONG_INDUSTRY }), capacityByYearTable(rows, { industry: LONG_INDUSTRY })];
  },

  capacityByProvince: () => [capacityByProvince(byProvince, { id: 'p', industry: '煤炭' }), capacityByProvinceTable(byProvince, { industry: '煤炭' })],
  'capacityByProvince-empty': () => [capacityByProvince([], { id: 'p', industry: '煤炭' }), capacityByProvinceTable([], { industry: '煤炭' })],
  'capacityByProvince-one': () => {
    const rows = [{ unit: '万吨', code: '420000', name: '湖北省', eliminated: 8 }];
    return [capacityByProvince(rows, { id: 'p', industry: '水泥' }), capacityByProvinceTable(rows, { industry: '水泥' })];
  },
  'capacityByProvince-many': () => [capacityByProvince(manyByProvince, { id: 'p', industry: '水泥' }), capacityByProvinceTable(manyByProvince, { industry: '水泥' })],

  statusTimeline: () => [statusTimeline(steps, { id: 'l', deadline: '2025-10' }), statusTimelineTable(steps)],
  'statusTimeline-empty': () => [statusTimeline([], { id: 'l' }), statusTimelineTable([])],
  'statusTimeline-one': () => {
    const s = [{ status: 'planned' as const, date: '2011-07-14' }];
    return [statusTimeline(s, { id: 'l', deadline: '2011-12' }), statusTimelineTable(s)];
  },
  'statusTimeline-year-end': () => {
    const s = [{ status: 'planned' as const, date: '2025-03-01' }, { status: 'shutdown' as const, date: '2025-12-31' }, { status: 'accepted' as const, date: '2026-01-01' }];
    return [statusTimeline(s, { id: 'l', deadline: '2025-12' }), statusTimelineTable(s)];
  },
  'statusTimeline-years': () => {
    const s = [
      { status: 'planned' as const, date: '2016-05-20' },
      { status: 'shutdown' as const, date: '2019-12-31' },
      { status: 'dismantled' as const, date: '2023-01-01' },
      { status: 'accepted' as const, published: '2025-06-30' },
    ];
    return [statusTimeline(s, { id: 'l', deadline: '2020-12' }), statusTimelineTable(s)];
  },
  'statusTimeline-undated': () => {
    const s = [{ status: 'planned' as const }, { status: 'incomplete' as const, published: '2025-01-02' }];
    return [statusTimeline(s, { id: 'l' }), statusTimelineTable(s)];
  },
};
