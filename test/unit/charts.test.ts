import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CHINA_TILES,
  capacityByProvince,
  capacityByYear,
  capacityByYearAndProvince,
  chartTableToCsv,
  childRegionsRanked,
  childRegionsRankedTable,
  escapeXml,
  formatTableCell,
  linesByStatus,
  linesByStatusTable,
  nationalTrend,
  provinceTileMap,
  statusTimeline,
  statusTimelineTable,
  targetsVsEliminated,
  targetsVsEliminatedTable,
  type ChartTable,
  type RegionCompletionRow,
  type TargetEliminatedRow,
} from '../../src/charts/index.ts';
import { formatDate, formatNumber } from '../../src/i18n/format.ts';
import { MIN_BOX_PX, MIN_TEXT_PX, TALL, minFontSize, textWidth, wrapText } from '../../src/charts/svg.ts';
import { thinLabels } from '../../src/charts/axes.ts';
import { CHART_CASES, byProvince, byYear, children, completion, statusCounts, steps, trend } from './charts-cases.ts';
import { expectSvgSnapshot, prettySvg } from './charts-snapshot.ts';
import { textBoxes, overlaps } from './charts-layout.ts';

const SNAPSHOTS = fileURLToPath(new URL('./__snapshots__/charts/', import.meta.url));

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
  for (const [name, render] of Object.entries(CHART_CASES)) {
    describe(name, () => {
      const [svg, table] = render();

      it('matches its snapshot', async () => {
        expectSvgSnapshot(svg, `${SNAPSHOTS}${name}.svg`);
        await expect(chartTableToCsv(table)).toMatchFileSnapshot(`./__snapshots__/charts/${name}.csv`);
      });

      it('has role=img (group when it holds links), a visible title, and is named by its title and described by its desc', () => {
        const root = /^<svg [^>]*>/.exec(svg)![0];
        const id = /id="([^"]+)"/.exec(root)![1]!;
        // Links inside an img are unreachable (axe nested-interactive), so a chart with links is a named group.
        expect(root).toContain(svg.includes('<a ') ? 'role="group"' : 'role="img"');
        for (const a of svg.matchAll(/<a [^>]*>/g)) expect(a[0]).toMatch(/aria-label="[^"]+"/);
        expect(root).toContain(`aria-labelledby="${id}-title"`);
        expect(root).toContain(`aria-describedby="${id}-desc"`);
        expect(root).toContain('viewBox="0 0 ');
        expect(root).toContain('width="100%"');
        const title = new RegExp(`<title id="${id}-title">([^<]+)</title>`).exec(svg)![1]!;
        expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
        // The visible title says the same words, over one or more lines.
        const shown = /<g class="chart-title" aria-hidden="true">(.*?)<\/g>/.exec(svg)![1]!;
        expect([...shown.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('')).toBe(title.replace(/\s+/g, ''));
      });

      it('is well-formed, deterministic, with coordinates rounded to one decimal', () => {
        expectWellFormed(svg);
        expect(render()[0]).toBe(svg);
        for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height|r)="(-?[\d.]+)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d)?$/);
        for (const m of svg.matchAll(/\s(?:d|points|transform)="([^"]*)"/g)) expect(m[1]).not.toMatch(/\d\.\d\d/);
        expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      });

      it('prints every number and date of its table, or says that the table has the rest', () => {
        const shown = visibleText(svg);
        if (table.rows.length === 0) return void expect(shown).toMatch(/暂无/);
        if (/class="(chart-note|bar-gap)"/.test(svg)) return void expect(shown).toMatch(/见数据表/);
        const values = table.rows.flatMap((row) =>
          table.columns.flatMap((c) => {
            const v = row[c.key];
            if (c.numeric && typeof v === 'number') return [formatNumber(v, 2)];
            if (c.date && typeof v === 'string') return [formatDate(v)];
            return [];
          }),
        );
        for (const v of values) expect(shown).toContain(v);
      });

      it(`renders no text under ${MIN_TEXT_PX} px in a ${MIN_BOX_PX} px box (a 375 px phone)`, () => {
        const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
        const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(sizes.length).toBeGreaterThan(0);
        for (const size of sizes) expect(size).toBeGreaterThanOrEqual(minFontSize(width));
      });

      it('keeps every text inside the chart and clear of every other text (by the width estimate)', () => {
        const boxes = textBoxes(svg);
        const [w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
        for (const b of boxes) {
          expect(b.x0, `"${b.text}" starts left of the chart`).toBeGreaterThanOrEqual(0);
          expect(b.x1, `"${b.text}" runs past the right edge`).toBeLessThanOrEqual(w);
          expect(b.y0, `"${b.text}" above the chart`).toBeGreaterThanOrEqual(0);
          expect(b.y1, `"${b.text}" below the chart`).toBeLessThanOrEqual(h);
        }
        expect(overlaps(boxes).map(([a, b]) => `"${a.text}" × "${b.text}"`)).toEqual([]);
      });

      it(`is at most about ${TALL} units (a screen and a half on a phone) tall, with its title, legend and note`, () => {
        const h = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)![1]);
        expect(h).toBeLessThan(TALL + 150);
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
    expect(lines.slice(1)).toEqual([`"'=HYPERLINK(""http://x"")",12.5`, `"'+1",0`, `"'-2",`, `"'@SUM(A1)",10000`, '"郑州市, ""北区""",3']);
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

/** The `<text>` contents of `svg`, unescaped, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));
const render = (name: string) => CHART_CASES[name]!()[0];

describe('a series with one point is bars or a sentence, never a lone mark', () => {
  it('draws one year of several industries as labelled bars, not markers on a line chart', () => {
    const svg = render('nationalTrend-one-year');
    expect(svg).not.toMatch(/class="series"/);
    expect(svg.match(/<rect class="mark"/g)).toHaveLength(4);
    expect(texts(svg)).toEqual(expect.arrayContaining(['2025年', '炼铁', '33万吨']));
  });

  it('says one year of one industry in a sentence', () => {
    for (const svg of [render('nationalTrend-one-point'), render('capacityByYear-one-year')]) {
      expect(svg).not.toMatch(/<rect class="mark"|class="series"/);
      expect(texts(svg).join('')).toMatch(/2025年.*已淘汰8万吨/);
    }
    const one = render('capacityByProvince-one');
    expect(one).not.toMatch(/<rect class="mark"/);
    expect(texts(one)).toEqual(expect.arrayContaining(['湖北省', '已淘汰8万吨']));
  });

  it('says a target panel with one known value in a sentence, and keeps bars where two values compare', () => {
    const svg = render('targetsVsEliminated-one-value');
    expect(texts(svg)).toContain('目标不详，已淘汰1.8万吨');
    expect(svg.match(/<rect class="mark target"/g)).toHaveLength(1); // 煤炭: a target of 20,000 against 0
  });
});

describe('bars', () => {
  it('are never wider than 40 units, however few years there are', () => {
    const widths = [...render('capacityByYear-two-years').matchAll(/<rect class="mark" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    for (const w of widths) expect(w).toBeLessThanOrEqual(40);
  });

  it('are never thicker than a label, however few there are', () => {
    for (const name of ['linesByStatus-one-bar', 'childRegionsRanked-one', 'targetsVsEliminated-100']) {
      for (const m of render(name).matchAll(/<rect class="mark[^"]*" [^>]*height="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(18);
    }
  });
});

describe('every chart has a visible title', () => {
  it('wraps a long title within the width, digits kept together', () => {
    const svg = render('targetsVsEliminated-long-labels');
    const title = /<g class="chart-title"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    expect(texts(title).length).toBeGreaterThan(1);
    expect(texts(title).join('')).toBe('克孜勒苏柯尔克孜自治州阿合奇县目标与已淘汰产能（各行业按各自单位）');
  });

  it('names the status and sub-region charts on the page as well as for screen readers', () => {
    expect(texts(linesByStatus(statusCounts, { id: 's', title: '湖北省各状态设备/生产线数' }))[0]).toBe('湖北省各状态设备/生产线数');
    expect(texts(childRegionsRanked(children, { id: 'r', title: '湖北省下级地区完成率排名' }))[0]).toBe('湖北省下级地区完成率排名');
  });
});

describe('wrapText', () => {
  it('breaks Chinese anywhere but keeps numbers whole and never starts a line with closing punctuation', () => {
    const lines = wrapText('已淘汰产能12,345.67万吨，其中2025年淘汰了很多', 100, 14);
    for (const l of lines) expect(textWidth(l, 14)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toBe('已淘汰产能12,345.67万吨，其中2025年淘汰了很多');
    expect(lines.some((l) => l.includes('12,345.67'))).toBe(true);
    for (const l of lines) expect(l).not.toMatch(/^[，。、；：）]/);
  });
});

describe('axis labels never collide', () => {
  it('thins labels that would touch, counting back from the latest', () => {
    expect(thinLabels(10, 50, 30)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(thinLabels(10, 20, 30)).toEqual([1, 3, 5, 7, 9]);
    expect(thinLabels(10, 10, 30)).toEqual([1, 5, 9]);
  });

  it('labels 2024 and 2025 apart, and always the latest year', () => {
    for (const name of ['nationalTrend-adjacent-years', 'capacityByYear-two-years']) expect(texts(render(name))).toEqual(expect.arrayContaining(['2024', '2025']));
    const many = texts(render('capacityByYear-many')).filter((t) => /^\d{4}$/.test(t));
    expect(many[many.length - 1]).toBe('2025');
    expect(many.length).toBeLessThan(25);
    // Every case is also checked for overlapping texts, above and in the browser.
  });

  it('ends the legend of a completion map at 100 %, not at the last break', () => {
    const legend = /<g class="legend">(.*?)<\/g>/.exec(render('provinceTileMap'))![1]!;
    expect(texts(legend)).toEqual(['完成率（%）', '0', '20', '40', '60', '80', '100', '无数据']);
    const capacity = texts(/<g class="legend">(.*?)<\/g>/.exec(render('provinceTileMap-capacity'))![1]!);
    expect(capacity[capacity.length - 2]).toBe('2.5万'); // the domain's rounded top, abbreviated to fit
  });
});

describe('tall charts are summarised, the table keeps every number', () => {
  it('draws the targets of the industries with the most lines that fit, the latest years, and says what it leaves out', () => {
    const svg = render('targetsVsEliminated-many');
    const panels = [...svg.matchAll(/class="panel" data-industry="([^"]+)"/g)].map((m) => m[1]);
    expect(panels).toEqual(['水泥', '炼铁', '炼钢', '焦炭']);
    expect(texts(svg).filter((t) => /^\d{4}年$/.test(t))).toEqual(Array(4).fill(['2022年', '2023年', '2024年', '2025年']).flat());
    expect(texts(svg).join('')).toContain('另有17个行业（单位）未画出；每个行业只画最近4个年度，全部数值见数据表。');
    expect(/<desc[^>]*>([^<]*)</.exec(svg)![1]).toContain('共21个分图');
  });

  it('ranks many regions as the first ten and the last five, and says how many lie between', () => {
    const svg = render('childRegionsRanked-many');
    expect(svg.match(/<rect class="mark"/g)).toHaveLength(15);
    expect(texts(svg).join('')).toContain('…… 其间另有16个地区，见数据表');
  });

  it('draws the ten largest provinces and the five largest industries of a unit', () => {
    expect(render('capacityByProvince-many').match(/<rect class="mark"/g)).toHaveLength(10);
    expect(render('nationalTrend-many').match(/class="series"/g)).toHaveLength(5);
    expect(texts(render('nationalTrend-many')).join('')).toContain('另有11个行业未画出');
  });

  it('grows no taller with the record, past its limit', () => {
    const height = (svg: string) => Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)![1]);
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ industry: `行业${i}`, unit: '万吨', year: 2016 + (i % 10), target: 10 + i, eliminated: 5 + i }));
    expect(height(targetsVsEliminated(rows(40), { id: 'a' }))).toBe(height(targetsVsEliminated(rows(400), { id: 'a' })));
  });
});

describe('dates on the timeline', () => {
  const marks = (svg: string) => {
    const axis = /<g class="axis">(.*?)<\/g>/.exec(svg)![1]!;
    return {
      rules: [...axis.matchAll(/<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/g)].map((m) => Number(m[1])).slice(1),
      labels: [...axis.matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ y: Number(m[1]), label: m[2]! })),
    };
  };
  const dots = (svg: string) => [...svg.matchAll(/<circle class="mark" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
  const deadline = (svg: string) => Number(/<g class="deadline">(?:<polyline[^>]*>)?<line class="mark" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/.exec(svg)![1]);
  /** The label of the period between the two rules around `y`. */
  const periodAt = (svg: string, y: number) => {
    const { rules, labels } = marks(svg);
    const above = Math.max(...rules.filter((r) => r <= y));
    const below = Math.min(...rules.filter((r) => r > y));
    return labels.find((l) => l.y > above && l.y < below)?.label;
  };

  it('puts a deadline of December 2011 in December, not on the 2012 boundary', () => {
    const svg = render('statusTimeline-one');
    expect(periodAt(svg, deadline(svg))).toBe('12月');
    expect(marks(svg).labels.map((l) => l.label)).toEqual(['2011年7月', '8月', '9月', '10月', '11月', '12月']);
  });

  it('puts 2025-12-31 in 2025 and 2026-01-01 in 2026', () => {
    const svg = render('statusTimeline-year-end');
    const [, dec31, jan1] = dots(svg);
    expect(periodAt(svg, dec31!)).toBe('2025年');
    expect(periodAt(svg, jan1!)).toBe('2026年');
    expect(dec31).toBeLessThan(jan1!);
  });

  it('labels periods, never an instant: each label lies midway between two rules', () => {
    for (const name of ['statusTimeline', 'statusTimeline-years', 'statusTimeline-year-end']) {
      const svg = render(name);
      const { labels, rules } = marks(svg);
      for (const l of labels) expect(rules.some((r) => Math.abs(r - l.y) < 1)).toBe(false);
    }
  });

  it('draws the same bytes in any time zone', () => {
    const before = process.env.TZ;
    const all = () => Object.keys(CHART_CASES).filter((n) => n.startsWith('statusTimeline')).map(render).join('');
    const shanghai = all();
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(new Date(2025, 11, 31).getTimezoneOffset()).not.toBe(-480);
        expect(all()).toBe(shanghai);
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('snapshots', () => {
  it('pretty-prints one element a line, indented, geometry rounded', () => {
    expect(prettySvg('<svg viewBox="0 0 1.25 2"><g class="a"><text x="1.234" data-tip="1.234">1.234</text><rect width="3.456"/></g></svg>')).toBe(
      '<svg viewBox="0 0 1.3 2">\n  <g class="a">\n    <text x="1.2" data-tip="1.234">1.234</text>\n    <rect width="3.5"/>\n  </g>\n</svg>\n',
    );
  });

  it('writes <name>-changed.svg beside a snapshot that differs, and fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charts-snapshot-'));
    const file = join(dir, 'x.svg');
    writeFileSync(file, prettySvg('<svg><text x="1">old</text></svg>'));
    expect(() => expectSvgSnapshot('<svg><text x="1">new</text></svg>', file, 'new')).toThrow(/x-changed\.svg/);
    expect(readFileSync(join(dir, 'x-changed.svg'), 'utf8')).toContain('new');
    expectSvgSnapshot('<svg><text x="1">old</text></svg>', file, 'new');
    expect(existsSync(join(dir, 'x-changed.svg'))).toBe(false);
    rmSync(dir, { recursive: true });
  });
});
