/**
 * The watchlists (src/derive/watchlists.ts), their CSVs and feeds (src/output/watchlists.ts) and
 * their pages' data (src/site/pages/watchlist.ts): on the sample record, the fixture site's data
 * root, and a synthetic record of 1,000 lines checked against the rules written out plainly.
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.ts';
import { deriveWatchlists, WATCHLIST_KINDS } from '../../src/derive/watchlists.ts';
import { FEED_ENTRIES } from '../../src/output/feed.ts';
import { watchlistFeed, watchlistFiles, watchlistTable } from '../../src/output/watchlists.ts';
import { WATCHLIST_PAGE_ROWS, watchlistPage, watchlistsIndexPage } from '../../src/site/pages/watchlist.ts';
import { cellText } from '../../src/site/table.ts';
import { BASIC_DATA, modelOf, SAMPLE_DATA, synthModel } from '../support/models.ts';

const SITE = new URL('https://phaseout.example.gov.cn/');
/** National lists with and without a national completion list to expect their completion in. */
const DEADLINES = new URL('../fixtures/valid/deadline-verdicts/data', import.meta.url).pathname;
const sample = modelOf(SAMPLE_DATA).model;
const basic = modelOf(BASIC_DATA).model;
const synth = synthModel(1000).model;
const keys = (model: Model, kind: (typeof WATCHLIST_KINDS)[number]) => model.watchlists[kind].items.map((i) => i.key);

describe('the watchlists of the sample record', () => {
  it('not dismantled: the Linzi lines shut down at the end of 2025, dated by the announcement since the list gives no date', () => {
    const items = sample.watchlists['not-dismantled'].items;
    const lz1 = items.find((i) => i.key === '37:LZ-2025-001')!;
    expect(lz1).toMatchObject({ stopped: 'shutdown', since: '2025-12-31', dated: false, days: 58, announcementId: '2025-370305-completion' });
    expect(items.every((i) => i.line.status === 'shutdown' || i.line.status === 'sealed' || i.line.status === 'incomplete')).toBe(true);
    expect(sample.watchlists['not-dismantled'].byRegion.get('370305')).toBe(items.length);
  });

  it('overdue: Linzi’s plan lines its 2025 completion list left out, not the 2011 national list (未见完成公告), longest overdue first', () => {
    const items = sample.watchlists.overdue.items;
    expect(items.length).toBe(sample.lines.filter((l) => l.overdue).length);
    expect(items.map((i) => i.key)).toEqual(['37:LZ-2025-012', '37:LZ-2025-013', '37:LZ-2025-014']);
    expect(items[0]!.days).toBe(58);
    expect(items.some((i) => i.key.includes('MIIT-2011'))).toBe(false);
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.days).toBeGreaterThanOrEqual(items[i]!.days);
  });

  it('capacity changed: the Taiyuan correction, 30 to 40万吨 and 1.2 to 1.8万吨', () => {
    const items = sample.watchlists['capacity-changed'].items;
    expect(items.map((i) => i.key).sort()).toEqual(['14:TY-2025-002', '14:TY-2025-003']);
    const ty2 = items.find((i) => i.key === '14:TY-2025-002')!;
    expect(ty2.changes).toEqual([{ from: { capacity: 30, unit: '万吨', announcementId: '2025-140100-plan', published: '2025-04-25' }, to: { capacity: 40, unit: '万吨', announcementId: '2025-140100-plan-2', published: '2025-05-12' } }]);
  });

  it('relisted: no enterprise of the sample is listed in two years', () => {
    expect(sample.watchlists.relisted.items).toEqual([]);
    expect(sample.watchlists.relisted.byRegion.get('000000')).toBe(0);
  });
});

describe('the watchlists of the fixture data root', () => {
  it('lists what the fixture holds, with days counted to the as-of date', () => {
    expect(basic.asOf).toBe('2025-04-01');
    const nd = basic.watchlists['not-dismantled'].items;
    expect(nd.map((i) => [i.key, i.since, i.dated, i.days])).toEqual([['42:XA-003', '2024-05-01', true, 335], ['37:ZB-002', '2025-02-01', true, 59]]);
    expect(keys(basic, 'overdue')).toEqual(['42:XA-003']);
    expect(basic.watchlists.overdue.items[0]!.days).toBe(275);
    expect(keys(basic, 'capacity-changed')).toEqual(['42:XA-002']);
    const rl = basic.watchlists.relisted.items;
    expect(rl.map((i) => [i.enterprise.name, i.years, i.newAfterCompletion, i.date])).toEqual([['咸宁示例电石有限公司', [2024, 2025], false, '2025-03-01']]);
  });
});

describe('the watchlists of a synthetic record of 1,000 lines follow their rules exactly', () => {
  const w = synth.watchlists;

  it('not dismantled = lines shut down or sealed now, or judged incomplete after a shutdown', () => {
    const expected = synth.lines.filter((l) => l.status === 'shutdown' || l.status === 'sealed' || (l.status === 'incomplete' && l.timeline.some((s) => s.status === 'shutdown'))).map((l) => l.key);
    expect(keys(synth, 'not-dismantled').sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(20);
    for (const i of w['not-dismantled'].items) expect(i.since <= synth.asOf).toBe(true);
  });

  it('overdue = the model’s overdue lines', () => {
    expect(keys(synth, 'overdue').sort()).toEqual(synth.lines.filter((l) => l.overdue).map((l) => l.key).sort());
  });

  it('capacity changed = lines two of whose announcements give different capacities or units', () => {
    const expected = synth.lines.filter((l) => new Set(l.mentions.filter((m) => m.row.capacity !== undefined).map((m) => `${m.row.capacity}${m.row.capacity_unit}`)).size > 1).map((l) => l.key);
    // A capacity that changes and changes back counts too: the set may be smaller than the changes.
    expect(keys(synth, 'capacity-changed').sort()).toEqual(expect.arrayContaining(expected.sort()));
    expect(expected.length).toBeGreaterThan(0);
  });

  it('relisted = enterprises listed in two or more programme years; new lines after a completion first', () => {
    const expected = synth.enterprises.filter((e) => new Set(e.lines.flatMap((l) => l.mentions.map((m) => m.year))).size > 1).map((e) => e.key);
    expect(keys(synth, 'relisted').sort()).toEqual(expected.sort());
    const items = w.relisted.items;
    const firstOld = items.findIndex((i) => !i.newAfterCompletion);
    expect(items.slice(firstOld).every((i) => !i.newAfterCompletion)).toBe(true);
    for (const i of items.filter((x) => x.newAfterCompletion)) {
      const done = Math.min(...i.enterprise.lines.flatMap((l) => (l.completedYear === undefined ? [] : [l.completedYear])));
      expect(i.enterprise.lines.some((l) => l.mentions[0]!.year > done)).toBe(true);
    }
  });

  it('counts per region add up: the nation counts every item, the provinces share them', () => {
    for (const kind of WATCHLIST_KINDS) {
      const list = w[kind];
      expect(list.byRegion.get('000000')).toBe(list.items.length);
      const provinces = (synth.childrenOf.get('000000') ?? []).reduce((n, c) => n + (list.byRegion.get(c) ?? 0), 0);
      expect(provinces).toBe(list.items.length);
    }
  });

  it('are derived in one pass: four times the record is about four times the work', () => {
    // The same lines and enterprises k times over: the same shape at 4 and 16 times the size.
    const times = (k: number) => ({ ...synth, lines: Array.from({ length: k }, () => synth.lines).flat(), enterprises: Array.from({ length: k }, () => synth.enterprises).flat() });
    const steps = (k: number) => {
      const probe = { steps: 0 };
      const w = deriveWatchlists(times(k), probe);
      return { probe: probe.steps, items: WATCHLIST_KINDS.reduce((n, kind) => n + w[kind].items.length, 0) };
    };
    const small = steps(4);
    const large = steps(16);
    expect(large.items).toBe(4 * small.items);
    // Linear is 4 (a little more for the sorts' comparisons, n log n); quadratic would be 16.
    expect(large.probe / small.probe).toBeGreaterThanOrEqual(4);
    expect(large.probe / small.probe).toBeLessThan(5);
  });
});

describe('the watchlists’ CSVs and feeds', () => {
  it('a CSV holds the whole list in its order, one row per item', () => {
    for (const kind of WATCHLIST_KINDS) {
      const { header, rows } = watchlistTable(synth, kind);
      expect(rows.length).toBe(synth.watchlists[kind].items.length);
      for (const r of rows) expect(r.length).toBe(header.length);
    }
    const nd = watchlistTable(basic, 'not-dismantled');
    expect(Object.fromEntries(nd.header.map((h, i) => [h, nd.rows[0]![i]]))).toMatchObject({ line_key: '42:XA-003', enterprise_key: '91421202MA49ABCDXM', status: 'shutdown', since: '2024-05-01', since_is_event_date: 'true', days: 335 });
  });

  it('a feed carries the newest entries, at most as many as the site’s feeds, dated by the data', () => {
    for (const kind of WATCHLIST_KINDS) {
      const xml = watchlistFeed(synth, kind, SITE);
      const entries = xml.match(/<entry>/g)?.length ?? 0;
      expect(entries).toBe(Math.min(FEED_ENTRIES, synth.watchlists[kind].items.length));
      const dates = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]*)<\/updated>/g)].map((m) => m[1]!);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="https://phaseout.example.gov.cn/watchlists/${kind}/feed.xml"/>`);
    }
    const xml = watchlistFeed(basic, 'capacity-changed', SITE);
    expect(xml).toContain('<title>咸宁示例电石有限公司 1×6000KVA电石炉</title>');
    expect(xml).toContain('产能由 1.5万吨 变为 1.6万吨');
    expect(xml).toContain('<updated>2025-03-10T00:00:00+08:00</updated>');
  });

  it('every list has its CSV and feed among the site files', () => {
    expect([...watchlistFiles(basic, SITE)].map((f) => f.path)).toEqual(WATCHLIST_KINDS.flatMap((k) => [`/data/watchlists/${k}.csv`, `/watchlists/${k}/feed.xml`]));
  });
});

describe('the watchlist pages’ data', () => {
  it('the index lists the four lists with their counts', () => {
    const page = watchlistsIndexPage(basic);
    expect(page.lists.map((l) => [l.kind, l.count])).toEqual([['not-dismantled', 2], ['overdue', 1], ['capacity-changed', 1], ['relisted', 1]]);
  });

  it('a page gives the rule, its policy source, counts per province and the first items', () => {
    const page = watchlistPage(basic, 'not-dismantled');
    expect(page.title).toBe('已关停但未彻底拆除');
    expect(page.policyHref).toBe('/policies/suizhou-2024-exit-plan/');
    expect(page.regions).toEqual([{ code: '370000', name: '山东省', href: '/regions/370000/', count: 1 }, { code: '420000', name: '湖北省', href: '/regions/420000/', count: 1 }]);
    expect(page.table.rows[0]!.cells.map(cellText)).toEqual(['湖北示例水泥股份有限公司', 'Φ3×11m机立窑生产线', '咸安区', '已关停', '2024年5月1日', '335', '咸安区2024年淘汰落后产能完成名单']);
    expect(page.table.rows[0]!.cells[0]!.parts[0]!.href).toBe('/enterprises/91421202MA49ABCDXM/');
    expect(page.regionTable.rows.map((r) => r.cells.map(cellText))).toEqual([['山东省', '1'], ['湖北省', '1'], ['共计', '2']]);
    expect(page.breadcrumbs).toEqual([{ name: '监督清单', href: '/watchlists/' }, { name: '已关停但未彻底拆除' }]);
    expect(page.truncated).toBeUndefined();
  });

  it('a national page lists the nation’s own items under 全国', () => {
    const page = watchlistPage(modelOf(DEADLINES).model, 'overdue');
    expect(page.regions.find((r) => r.code === '000000')).toMatchObject({ name: '全国' });
    expect(page.regions.reduce((n, r) => n + r.count, 0)).toBe(page.count);
  });

  it('a page stays sized for readers: at most 200 items, and it says where the rest are', () => {
    const big = synth.watchlists.relisted.items.length > WATCHLIST_PAGE_ROWS ? synth : synthModel(3000).model;
    const page = watchlistPage(big, 'relisted');
    expect(page.count).toBeGreaterThan(WATCHLIST_PAGE_ROWS);
    expect(page.table.rows.length).toBe(WATCHLIST_PAGE_ROWS);
    expect(page.truncated).toBe(`共 ${page.count} 条，这里列出前 ${WATCHLIST_PAGE_ROWS} 条；完整清单请下载 CSV。`);
  }, 60_000);
});
