/**
 * Announcement Markdown: links go where the reader's browser takes them (checked with the WHATWG
 * URL parser, which browsers and Node share), and a text the renderer cannot render in time or
 * without overflowing the stack is refused by the validator rather than crashing the build.
 */
import { describe, expect, it } from 'vitest';
import { Marked } from 'marked';
import { linkTarget, MARKDOWN_LIMITS, markdownExcess, renderMarkdown, safeHref } from '../../src/text/markdown.ts';
import { FACTOR, growth, LINEAR_AT_MOST } from '../support/growth.ts';

/** Pages a link may be on, on sites served over https and http. */
const PAGES = ['https://phaseout.example.gov.cn/announcements/2025-421202-plan/', 'http://127.0.0.1:8080/regions/421202/', 'https://example.org/'];

describe('a link counts as same-site only if the browser resolves it to this site', () => {
  const tricks = [
    '//evil.example/x', '/\\evil.example/x', '\\\\evil.example/x', '\\/evil.example', '/\\/evil.example', '///evil.example',
    ' //evil.example', '\t//evil.example', '/\t/evil.example', '/\n/evil.example', '\u0000//evil.example', '\\\\\\evil.example',
  ];
  it.each(tricks)('%j leaves the site: no link', (href) => {
    expect(linkTarget(href)).toBeUndefined();
    for (const page of PAGES) expect(new URL(href.trim(), page).origin).not.toBe(new URL(page).origin); // the browser agrees
  });

  const sameSite = ['/announcements/2025-421202-plan/', '/%5Cevil.example', '#top', '?q=1', 'x/y', '../regions/', '/regions/421202/#h', '/a\\b'];
  it.each(sameSite)('%j stays on the site from every page', (href) => {
    expect(linkTarget(href)).toEqual({ sameSite: true, href });
    for (const page of PAGES) expect(new URL(href, page).origin).toBe(new URL(page).origin);
  });

  it('absolute http(s) and mailto links are external, written as the parser reads them', () => {
    expect(linkTarget('https://example.gov.cn/x')).toEqual({ sameSite: false, href: 'https://example.gov.cn/x' });
    expect(linkTarget('HTTPS://Example.GOV.cn')).toEqual({ sameSite: false, href: 'https://example.gov.cn/' });
    expect(linkTarget('http:\\\\evil.example')).toEqual({ sameSite: false, href: 'http://evil.example/' });
    expect(linkTarget('mailto:a@example.gov.cn')).toEqual({ sameSite: false, href: 'mailto:a@example.gov.cn' });
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', 'blob:https://x/y'])(
    '%j is no link', (href) => expect(safeHref(href)).toBeUndefined(),
  );

  it('the renderer keeps the text of a link it refuses', () => {
    expect(renderMarkdown('[点我](/\\evil.example/x) [本站](/regions/)')).toBe('<p>点我 <a href="/regions/">本站</a></p>\n');
  });
});

describe('bodies the renderer could not render are refused, and what passes renders in linear time', () => {
  const plain = new Marked({ gfm: true });
  const crashes = (md: string) => {
    try {
      plain.parse(md, { async: false });
      return false;
    } catch {
      return true;
    }
  };

  it.each([
    ['6 kB of nested quotes', '>'.repeat(6000) + ' 引用'],
    ['quotes of lists', '> - '.repeat(1000) + 'a'],
    ['list markers on one line', '- '.repeat(1500) + 'a'],
    ['ordered list markers', '1. '.repeat(2100) + 'a'],
    ['nested emphasis', '*'.repeat(2100) + 'a' + '*'.repeat(2100)],
    ['nested strikethrough', '~~a '.repeat(2100) + 'b' + ' a~~'.repeat(2100)],
  ])('%s: marked overflows the stack; the guard refuses it', (_, md) => {
    expect(crashes(md)).toBe(true);
    expect(markdownExcess(md)).toBeDefined();
    expect(() => renderMarkdown(md)).not.toThrow(); // the site's renderer falls back to text
  });

  it('ordinary announcements pass the guard', () => {
    const md = '# 标题\n\n根据《国务院关于进一步加强淘汰落后产能工作的通知》（国发〔2010〕7号），现将**名单**予以公告。\n\n- 一\n- 二\n  - 三\n    1. 四\n\n> 引用\n>\n> > 二级引用\n\n| 列 | 列 |\n| --- | --- |\n| _a_ | ~~b~~ |\n';
    expect(markdownExcess(md)).toBeUndefined();
    expect(markdownExcess('a_b '.repeat(MARKDOWN_LIMITS.marks))).toBeUndefined();
    expect(markdownExcess('a_b '.repeat(MARKDOWN_LIMITS.marks + 1))).toEqual({ line: 1, detail: `一个段落中的 *、_ 和 ~ 超过 ${MARKDOWN_LIMITS.marks} 个` });
  });

  // Shapes that marked handles in time growing with the square of their length without the
  // guard's limit on marks per paragraph, and others long texts are made of.
  const shapes: Record<string, (n: number) => string> = {
    'paragraphs of unpaired *': (n) => `${'*a'.repeat(499)}\n\n`.repeat(Math.ceil(n / 1000)),
    'paragraphs of unpaired _': (n) => `${'_a'.repeat(499)}\n\n`.repeat(Math.ceil(n / 1000)),
    'one line of <': (n) => '<a'.repeat(n / 2),
    'a long table': (n) => `|a|b|\n|-|-|\n${'|c|d|\n'.repeat(n / 6)}`,
    'list items': (n) => '- 一项\n'.repeat(n / 5),
    'nested lists': (n) => `${Array.from({ length: 15 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n')}\n\n`.repeat(Math.ceil(n / 270)),
    'unclosed links': (n) => '[a]('.repeat(n / 4),
  };
  it.each(Object.entries(shapes))('%s: about linear', (_, make) => {
    const small = make(15_000);
    const large = make(15_000 * FACTOR);
    expect(markdownExcess(large)).toBeUndefined();
    expect(growth(() => renderMarkdown(small), () => renderMarkdown(large), 3)).toBeLessThan(LINEAR_AT_MOST);
  });

  it('the measure tells the square from linear: marked itself on one paragraph of unpaired marks', () => {
    const small = '*a'.repeat(2_000);
    const large = '*a'.repeat(2_000 * FACTOR);
    expect(markdownExcess(large)).toBeDefined(); // which is why the guard refuses it
    expect(growth(() => plain.parse(small), () => plain.parse(large), 2)).toBeGreaterThan(LINEAR_AT_MOST);
  });

  it('the guard reads a text once: about linear', () => {
    const small = 'a_b\n'.repeat(50_000);
    const large = 'a_b\n'.repeat(50_000 * FACTOR);
    expect(growth(() => markdownExcess(small), () => markdownExcess(large))).toBeLessThan(LINEAR_AT_MOST);
  });
});
