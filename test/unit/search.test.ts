import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildModel, type Model } from '../../src/derive/model.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { fold } from '../../src/search/fold.ts';
import { traditionalToSimplified } from '../../src/search/t2s.ts';
import { collectSearchData } from '../../src/search/collect.ts';
import { buildGrams } from '../../src/search/grams.ts';
import { writeNameIndex } from '../../src/search/write-index.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { checkRecall } from '../../tools/bench/search.ts';
import { writeSynth } from '../../tools/synth.ts';

const ts = traditionalToSimplified();
const engineFor = (site: string) => SearchEngine.open(async (p) => (existsSync(join(site, p)) ? new Uint8Array(readFileSync(join(site, p))) : undefined));

describe('what a citizen types meets what an office wrote', () => {
  test('width, case, spaces, punctuation and brackets fold away; Traditional becomes Simplified', () => {
    expect(fold('９１４２１２０２ ma49-abcd xm', ts)).toBe('91421202ma49abcdxm');
    expect(fold('国发[2025]7号', ts)).toBe(fold('国发〔2025〕7号', ts));
    expect(fold('*ST株冶（集团）', ts)).toBe('st株冶集团');
    expect(fold('鹹寧示例電石有限公司', ts)).toBe('咸宁示例电石有限公司');
  });
});

describe('the name index on the fixture record', () => {
  let site: string;
  let engine: SearchEngine;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'phaseout-search-'));
    writeNameIndex(buildModel(validateDataRoot('test/fixtures/site/basic')), [], site);
    engine = await engineFor(site);
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  test('an exact credit-code hit is listed once; a code that exists nowhere lists nothing and says so', async () => {
    const hit = await engine.search('91421202 ma49 abcd xm');
    expect([hit.total, hit.items.map((i) => i.title)]).toEqual([1, ['湖北示例水泥股份有限公司']]);
    expect(hit.items[0]!.reason).toMatchObject({ label: 'credit', text: '91421202MA49ABCDXM' });
    const miss = await engine.search('91421202MA49ABCDX0');
    expect([miss.total, miss.items.length, miss.others.length, miss.codeMiss]).toEqual([0, 0, 0, true]);
  });

  test('results rank the exact name, then names starting with the query, then the rest', async () => {
    const o = await engine.search('咸宁示例');
    expect(o.items.map((i) => i.title)).toEqual(['咸宁示例电石有限公司', '咸宁示例铁合金厂']);
    const all = await engine.search('示例');
    expect(all.total).toBe(6);
    expect(all.facets.province).toEqual([{ value: '山东省', count: 3 }, { value: '湖北省', count: 3 }]);
    const hubei = await engine.search('示例', { province: '湖北省', status: '已关停' });
    expect(hubei.items.map((i) => i.title)).toEqual(['湖北示例水泥股份有限公司']);
  });

  test('an equipment word finds the enterprises with that equipment, and says so', async () => {
    const o = await engine.search('高炉');
    const hit = o.items.find((i) => i.title === '淄博示例物资贸易有限公司');
    expect(hit?.reason.label).toBe('equipment');
    expect(hit?.reason.text).toContain('高炉');
    expect(o.byName).toBe(0);
  });

  test('a document number in another bracket style finds its announcement, with its place', async () => {
    const o = await engine.search('淄工信字[2025]12号');
    expect(o.others.map((i) => [i.title, i.reason.label])).toEqual([['淄博市2025年淘汰落后产能计划名单', 'doc']]);
    expect(o.others[0]!.details[0]).toContain('山东省');
  });

  test('cities are offered within the province chosen', async () => {
    const all = await engine.search('示例');
    expect(all.facets.city).toEqual([]);
    const hubei = await engine.search('示例', { province: '湖北省' });
    expect(hubei.facets.city).toEqual([{ value: '咸宁市', count: 3 }]);
    const city = await engine.search('示例', { province: '湖北省', city: hubei.facets.city[0]!.value });
    expect(city.total).toBe(hubei.facets.city[0]!.count);
  });

  test('the same record gives the same files', () => {
    const again = mkdtempSync(join(tmpdir(), 'phaseout-search-'));
    writeNameIndex(buildModel(validateDataRoot('test/fixtures/site/basic')), [], again);
    for (const f of ['search/x/meta.json', 'search/x/e/r/0.json']) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(site, f), 'utf8'));
    rmSync(again, { recursive: true, force: true });
  });
});

/**
 * Issue 14's recall: 500 enterprises of a 10,000-line synthetic record; every part of each name
 * 2 to 6 characters long. A part at most 20 names contain lists the enterprise on the first page;
 * for a part more names contain, the count shown is the true count.
 */
describe('recall over a 10,000-line synthetic record', () => {
  let dir: string;
  let model: Model;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'phaseout-recall-'));
    writeSynth(join(dir, 'data'), { lines: 10_000, seed: 1 });
    model = buildModel(validateDataRoot(join(dir, 'data')));
    writeNameIndex(model, [], join(dir, 'site'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every part of every sampled name: on the first page when rare, counted exactly when common', async () => {
    const r = await checkRecall(model, await engineFor(join(dir, 'site')), 500);
    expect(r.enterprises).toBe(500);
    expect(r.failures.slice(0, 10)).toEqual([]);
    expect(r.checked).toBeGreaterThan(10_000);
  }, 300_000);
});

describe('the index grows about linearly with the record', () => {
  test('four times the record, about four times the work', () => {
    const work = (lines: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'phaseout-growth-'));
      writeSynth(join(dir, 'data'), { lines, seed: 2 });
      const data = collectSearchData(buildModel(validateDataRoot(join(dir, 'data'))), [], ts);
      rmSync(dir, { recursive: true, force: true });
      let postings = 0;
      const g = buildGrams(data.collections.e, 150, (k) => (postings += k.all.length));
      let leafEntries = 0;
      for (const hits of g.leaves.values()) leafEntries += hits.length;
      return { targets: data.collections.e.targets.length, steps: g.steps, stored: postings + leafEntries };
    };
    const small = work(1_000);
    const large = work(4_000);
    const scale = large.targets / small.targets;
    // Not quite linear: a key is common once more than leafMax names contain it, so as the record
    // grows, longer keys become common and the index goes a little deeper (about 15% more work
    // per character each time the record doubles, bounded by the length of the texts). A
    // quadratic index would show 16×.
    expect(large.steps / small.steps).toBeLessThan(scale * 1.5);
    expect(large.stored / small.stored).toBeLessThan(scale * 1.5);
  }, 120_000);
});
