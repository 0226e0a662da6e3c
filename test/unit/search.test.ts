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
import { PAGE_SIZE, SearchEngine } from '../../src/search/engine.ts';
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
    const engine = await engineFor(join(dir, 'site'));
    // The true answer: which enterprises each part of a name is in, any of their names.
    const namesOf = new Map(model.enterprises.map((e) => [e.key, new Set(e.lines.flatMap((l) => l.mentions.map((m) => fold(m.row.enterprise_name, ts))))]));
    const holders = new Map<string, number>();
    for (const names of namesOf.values()) {
      const parts = new Set<string>();
      for (const n of names) for (let i = 0; i < n.length; i++) for (let len = 2; len <= 6 && i + len <= n.length; len++) parts.add(n.slice(i, i + len));
      for (const p of parts) holders.set(p, (holders.get(p) ?? 0) + 1);
    }
    const step = Math.floor(model.enterprises.length / 500);
    const sample = model.enterprises.filter((_, i) => i % step === 0).slice(0, 500);
    expect(sample).toHaveLength(500);
    const answers = new Map<string, Awaited<ReturnType<SearchEngine['search']>>>();
    let checked = 0;
    const failures: string[] = [];
    for (const e of sample) {
      const name = fold(e.name, ts);
      for (let i = 0; i < name.length; i++) {
        for (let len = 2; len <= 6 && i + len <= name.length; len++) {
          const part = name.slice(i, i + len);
          let o = answers.get(part);
          if (!o) answers.set(part, (o = await engine.search(part)));
          const truth = holders.get(part)!;
          checked++;
          if (o.byName !== truth) failures.push(`${part}: ${o.byName} shown, ${truth} true`);
          else if (truth <= PAGE_SIZE && !o.items.some((x) => x.href === `/enterprises/${e.key}/`)) failures.push(`${part}: ${e.name} not on the first page`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  }, 300_000);
});

describe('the index grows linearly with the record', () => {
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
    expect(large.steps / small.steps).toBeLessThan(scale * 1.3);
    expect(large.stored / small.stored).toBeLessThan(scale * 1.3);
  }, 120_000);
});
