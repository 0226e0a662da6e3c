/**
 * docs/发布指南.md as a page of the site. The guide is ours, so its Markdown is rendered as
 * written (its HTML comments included); tables get a caption (the heading above them) and
 * `<th scope="col">`, headings get GitHub-style ids so the guide's own `#…` links work on the
 * site as on the code host, and links to repository files point at their copies on the site.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { columnWidth, textEm, type TableData } from './table.ts';

export interface GuideHtml {
  title: string;
  html: string;
  /** The second-level headings, for a table of contents. */
  toc: { id: string; text: string }[];
}

/** GitHub's heading id: lower case, punctuation (ASCII and full-width) dropped, spaces → "-". */
export function headingId(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Plain text of a heading as written in Markdown (inline code and emphasis marks removed). */
const plain = (s: string) => s.replace(/[`*_]/g, '');

/** Repository files the guide links to, and where the site serves them. */
export function siteHref(href: string): string {
  const m = /^(?:\.\.\/)?(templates\/[a-z-]+\.csv|ci\/[a-z-]+\.yml)$/.exec(href);
  return m ? `/guide/${m[1]}` : href;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderGuideHtml(markdown: string): GuideHtml {
  const marked = new Marked({ gfm: true });
  const tokens = marked.lexer(markdown);
  const titleIndex = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 1);
  const title = titleIndex >= 0 ? plain((tokens[titleIndex] as Tokens.Heading).text) : '';
  if (titleIndex >= 0) tokens.splice(titleIndex, 1);

  const ids = new Map<Token, string>();
  const captions = new Map<Token, string>();
  const used = new Map<string, number>();
  const toc: GuideHtml['toc'] = [];
  let lastHeading = title;
  for (const t of tokens) {
    if (t.type === 'heading') {
      const h = t as Tokens.Heading;
      const base = headingId(plain(h.text));
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      const id = n === 0 ? base : `${base}-${n}`;
      ids.set(t, id);
      lastHeading = plain(h.text);
      if (h.depth === 2) toc.push({ id, text: lastHeading });
    } else if (t.type === 'table') {
      captions.set(t, lastHeading);
    }
  }

  marked.use({
    renderer: {
      heading(h) {
        const id = ids.get(h);
        return `<h${h.depth}${id ? ` id="${escapeHtml(id)}"` : ''}>${this.parser.parseInline(h.tokens)}</h${h.depth}>\n`;
      },
      table(t) {
        // Classes, not style attributes: the Content-Security-Policy allows no inline styles. Each
        // column gets the width it is never squeezed below, as the site's own tables do
        // (columnWidth); a column of descriptions is long text (prose).
        const data: TableData = {
          caption: '',
          columns: t.header.map((c, i) => ({ label: c.text, numeric: c.align === 'right', prose: t.rows.some((r) => textEm(r[i]?.text ?? '') > 24) })),
          rows: t.rows.map((r) => ({ cells: r.map((c) => ({ parts: [{ text: c.text.replace(/`/g, '') }] })) })),
        };
        const align = (a: Tokens.TableCell['align']) => (a === 'right' ? ' class="num"' : '');
        const head = t.header.map((c, i) => {
          const w = columnWidth(data, i);
          const cls = [c.align === 'right' ? 'num' : '', w > 1 ? `w${w}` : '', data.columns[i]!.prose ? 'p' : ''].filter(Boolean).join(' ');
          return `<th scope="col"${cls ? ` class="${cls}"` : ''}>${this.parser.parseInline(c.tokens)}</th>`;
        }).join('');
        const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td${align(c.align)}>${this.parser.parseInline(c.tokens)}</td>`).join('')}</tr>`).join('\n');
        const caption = captions.get(t);
        // It may scroll sideways on a phone, so it is a named region a keyboard can reach.
        const label = caption ?? t.header.map((c) => c.text.replace(/`/g, '')).join('、');
        return `<div class="tw" role="region" aria-label="${escapeHtml(label)}" tabindex="0"><table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>\n`;
      },
    },
  });
  marked.walkTokens(tokens, (t) => {
    if (t.type === 'link') (t as Tokens.Link).href = siteHref((t as Tokens.Link).href);
  });
  return { title, html: marked.parser(tokens), toc };
}

/** The guide's heading over the problem-code table (docs/发布指南.md), linked from /validation/. */
export const CODES_HEADING = '附录五：问题代码';
