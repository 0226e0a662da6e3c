import { describe, expect, it, test } from 'vitest';
import { parseFlatYaml, parseFrontMatter } from '../../src/read/frontmatter.ts';
import { readdirSync, readFileSync as readFileSyncFm, statSync } from 'node:fs';
import { join as joinFm } from 'node:path';
import { parseDocument as parseYamlDocument } from 'yaml';

const ok = (text: string) => {
  const r = parseFrontMatter(text);
  if (!r.ok) throw new Error(`expected front matter, got ${JSON.stringify(r)}`);
  return r.value;
};

describe('parseFrontMatter', () => {
  const md = [
    '---', //  1
    'title: 咸安区2025年淘汰落后产能计划名单', // 2
    'kind: plan', // 3
    '# a comment', // 4
    'region: "421202"', // 5
    'year: 2025', // 6
    'contact:', // 7
    '  name: 张三', // 8
    '  phone: 0715-8123456', // 9
    'published: 2025-04-28', // 10
    '---', // 11
    '正文第一行', // 12
    '', // 13
    '正文第三行', // 14
  ].join('\n');

  it('gives the .md line of every top-level key', () => {
    expect(ok(md).keyLines).toEqual({ title: 2, kind: 3, region: 5, year: 6, contact: 7, published: 10 });
  });

  it('gives the body and the line it starts on', () => {
    const v = ok(md);
    expect(v.bodyLine).toBe(12);
    expect(v.body).toBe('正文第一行\n\n正文第三行');
  });

  it('reads YAML 1.2: unquoted dates stay strings, unquoted codes are numbers', () => {
    const v = ok(md);
    expect(v.data.published).toBe('2025-04-28');
    expect(v.data.year).toBe(2025);
    expect(v.data.region).toBe('421202');
    expect(ok('---\nregion: 421202\nzero: 000000\n---\n').data).toEqual({ region: 421202, zero: 0 });
    expect(v.data.contact).toEqual({ name: '张三', phone: '0715-8123456' });
  });

  it('CRLF files give the same lines', () => {
    const v = ok(md.replace(/\n/g, '\r\n'));
    expect(v.keyLines.published).toBe(10);
    expect(v.bodyLine).toBe(12);
    expect(v.body).toBe('正文第一行\r\n\r\n正文第三行'.replace(/\r\n/g, '\n'));
  });

  it('empty front matter and an empty body', () => {
    expect(ok('---\n---\n')).toEqual({ data: {}, keyLines: {}, body: '', bodyLine: 3 });
    expect(ok('---\ntitle: x\n---').bodyLine).toBe(4);
  });

  it('a closing fence with trailing spaces', () => {
    expect(ok('---\ntitle: x\n---  \nbody').body).toBe('body');
  });
});

describe('parseFrontMatter: problems', () => {
  it('missing: no opening fence, or no closing fence', () => {
    expect(parseFrontMatter('# 标题\n\ntitle: x\n')).toEqual({ ok: false, reason: 'missing' });
    expect(parseFrontMatter('---\ntitle: x\nkind: plan\n')).toEqual({ ok: false, reason: 'missing' });
    expect(parseFrontMatter('')).toEqual({ ok: false, reason: 'missing' });
  });

  it('syntax errors carry the physical .md line', () => {
    const r = parseFrontMatter('---\ntitle: x\nkind: plan\nissuer: 咸安区: 经信局\n---\n');
    expect(r).toMatchObject({ ok: false, reason: 'syntax', line: 4 });
  });

  it('an unclosed quote', () => {
    const r = parseFrontMatter('---\ntitle: x\nissuer: "咸安区\n---\n');
    expect(r).toMatchObject({ ok: false, reason: 'syntax' });
    if (!r.ok && r.reason === 'syntax') expect(r.line).toBeGreaterThanOrEqual(3);
  });

  it('a key given twice is a syntax error on the second', () => {
    expect(parseFrontMatter('---\ntitle: a\nkind: plan\ntitle: b\n---\n')).toMatchObject({ ok: false, reason: 'syntax', line: 4 });
  });

  it('front matter that is not a mapping', () => {
    expect(parseFrontMatter('---\n- a\n- b\n---\n')).toMatchObject({ ok: false, reason: 'syntax', line: 2 });
  });
});


describe('the flat front-matter reader agrees with the YAML library', () => {
  const mdFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((e) => {
      const p = joinFm(dir, e);
      return statSync(p, { throwIfNoEntry: false })?.isDirectory() ? mdFiles(p) : e.endsWith('.md') ? [p] : [];
    });
  const cases = [...mdFiles('data'), ...mdFiles('test/fixtures')];
  const samples = [
    'a: 2025-04-28', 'a: 421202', 'a: 000000', 'a: "000000"', "a: '07'", 'a: 1.5', 'a: .5', 'a: 1e3', 'a: true', 'a: False', 'a: ~', 'a:', 'a: null',
    'a: 国发〔2025〕7号', 'a: 0x1F', 'a: 0o17', 'a: .inf', 'a: x # comment', 'a: b: c', 'a: -x', 'a: [1, 2]', 'a: {b: 1}', 'a: "x\\"y"', "a: 'it''s'",
    'a: x\nb: y', 'a: x\na: y', 'a:\n  b: 1', 'a:\n- 1', '__proto__: 1', 'a: ～', 'a: 1 2', 'a: x:y', 'a: @x', 'a: `x`', 'a: %x', 'a: |', 'a: >',
  ];
  test.each(samples)('%j', (yaml) => {
    const flat = parseFlatYaml(`${yaml}\n`);
    if (!flat) return; // the YAML library reads it
    const doc = parseYamlDocument(`${yaml}\n`, { uniqueKeys: true, logLevel: 'silent' });
    expect(doc.errors).toEqual([]);
    expect(flat.data).toEqual(doc.toJS());
  });
  test('on every front matter in the sample record and the fixtures', () => {
    let flatCount = 0;
    for (const f of cases) {
      const src = readFileSyncFm(f, 'utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
      const m = /^---\n([\s\S]*?\n)---/.exec(src);
      if (!m) continue;
      const flat = parseFlatYaml(m[1]!);
      if (!flat) continue;
      flatCount++;
      const doc = parseYamlDocument(m[1]!, { uniqueKeys: true, logLevel: 'silent' });
      expect(doc.errors, f).toEqual([]);
      expect(flat.data, f).toEqual(doc.toJS());
    }
    expect(flatCount).toBeGreaterThan(50);
  });
});
