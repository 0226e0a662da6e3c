import { describe, expect, test } from 'vitest';
import { codeShardUrl, flattenResults, parseQuery, rankResults } from '../../src/search/query.ts';
import { creditCodeShards, searchDocuments } from '../../src/search/records.ts';
import { buildModel } from '../../src/derive/model.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';

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

describe('search documents built from the model', () => {
  const model = buildModel(validateDataRoot('test/fixtures/site/basic'));
  const policies = [{ slug: 'p', title: '国务院关于进一步加强淘汰落后产能工作的通知', docNumber: '国发[2025]7号', issuer: '国务院', text: '正文' }];
  const docs = searchDocuments(model, policies);
  const html = (url: string) => docs.find((d) => d.url === url)!.html;

  test('one document per region, industry and policy — not one per enterprise', () => {
    expect(docs.filter((d) => d.url.startsWith('/regions/')).length).toBe(model.regionCodes.size);
    expect(docs.filter((d) => d.url.startsWith('/enterprises/'))).toEqual([]);
    expect(docs.some((d) => d.url === '/industries/calcium-carbide/')).toBe(true);
    expect(docs.some((d) => d.url === '/policies/p/')).toBe(true);
  });

  test('a region document has each enterprise as a section: name｜region｜industry｜status, then its codes and equipment', () => {
    const h = html('/regions/421202/');
    expect(h).toContain('<h2 id="e-91421202MA49ABCDXM">湖北示例水泥股份有限公司｜湖北省 咸宁市 咸安区｜水泥｜已关停</h2>');
    expect(h).toContain('91421202MA49ABCDXM');
    expect(h).toContain('Φ3×11m机立窑生产线');
    expect(h).toContain('<span data-pagefind-filter="province">湖北省</span>');
    expect(h).toContain('<span data-pagefind-filter="status">已关停</span>');
  });

  test('announcements are sections of their issuing region, document numbers normalised', () => {
    const h = html('/regions/421202/');
    expect(h).toContain('<h2 id="a-2024-421202-plan">咸安区2024年淘汰落后产能计划名单｜湖北省 咸宁市 咸安区｜计划淘汰名单｜2024</h2>');
    expect(h).toContain('咸经信〔2024〕5号');
    expect(html('/policies/p/')).toContain('国发〔2025〕7号');
  });

  test('data is escaped in the documents', () => {
    const hostile = searchDocuments(buildModel(validateDataRoot('test/fixtures/site/hostile')), []);
    const h = hostile.find((d) => d.url === '/regions/421202/')!.html;
    expect(h).toContain('&lt;script&gt;alert(&apos;name&apos;)&lt;/script&gt;示例公司');
    expect(h).not.toContain("<script>alert('name')");
  });

  test('the credit-code lookup is sharded by the last two characters', () => {
    const shards = creditCodeShards(model);
    expect([...shards.keys()]).toEqual(['XM']);
    expect(shards.get('XM')).toEqual({ '91421202MA49ABCDXM': { url: '/enterprises/91421202MA49ABCDXM/', name: '湖北示例水泥股份有限公司' } });
  });

  test('the documents are the same for the same data', () => {
    expect(JSON.stringify(searchDocuments(buildModel(validateDataRoot('test/fixtures/site/basic')), policies))).toBe(JSON.stringify(docs));
  });
});

describe('results as a citizen reads them', () => {
  const region = (subs: [string, string][], meta: Record<string, string> = {}) => ({
    url: '/regions/421202/',
    meta: { title: '咸安区', kind: '地区', region: '湖北省 咸宁市 咸安区', ...meta },
    sub_results: subs.map(([anchor, title]) => ({ url: `/regions/421202/#${anchor}`, title })),
  });
  const r = region([
    ['e-K1', '甲电石有限公司｜湖北省 咸宁市 咸安区｜电石｜已拆除'],
    ['e-K2', '乙水泥有限公司｜湖北省 咸宁市 咸安区｜水泥｜已关停'],
    ['a-2024-421202-plan', '咸安区2024年计划名单｜湖北省 咸宁市 咸安区｜计划淘汰名单｜2024'],
  ]);

  test('each enterprise and announcement section becomes its own result, linked to its own page', () => {
    expect(flattenResults([r], '有限公司', {})).toEqual([
      { href: '/enterprises/K1/', title: '甲电石有限公司', kind: '企业', details: ['湖北省 咸宁市 咸安区', '电石', '已拆除'] },
      { href: '/enterprises/K2/', title: '乙水泥有限公司', kind: '企业', details: ['湖北省 咸宁市 咸安区', '水泥', '已关停'] },
      { href: '/announcements/2024-421202-plan/', title: '咸安区2024年计划名单', kind: '公告', details: ['湖北省 咸宁市 咸安区', '计划淘汰名单', '2024年'] },
    ]);
  });

  test('the region itself is a result when its name matches', () => {
    expect(flattenResults([r], '咸安区', {}).map((i) => i.href)).toContain('/regions/421202/');
    expect(flattenResults([r], '有限公司', {}).map((i) => i.href)).not.toContain('/regions/421202/');
  });

  test('status, industry and type filters apply to each section', () => {
    expect(flattenResults([r], '有限公司', { status: '已关停' }).map((i) => i.title)).toEqual(['乙水泥有限公司']);
    expect(flattenResults([r], '有限公司', { industry: '电石' }).map((i) => i.title)).toEqual(['甲电石有限公司']);
    expect(flattenResults([r], '有限公司', { type: '公告' }).map((i) => i.title)).toEqual(['咸安区2024年计划名单']);
  });

  test('a document without sections (industry, policy) is a result of its own', () => {
    expect(flattenResults([{ url: '/industries/cement/', meta: { title: '水泥', kind: '行业' } }], '水泥', {})).toEqual([{ href: '/industries/cement/', title: '水泥', kind: '行业', details: ['', ''] }]);
  });
});
