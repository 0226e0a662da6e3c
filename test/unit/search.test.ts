import { describe, expect, test } from 'vitest';
import { parseQuery, rankResults, codeShardUrl } from '../../src/search/query.ts';
import { creditCodeShards, searchRecords } from '../../src/search/records.ts';
import { buildModel } from '../../src/data/model.ts';
import { validateDataRoot } from '../../src/data/validate.ts';

describe('what a citizen types becomes what the index holds', () => {
  test('a credit code in lower case, with spaces or full-width characters is recognised as a code', () => {
    for (const typed of ['91421202 ma49 abcd xm', '91421202-MA49ABCD-XM', '９１４２１２０２ＭＡ４９ＡＢＣＤＸＭ']) {
      expect(parseQuery(typed)).toEqual({ kind: 'credit-code', code: '91421202MA49ABCDXM', text: '91421202MA49ABCDXM' });
    }
    expect(codeShardUrl('91421202MA49ABCDXM')).toBe('/search/codes/XM.json');
  });

  test('a document number in any bracket style is searched with 〔〕', () => {
    for (const typed of ['国发[2025]7号', '国发(2025)7号', '国发［2025］7号', '国发（2025）7号']) expect(parseQuery(typed)).toEqual({ kind: 'text', text: '国发〔2025〕7号' });
  });

  test('a name is searched as typed', () => {
    expect(parseQuery('  水泥股份 ')).toEqual({ kind: 'text', text: '水泥股份' });
  });

  test('results whose title contains the query come first, enterprises first among them', () => {
    const r = (title: string, kind: string) => ({ meta: { title, kind } });
    const ranked = rankResults([r('咸安区淘汰落后产能工作总结', '政策文件'), r('电石', '行业'), r('咸宁示例电石有限公司', '企业')], '电石');
    expect(ranked.map((x) => x.meta.title)).toEqual(['咸宁示例电石有限公司', '电石', '咸安区淘汰落后产能工作总结']);
  });
});

describe('search records built from the model', () => {
  const model = buildModel(validateDataRoot('test/fixtures/site/basic'));
  const records = searchRecords(model, [{ slug: 'p', title: '国务院关于进一步加强淘汰落后产能工作的通知', docNumber: '国发[2025]7号', issuer: '国务院', text: '正文' }]);

  test('an enterprise record carries its name, code, region, industries, equipment, statuses and filters', () => {
    const rec = records.find((x) => x.url === '/enterprises/91421202MA49ABCDXM/')!;
    expect(rec.content).toContain('湖北示例水泥股份有限公司');
    expect(rec.content).toContain('91421202MA49ABCDXM');
    expect(rec.content).toContain('Φ3×11m机立窑生产线');
    expect(rec.meta).toMatchObject({ title: '湖北示例水泥股份有限公司', kind: '企业', region: '湖北省 咸宁市 咸安区', industry: '水泥', status: '已关停' });
    expect(rec.filters).toMatchObject({ province: ['湖北省'], city: ['咸宁市'], industry: ['水泥'], status: ['已关停'], year: ['2024'] });
  });

  test('regions, industries, announcements and policies are records too, document numbers normalised', () => {
    expect(records.some((x) => x.url === '/regions/421202/' && x.meta.title === '咸安区')).toBe(true);
    expect(records.some((x) => x.url === '/industries/calcium-carbide/')).toBe(true);
    expect(records.find((x) => x.url === '/policies/p/')!.content).toContain('国发〔2025〕7号');
    expect(records.find((x) => x.url === '/announcements/2024-421202-plan/')!.content).toContain('咸经信〔2024〕5号');
  });

  test('the credit-code lookup is sharded by the last two characters', () => {
    const shards = creditCodeShards(model);
    expect([...shards.keys()]).toEqual(['XM']);
    expect(shards.get('XM')).toEqual({ '91421202MA49ABCDXM': { url: '/enterprises/91421202MA49ABCDXM/', name: '湖北示例水泥股份有限公司' } });
  });

  test('the records are the same for the same data', () => {
    const again = searchRecords(buildModel(validateDataRoot('test/fixtures/site/basic')), [{ slug: 'p', title: '国务院关于进一步加强淘汰落后产能工作的通知', docNumber: '国发[2025]7号', issuer: '国务院', text: '正文' }]);
    expect(JSON.stringify(again)).toBe(JSON.stringify(records));
  });
});
