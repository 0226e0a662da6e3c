/**
 * Where each province sits on a tile-grid map of China: one square per provincial-level division,
 * placed roughly where it lies (north up, east right), in the manner of the usual China tile
 * grids. A layout is data, so a map with real geometry can replace it later (see `TileLayout`).
 */

export interface Tile {
  /** GB/T 2260 code of the province-level division. */
  code: string;
  /** Short name printed on the tile. */
  short: string;
  /** Full name, for tooltips and descriptions. */
  name: string;
  col: number;
  row: number;
  /** Outside the programme's data (Hong Kong, Macau, Taiwan): always drawn as 无数据. */
  noData?: boolean;
}

export interface TileLayout {
  cols: number;
  rows: number;
  tiles: readonly Tile[];
}

/** 31 mainland provinces plus Taiwan, Hong Kong and Macau on a 7 × 8 grid. */
export const CHINA_TILES: TileLayout = {
  cols: 7,
  rows: 8,
  tiles: [
    { code: '230000', short: '黑龙江', name: '黑龙江省', col: 6, row: 0 },
    { code: '150000', short: '内蒙古', name: '内蒙古自治区', col: 3, row: 1 },
    { code: '110000', short: '北京', name: '北京市', col: 4, row: 1 },
    { code: '210000', short: '辽宁', name: '辽宁省', col: 5, row: 1 },
    { code: '220000', short: '吉林', name: '吉林省', col: 6, row: 1 },
    { code: '650000', short: '新疆', name: '新疆维吾尔自治区', col: 0, row: 2 },
    { code: '620000', short: '甘肃', name: '甘肃省', col: 1, row: 2 },
    { code: '640000', short: '宁夏', name: '宁夏回族自治区', col: 2, row: 2 },
    { code: '140000', short: '山西', name: '山西省', col: 3, row: 2 },
    { code: '130000', short: '河北', name: '河北省', col: 4, row: 2 },
    { code: '120000', short: '天津', name: '天津市', col: 5, row: 2 },
    { code: '630000', short: '青海', name: '青海省', col: 1, row: 3 },
    { code: '610000', short: '陕西', name: '陕西省', col: 2, row: 3 },
    { code: '410000', short: '河南', name: '河南省', col: 3, row: 3 },
    { code: '370000', short: '山东', name: '山东省', col: 4, row: 3 },
    { code: '540000', short: '西藏', name: '西藏自治区', col: 0, row: 4 },
    { code: '510000', short: '四川', name: '四川省', col: 1, row: 4 },
    { code: '500000', short: '重庆', name: '重庆市', col: 2, row: 4 },
    { code: '420000', short: '湖北', name: '湖北省', col: 3, row: 4 },
    { code: '340000', short: '安徽', name: '安徽省', col: 4, row: 4 },
    { code: '320000', short: '江苏', name: '江苏省', col: 5, row: 4 },
    { code: '310000', short: '上海', name: '上海市', col: 6, row: 4 },
    { code: '530000', short: '云南', name: '云南省', col: 1, row: 5 },
    { code: '520000', short: '贵州', name: '贵州省', col: 2, row: 5 },
    { code: '430000', short: '湖南', name: '湖南省', col: 3, row: 5 },
    { code: '360000', short: '江西', name: '江西省', col: 4, row: 5 },
    { code: '330000', short: '浙江', name: '浙江省', col: 5, row: 5 },
    { code: '450000', short: '广西', name: '广西壮族自治区', col: 2, row: 6 },
    { code: '440000', short: '广东', name: '广东省', col: 3, row: 6 },
    { code: '350000', short: '福建', name: '福建省', col: 4, row: 6 },
    { code: '710000', short: '台湾', name: '台湾省', col: 5, row: 6, noData: true },
    { code: '460000', short: '海南', name: '海南省', col: 2, row: 7 },
    { code: '820000', short: '澳门', name: '澳门特别行政区', col: 3, row: 7, noData: true },
    { code: '810000', short: '香港', name: '香港特别行政区', col: 4, row: 7, noData: true },
  ],
};
