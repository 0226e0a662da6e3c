/**
 * The one Markdown renderer of announcement texts, used by the site to show them and by the
 * validator to refuse what it could not show: raw HTML is shown as text, links go only where a
 * reader can see they go, images are not loaded, and a text too deeply nested or too full of
 * emphasis marks for `marked` (which recurses per level and rescans per mark) is refused.
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape.ts';

/** Two unrelated origins a page could be on: a link is same-site only if it stays on each. */
const BASES = ['https://site.invalid/announcements/page/', 'http://other.invalid/a/b/'];
/** A scheme as the URL parser reads one: letters, then letters, digits, + - . up to a colon. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where a link in an announcement may go, as the browser will resolve it (the WHATWG URL parser,
 * which Node shares with browsers): an absolute http(s) or mailto URL, shown as such; or a
 * relative one that stays on this site from any page (same-site), kept as written. Anything
 * else — javascript:, data:, and relative forms that leave the site (//host, /\host, \\host) —
 * is no link.
 */
export function linkTarget(href: string): { sameSite: boolean; href: string } | undefined {
  // What the URL parser drops before reading: C0 controls and spaces at the ends, tabs and line breaks inside.
  const h = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (h === '') return undefined;
  if (SCHEME.test(h)) {
    let url: URL;
    try {
      url = new URL(h);
    } catch {
      return undefined;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? { sameSite: false, href: url.href } : undefined;
  }
  for (const base of BASES) {
    let url: URL;
    try {
      url = new URL(h, base);
    } catch {
      return undefined;
    }
    if (url.origin !== new URL(base).origin) return undefined;
  }
  return { sameSite: true, href: h };
}

/** Only these link targets are kept (see linkTarget); anything else renders as text. */
export function safeHref(href: string): string | undefined {
  return linkTarget(href)?.href;
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML in an announcement is shown as the text it is, never run.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (!safe) return text;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${t}>${text}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text); // no third-party requests from a page: images are not loaded
    },
  },
});

/**
 * Limits of a text `marked` renders safely and in time proportional to its length. It recurses
 * once per level of block quotes and lists (about 2,000 levels overflow the stack: a 6 kB body of
 * `>`), and once per level of emphasis (4 kB of `*`); and it rescans the rest of a paragraph for
 * each emphasis mark that has no partner, so its time grows with the square of the marks in one
 * paragraph. Bounding the marks per paragraph bounds both.
 */
export const MARKDOWN_LIMITS = {
  /** Block quotes and list items nested in one another (a list level counts two spaces of indentation). */
  depth: 32,
  /** `*`, `_` and `~` in one paragraph (text between blank lines). */
  marks: 1000,
};

/**
 * Whether a text is within MARKDOWN_LIMITS, read once, line by line; else the first line past a
 * limit and what is past it, in Chinese. A guard, not a parser: it counts every `>` and list
 * marker that starts a line and every mark of a paragraph, so it errs on the safe side.
 */
export function markdownExcess(md: string): { line: number; detail: string } | undefined {
  let marks = 0;
  let paragraphLine = 1;
  let line = 1;
  for (let start = 0; start <= md.length; line++) {
    let end = md.indexOf('\n', start);
    if (end < 0) end = md.length;
    // Container markers at the start of the line: indentation, > and list markers.
    let i = start;
    let depth = 0;
    let indent = 0;
    for (;;) {
      const c = md.charCodeAt(i);
      if (c === 32) { indent++; i++; continue; }
      if (c === 9) { indent += 4; i++; continue; }
      if (c === 62 /* > */) { depth++; i++; continue; }
      if ((c === 45 || c === 43 || c === 42) && i + 1 <= end && (i + 1 === end || md.charCodeAt(i + 1) === 32 || md.charCodeAt(i + 1) === 9)) {
        depth++;
        i++;
        continue;
      }
      if (c >= 48 && c <= 57) {
        let j = i;
        while (j < end && j - i < 9 && md.charCodeAt(j) >= 48 && md.charCodeAt(j) <= 57) j++;
        const d = md.charCodeAt(j);
        if ((d === 46 || d === 41) && (j + 1 === end || md.charCodeAt(j + 1) === 32 || md.charCodeAt(j + 1) === 9)) {
          depth++;
          i = j + 1;
          continue;
        }
      }
      break;
    }
    if (depth > 0) depth += indent >> 1;
    if (depth > MARKDOWN_LIMITS.depth) return { line, detail: `引用（>）和列表嵌套超过 ${MARKDOWN_LIMITS.depth} 层` };
    if (i >= end || md.slice(i, end).trim() === '') {
      if (depth === 0) { marks = 0; paragraphLine = line + 1; } // a blank line ends a paragraph
    } else {
      for (let k = i; k < end; k++) {
        const c = md.charCodeAt(k);
        if ((c === 42 || c === 95 || c === 126) && ++marks > MARKDOWN_LIMITS.marks) {
          return { line: paragraphLine, detail: `一个段落中的 *、_ 和 ~ 超过 ${MARKDOWN_LIMITS.marks} 个` };
        }
      }
    }
    start = end + 1;
    if (end === md.length) break;
  }
  return undefined;
}

/** Renders an announcement's Markdown as safe HTML; a text past MARKDOWN_LIMITS (which validation refuses) is shown as plain text. */
export function renderMarkdown(md: string): string {
  if (markdownExcess(md)) return `<pre>${escapeHtml(md)}</pre>`;
  return marked.parse(md, { async: false });
}
