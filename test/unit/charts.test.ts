import { describe, expect, it } from 'vitest';
import {
  CHINA_TILES,
  capacityByProvince,
  capacityByProvinceTable,
  capacityByYear,
  capacityByYearAndProvince,
  capacityByYearTable,
  chartTableToCsv,
  childRegionsRanked,
  childRegionsRankedTable,
  escapeXml,
  formatTableCell,
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
  type CapacityByProvinceRow,
  type CapacityByYearRow,
  type ChartTable,
  type RegionCompletionRow,
  type TargetEliminatedRow,
  type TimelineStepInput,
  type TrendRow,
} from '../../src/charts/index.ts';
import { formatDate, formatNumber } from '../../src/i18n/format.ts';

// Fixed data, shaped like what the model derives from the seed announcements.
const targets: TargetEliminatedRow[] = [
  { industry: '水泥', unit: '万吨', year: 2023, target: 120, eliminated: 95.5 },
  { industry: '水泥', unit: '万吨', year: 2024, target: 80, eliminated: 86 },
  { industry: '水泥', unit: '万吨', year: 2025, target: 60 },
  { industry: '电力', unit: '万千瓦', year: 2024, target: 12.5, eliminated: 12.5 },
  { industry: '电力', unit: '万千瓦', year: 2025, eliminated: 3.2 },
];
const statusCounts = { planned: 12, shutdown: 5, sealed: 2, dismantled: 7, accepted: 21, incomplete: 1 } as const;
const children: RegionCompletionRow[] = [
  { code: '532300', name: '楚雄彝族自治州', done: 3, total: 4 },
  { code: '421300', name: '随州市', done: 2, total: 3 },
  { code: '410100', name: '郑州市', done: 5, total: 5 },
  { code: '421202', name: '咸安区', done: 0, total: 2 },
  { code: '370305', name: '临淄区', done: 0, total: 0 },
];
const completion = { '110000': 100, '130000': 72.5, '140000': 55, '370000': 88.94, '410000': 35, '420000': 66.67, '530000': 10, '650000': 0, '440000': 93 };
const trend: TrendRow[] = [
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
const byYear: CapacityByYearRow[] = [
  { unit: '万吨', year: 2020, eliminated: 320 },
  { unit: '万吨', year: 2021, eliminated: 1280.5 },
  { unit: '万吨', year: 2022, eliminated: 905 },
  { unit: '万吨', year: 2024, eliminated: 410 },
  { unit: '处', year: 2023, eliminated: 12 },
  { unit: '处', year: 2024, eliminated: 7 },
];
const byProvince: CapacityByProvinceRow[] = [
  { unit: '万吨', code: '140000', name: '山西省', eliminated: 1200 },
  { unit: '万吨', code: '650000', name: '新疆维吾尔自治区', eliminated: 310.25 },
  { unit: '万吨', code: '410000', name: '河南省', eliminated: 640 },
  { unit: '处', code: '140000', name: '山西省', eliminated: 12 },
];
const steps: TimelineStepInput[] = [
  { status: 'planned', published: '2025-03-20' },
  { status: 'shutdown', date: '2025-04-28' },
  { status: 'sealed' },
  { status: 'dismantled', date: '2025-10-15' },
  { status: 'accepted', date: '2025-11-30' },
];

/** Every chart on the fixed data: name → [svg, table]. */
const charts: Record<string, () => [string, ChartTable]> = {
  targetsVsEliminated: () => [targetsVsEliminated(targets, { id: 't' }), targetsVsEliminatedTable(targets)],
  linesByStatus: () => [linesByStatus(statusCounts, { id: 's' }), linesByStatusTable(statusCounts)],
  childRegionsRanked: () => [childRegionsRanked(children, { id: 'r' }), childRegionsRankedTable(children)],
  provinceTileMap: () => [provinceTileMap(completion, { id: 'm', measure: '完成率', unit: '%' }), provinceTileMapTable(completion, { measure: '完成率', unit: '%' })],
  nationalTrend: () => [nationalTrend(trend, { id: 'n' }), nationalTrendTable(trend)],
  capacityByYear: () => [capacityByYear(byYear, { id: 'y', industry: '煤炭' }), capacityByYearTable(byYear, { industry: '煤炭' })],
  capacityByProvince: () => [capacityByProvince(byProvince, { id: 'p', industry: '煤炭' }), capacityByProvinceTable(byProvince, { industry: '煤炭' })],
  statusTimeline: () => [statusTimeline(steps, { id: 'l', deadline: '2025-10' }), statusTimelineTable(steps)],
};

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** What a reader can see or hover: text content and tooltips, unescaped. */
function visibleText(svg: string): string {
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const tips = [...svg.matchAll(/data-tip="([^"]*)"/g)].map((m) => m[1]!);
  return unescape([...texts, ...tips].join('\n'));
}

/** A small well-formedness check: tags balance, attributes are quoted, no stray `<` or `&`. */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of svg.matchAll(tag)) {
    const between = svg.slice(last, m.index);
    expect(between, `text before <${m[2]}>`).not.toMatch(/[<>]|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
    last = m.index + m[0].length;
    if (m[1]) expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
  }
  expect(svg.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('every chart', () => {
  for (const [name, render] of Object.entries(charts)) {
    describe(name, () => {
      const [svg, table] = render();

      it('matches its snapshot', async () => {
        await expect(svg).toMatchFileSnapshot(`./__snapshots__/charts/${name}.svg`);
        await expect(chartTableToCsv(table)).toMatchFileSnapshot(`./__snapshots__/charts/${name}.csv`);
      });

      it('has role=img (group when it holds links), a title and a description it is labelled by', () => {
        const root = /^<svg [^>]*>/.exec(svg)![0];
        const id = /id="([^"]+)"/.exec(root)![1]!;
        // Links inside an img are unreachable (axe nested-interactive), so a chart with links is a named group.
        expect(root).toContain(svg.includes('<a ') ? 'role="group"' : 'role="img"');
        for (const a of svg.matchAll(/<a [^>]*>/g)) expect(a[0]).toMatch(/aria-label="[^"]+"/);
        expect(root).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
        expect(root).toContain('viewBox="0 0 ');
        expect(root).toContain('width="100%"');
        expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
        expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
      });

      it('is well-formed, deterministic, with coordinates rounded to one decimal', () => {
        expectWellFormed(svg);
        expect(render()[0]).toBe(svg);
        for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height|r)="(-?[\d.]+)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d)?$/);
        for (const m of svg.matchAll(/\s(?:d|points|transform)="([^"]*)"/g)) expect(m[1]).not.toMatch(/\d\.\d\d/);
      });

      it('prints every number and date of its table', () => {
        const shown = visibleText(svg);
        const values = table.rows.flatMap((row) =>
          table.columns.flatMap((c) => {
            const v = row[c.key];
            if (c.numeric && typeof v === 'number') return [formatNumber(v, 2)];
            if (c.date && typeof v === 'string') return [formatDate(v)];
            return [];
          }),
        );
        expect(values.length).toBeGreaterThan(0);
        for (const v of values) expect(shown).toContain(v);
      });

      it('uses no font smaller than 12 viewBox units', () => {
        for (const m of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
      });
    });
  }
});

describe('units are never added together', () => {
  // A region with a cement line (万吨) and a power unit (万千瓦), and coal counted in two units.
  const region: TargetEliminatedRow[] = [
    { industry: '水泥', unit: '万吨', year: 2024, target: 20, eliminated: 8 },
    { industry: '电力', unit: '万千瓦', year: 2024, target: 5, eliminated: 5 },
  ];

  it('draws a region with lines in two units as two panels, one per unit', () => {
    const svg = targetsVsEliminated(region, { id: 'two' });
    const panels = [...svg.matchAll(/<g class="panel" data-industry="([^"]+)" data-unit="([^"]+)">/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(panels).toEqual(['水泥/万吨', '电力/万千瓦']);
    expect(visibleText(svg)).toContain('水泥（万吨）');
    expect(visibleText(svg)).toContain('电力（万千瓦）');
    expect(visibleText(svg)).toContain('8万吨');
    expect(visibleText(svg)).toContain('5万千瓦');
    expect(visibleText(svg)).not.toContain('13'); // 8万吨 + 5万千瓦 is never computed
    expect(targetsVsEliminatedTable(region).rows).toHaveLength(2);
  });

  it('keeps one industry in two units apart too', () => {
    const coal: TargetEliminatedRow[] = [
      { industry: '煤炭', unit: '万吨', year: 2024, target: 90, eliminated: 60 },
      { industry: '煤炭', unit: '处', year: 2024, target: 3, eliminated: 2 },
    ];
    const svg = targetsVsEliminated(coal, { id: 'coal' });
    expect(svg.match(/class="panel"/g)).toHaveLength(2);
    expect(visibleText(svg)).toContain('煤炭（万吨）');
    expect(visibleText(svg)).toContain('煤炭（处）');
  });

  it('gives each unit its own panel in the trend and industry charts', () => {
    expect([...nationalTrend(trend, { id: 'n' }).matchAll(/class="panel" data-unit="([^"]+)"/g)].map((m) => m[1])).toEqual(['万吨', '万千瓦']);
    expect([...capacityByYear(byYear, { id: 'y', industry: '煤炭' }).matchAll(/class="panel" data-unit="([^"]+)"/g)].map((m) => m[1])).toEqual(['万吨', '处']);
    expect([...capacityByProvince(byProvince, { id: 'p', industry: '煤炭' }).matchAll(/class="panel" data-unit="([^"]+)"/g)].map((m) => m[1])).toEqual(['万吨', '处']);
  });
});

describe('text from data is escaped', () => {
  const evil = '<script>alert("x")</script>&';
  const rendered = {
    targets: targetsVsEliminated([{ industry: evil, unit: evil, year: 2024, target: 1, eliminated: 1 }], { id: 'e1' }),
    ranked: childRegionsRanked([{ code: '110000', name: evil, done: 1, total: 2 }], { id: 'e2', unit: evil }),
    ranked2: childRegionsRanked([{ code: '110000', name: evil, done: 1, total: 2 }], { id: 'e2b', href: () => `/x?a=1&b="${evil}` }),
    tilemap: provinceTileMap({ '110000': 5 }, { id: 'e3', measure: evil, unit: evil }),
    trend: nationalTrend([{ industry: evil, unit: evil, year: 2024, eliminated: 1 }], { id: 'e4' }),
    byYear: capacityByYear([{ unit: evil, year: 2024, eliminated: 1 }], { id: 'e5', industry: evil }),
    byProvince: capacityByProvince([{ unit: evil, code: '110000', name: evil, eliminated: 1 }], { id: 'e6', industry: evil }),
    status: linesByStatus({}, { id: 'e7', title: evil, desc: evil }),
    timeline: statusTimeline([{ status: 'planned', date: evil }], { id: 'e8', deadline: evil }),
  };
  for (const [name, svg] of Object.entries(rendered)) {
    it(`in ${name}: <script> appears only as &lt;script&gt;`, () => {
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('"x"');
      expect(svg).toContain('&lt;script&gt;');
      expectWellFormed(svg);
    });
  }

  it('escapeXml escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('rejects an id that could break out of its attribute', () => {
    expect(() => linesByStatus({}, { id: 'a" onload="x' })).toThrow(/图表 id/);
    expect(() => linesByStatus({}, { id: '1abc' })).toThrow(/须以字母开头/);
  });
});

describe('chartTableToCsv', () => {
  const table: ChartTable = {
    caption: '测试',
    columns: [
      { key: 'name', label: '地区', numeric: false },
      { key: 'value', label: '已淘汰产能', unit: '万吨', numeric: true },
    ],
    rows: [
      { name: '=HYPERLINK("http://x")', value: 12.5 },
      { name: '+1', value: 0 },
      { name: '-2', value: undefined },
      { name: '@SUM(A1)', value: 10000 },
      { name: '郑州市, "北区"', value: 3 },
    ],
  };

  it('writes UTF-8 with BOM, CRLF, headers with units, unformatted numbers', () => {
    const csv = chartTableToCsv(table);
    expect(csv.startsWith('\ufeff地区,已淘汰产能（万吨）\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(table.rows.length + 2);
  });

  it('prefixes formula-like text cells with an apostrophe and quotes what needs it', () => {
    const lines = chartTableToCsv(table).replace('\ufeff', '').trimEnd().split('\r\n');
    expect(lines.slice(1)).toEqual([`"'=HYPERLINK(""http://x"")",12.5`, "'+1,0", "'-2,", "'@SUM(A1),10000", '"郑州市, ""北区""",3']);
  });

  it('is exactly the numbers of the chart table', () => {
    expect(chartTableToCsv(linesByStatusTable(statusCounts))).toBe('\ufeff状态,数量（条）\r\n计划淘汰,12\r\n已关停,5\r\n已封存,2\r\n已拆除,7\r\n已验收,21\r\n未完成,1\r\n');
  });

  it('formats cells for pages: Chinese numbers and dates, 不详 for unknown', () => {
    expect(formatTableCell({ key: 'v', label: 'v', numeric: true }, 12345.5)).toBe('12,345.5');
    expect(formatTableCell({ key: 'd', label: 'd', numeric: false, date: true }, '2025-04-28')).toBe('2025年4月28日');
    expect(formatTableCell({ key: 'v', label: 'v', numeric: true }, undefined)).toBe('不详');
  });
});

describe('linesByStatus', () => {
  it('always shows the six statuses in order, with fixed colours', () => {
    const svg = linesByStatus({ accepted: 3 }, { id: 's' });
    const order = [...svg.matchAll(/class="mark status-(\w+)"[^>]*fill="(#\w+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(order).toEqual(['planned:#56B4E9', 'shutdown:#E69F00', 'sealed:#CC79A7', 'dismantled:#0072B2', 'accepted:#009E73', 'incomplete:#D55E00']);
    expect(visibleText(svg)).toContain('已验收：3条');
    expect(linesByStatusTable({ accepted: 3 }).rows.map((r) => r['count'])).toEqual([0, 0, 0, 0, 3, 0]);
  });
});

describe('childRegionsRanked', () => {
  it('ranks by completion whatever the input order, regions without a plan last', () => {
    const names = (rows: RegionCompletionRow[]) => childRegionsRankedTable(rows).rows.map((r) => r['name']);
    expect(names(children)).toEqual(['郑州市', '楚雄彝族自治州', '随州市', '咸安区', '临淄区']);
    expect(childRegionsRanked([...children].reverse(), { id: 'r' })).toBe(childRegionsRanked(children, { id: 'r' }));
  });

  it('labels each bar with % and counts and links each region', () => {
    const svg = childRegionsRanked(children, { id: 'r' });
    expect(visibleText(svg)).toContain('66.7%（2/3条）');
    expect(visibleText(svg)).toContain('无计划（0/0条）');
    expect(svg).toContain('<a href="/regions/532300/" aria-label="楚雄彝族自治州：75%（3/4条）">');
  });
});

describe('provinceTileMap', () => {
  const svg = provinceTileMap(completion, { id: 'm', measure: '完成率', unit: '%' });

  it('draws 34 tiles, each a link to its region page', () => {
    const links = [...svg.matchAll(/<a href="\/regions\/(\d{6})\/"/g)].map((m) => m[1]);
    expect(links).toHaveLength(34);
    expect(new Set(links).size).toBe(34);
    for (const code of ['110000', '650000', '810000', '820000', '710000']) expect(links).toContain(code);
    expect(CHINA_TILES.tiles.filter((t) => !t.noData)).toHaveLength(31);
  });

  it('marks Hong Kong, Macau, Taiwan and provinces without data as 无数据, hatched', () => {
    for (const code of ['810000', '820000', '710000', '120000']) {
      expect(svg).toMatch(new RegExp(`class="tile mark no-data" data-code="${code}"[^>]*data-tip="[^"]*无数据"><rect[^>]*fill="url\\(#m-nodata\\)"`));
    }
    expect(svg).not.toMatch(/class="tile mark no-data" data-code="650000"/); // 0% is data, not 无数据
    const noData = provinceTileMap({ '810000': 50 }, { id: 'h', measure: '完成率', unit: '%' });
    expect(noData).toMatch(/class="tile mark no-data" data-code="810000"/);
  });

  it('has no two tiles in one cell and a legend with the unit', () => {
    const cells = CHINA_TILES.tiles.map((t) => `${t.col},${t.row}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(visibleText(svg)).toContain('完成率（%）');
  });

  it('accepts another layout and no links', () => {
    const layout = { cols: 1, rows: 1, tiles: [{ code: '110000', short: '北京', name: '北京市', col: 0, row: 0 }] };
    const one = provinceTileMap({ '110000': 5 }, { id: 'one', measure: '已淘汰产能', unit: '万吨', layout, href: () => undefined });
    expect(one).not.toContain('<a ');
    expect(one.match(/class="tile mark"/g)).toHaveLength(1);
  });
});

describe('statusTimeline', () => {
  const svg = statusTimeline(steps, { id: 'l', deadline: '2025-10' });

  it('shows dates in Chinese and unknown dates as such, without inventing one', () => {
    const shown = visibleText(svg);
    expect(shown).toContain('2025年4月28日');
    expect(shown).toContain('已封存：日期不详');
    expect(shown).toContain('日期不详（2025年3月20日公告）');
    expect(shown).toContain('淘汰时限：2025年10月');
    expect(statusTimelineTable(steps).rows).toEqual([
      { status: '计划淘汰', date: undefined },
      { status: '已关停', date: '2025-04-28' },
      { status: '已封存', date: undefined },
      { status: '已拆除', date: '2025-10-15' },
      { status: '已验收', date: '2025-11-30' },
    ]);
  });

  it('places dated steps in time order down the axis', () => {
    const cy = [...svg.matchAll(/<circle class="mark" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cy).toHaveLength(5);
    expect([...cy].sort((a, b) => a - b)).toEqual(cy);
  });

  it('draws a line with no dates at all', () => {
    const none = statusTimeline([{ status: 'planned' }, { status: 'incomplete' }], { id: 'none' });
    expect(visibleText(none)).toContain('未完成：日期不详');
    expectWellFormed(none);
  });
});

describe('capacityByYearAndProvince', () => {
  it('returns both charts of an industry page with their tables and derived ids', () => {
    const both = capacityByYearAndProvince({ byYear, byProvince }, { id: 'coal', industry: '煤炭' });
    expect(both.byYear.svg).toContain('id="coal-year"');
    expect(both.byProvince.svg).toContain('id="coal-province"');
    expect(both.byYear.table.rows).toHaveLength(6);
    expect(both.byProvince.table.rows.map((r) => r['name'])).toEqual(['山西省', '河南省', '新疆维吾尔自治区', '山西省']);
  });
});

describe('empty data', () => {
  it('renders every chart with a 暂无 note', () => {
    const empty = [
      targetsVsEliminated([], { id: 'a' }),
      childRegionsRanked([], { id: 'b' }),
      nationalTrend([], { id: 'c' }),
      capacityByYear([], { id: 'd', industry: '水泥' }),
      capacityByProvince([], { id: 'e', industry: '水泥' }),
      statusTimeline([], { id: 'f' }),
    ];
    for (const svg of empty) {
      expectWellFormed(svg);
      expect(visibleText(svg)).toMatch(/暂无/);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});
