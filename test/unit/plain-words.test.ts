/**
 * Nothing raw reaches an office (issue 15, §2): no English from the YAML library, JSON.parse,
 * zod or Node in any message about data; control characters from the data are shown escaped in
 * the text report, never obeyed by the terminal; a 5 MB cell is echoed shortened.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithub, formatText } from '../../src/output/report.ts';
import { parseFrontMatter } from '../../src/read/frontmatter.ts';
import { systemError } from '../../src/read/load.ts';
import { parseLock } from '../../src/validate/lock.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { runScript } from '../support/scripts.ts';

/** Words of the libraries' English messages: none may appear in what an office reads. */
const ENGLISH = /\b(the|must|is|are|not|be|in|of|at|Unexpected|Expected|Invalid|Missing|Map|keys|Nested|position|line|column|token|allowed|sequence|mapping|flow|block|indent|indented|scalar|alias|document|quote|Implicit|Tabs|property|JSON input|string|number|object|array|received|expected)\b/i;
/** Identifiers a Chinese message may name: YAML, JSON, field names, codes. */
const stripIdentifiers = (s: string) => s.replace(/\b(YAML|JSON|UTF-8|GBK|GB18030|published\.lock|_references|[a-z_]+(\.[a-z0-9_]+)*|!!?[a-z]+)\b/g, '');

const scratch = mkdtempSync(join(tmpdir(), 'phaseout-plain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('front matter the YAML library cannot read is explained in Chinese', () => {
  const broken: Record<string, string> = {
    'unclosed quote': 'title: "咸安区',
    'unclosed single quote': "title: '咸安区",
    'unclosed flow sequence': 'sources: [a, b',
    'unclosed flow mapping': 'contact: { name: 张三',
    'a colon and space in a plain value': 'title: 通知: 名单',
    'a list after a key on one line': 'title: - a',
    'a tab as indentation': 'contact:\n\tname: 张三',
    'a bad escape': 'title: "\\q"',
    'a value starting with @': 'title: @咸安区',
    'a value starting with `': 'title: `咸安区`',
    'two documents': 'title: a\n...\nkind: plan',
    'an unknown alias': 'title: *nothing',
    'two anchors': 'title: &a &b x',
    'a YAML tag': 'title: !!binary aGk=',
    'a local tag': 'title: !foo x',
    'a repeated key': 'title: a\ntitle: b',
    'a repeated nested key': 'contact: { name: a, name: b }',
    'a directive': '%YAML 1.1\ntitle: a',
    'a top-level list': '- a\n- b',
    'deep nesting': `sources: ${'['.repeat(200)}${']'.repeat(200)}`,
    'a key without value marker': 'title\nkind: plan',
    'a block scalar badly indented': 'title: |\n a\nb',
    'a very long key': `title: a\n${'k '.repeat(600)}: v`,
    'an alias bomb': 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  };
  it.each(Object.entries(broken))('%s', (_, yaml) => {
    const r = parseFrontMatter(`---\n${yaml}\n---\n正文。\n`);
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'syntax') throw new Error('a syntax problem was expected');
    expect(r.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(stripIdentifiers(r.detail), r.detail).not.toMatch(ENGLISH);
  });
});

describe('a lock JSON.parse or the lock schema refuses is explained in Chinese', () => {
  const broken: Record<string, string> = {
    'cut short': '{"2025-421202-plan": {"md": "',
    'a trailing comma': '{"a": {"md": "0", "csv": "0"},}',
    'no colon': '{"a" {"md": "0"}}',
    'no comma': '{"a": {"md": "0"} "b": {}}',
    'a line break in a string': '{"a\n": 1}',
    'a bad escape': '{"\\q": 1}',
    'text after the object': '{} x',
    'a bare word': '{"a": tru}',
    'a number': '{"a": -}',
    'empty': '',
    'an array': '[]',
    'a hash of the wrong form': `{"a": {"md": "xyz", "csv": "${'0'.repeat(64)}"}}`,
    'a hash missing': `{"a": {"md": "${'0'.repeat(64)}"}}`,
    'an extra field': `{"a": {"md": "${'0'.repeat(64)}", "csv": "${'0'.repeat(64)}", "x": 1}}`,
    'an entry that is no object': '{"a": 1}',
    'references of the wrong form': `{"_references": {"industries": []}}`,
    'a repeated key, written two ways': `{"a": {"md": "${'0'.repeat(64)}", "csv": "${'0'.repeat(64)}"}, "\\u0061": {}}`,
  };
  it.each(Object.entries(broken))('%s', (_, text) => {
    const { problems } = parseLock(text);
    expect(problems.map((p) => p.code)).toEqual(['lock-syntax']);
    const message = problems[0]!.message;
    expect(stripIdentifiers(message), message).not.toMatch(ENGLISH);
  });
});

describe('system errors reading the data root are said in Chinese', () => {
  it.each(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'EIO', 'EMFILE', 'ENAMETOOLONG', 'EWHATEVER'])('%s', (code) => {
    const text = systemError(Object.assign(new Error(`${code}: permission denied, open 'x'`), { code }));
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/permission|denied|open/);
  });

  it.skipIf(process.getuid?.() === 0)('a file the validator may not read: exit 2, one Chinese sentence', async () => {
    const root = join(scratch, 'unreadable');
    mkdirSync(join(root, 'announcements', '2025'), { recursive: true });
    writeFileSync(join(root, 'announcements', '2025', '2025-421202-plan.csv'), 'x\n', { mode: 0o000 });
    const r = await runScript('validate', ['--data', root]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('无法运行：无法读取文件 announcements/2025/2025-421202-plan.csv：没有读取权限\n');
  });
});

describe('what comes from the data is shown, not obeyed', () => {
  const root = join(scratch, 'terminal');
  const plan = join(root, 'announcements', '2025');
  mkdirSync(plan, { recursive: true });
  writeFileSync(join(plan, '2025-421202-plan.md'), '---\ntitle: 咸安区2025年淘汰落后产能计划名单\nkind: plan\nregion: "421202"\nyear: 2025\nissuer: 咸安区经济和信息化局\npublished: "2025-04-28"\n---\n正文。\n');
  const huge = '很长的表头'.repeat(1024 * 1024); // 5 MB of UTF-8 in one header cell
  writeFileSync(join(plan, '2025-421202-plan.csv'), `line_id,enterprise_name,region_code,industry,equipment,capacity,capacity_unit,deadline,status,${huge}\nXA-001,"咸安区\u001b[2J\u001b]0;被改的标题\u0007温泉电石总厂\r\n第二行",421202,电石,电石炉\u202e反向,3,万吨,2025-12,planned,\n`);

  it('a 5 MB cell is echoed shortened: in the value, the column and the message', () => {
    const p = validateDataRoot(root).report.problems.find((x) => x.code === 'unknown-column')!;
    expect(p.value!.length).toBeLessThan(1100);
    expect(p.column!.length).toBeLessThan(300);
    expect(p.message.length).toBeLessThan(400);
    expect(p.value).toContain(`…（共 ${huge.length} 个字符）`);
  });

  it('terminal control characters and bidi controls are written out in the text and GitHub reports', () => {
    const { report } = validateDataRoot(root);
    const text = formatText(report, { dataDir: 'data' });
    const github = formatGithub(report, 'data');
    for (const out of [text, github]) {
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('[U+001B]');
      expect(out).toContain('[U+202E]');
    }
    expect(text).toContain('企业名称 “咸安区[U+001B][2J[U+001B]]0;被改的标题[U+0007]温泉电石总厂[U+000A]第二行” 的第 4 个字符是看不见的控制字符（U+001B）');
  });
});
