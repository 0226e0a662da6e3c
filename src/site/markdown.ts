import { Marked, type Tokens } from 'marked';

import { escapeHtml } from '../text/escape.ts';

export { escapeHtml };

/** Only these link targets are kept; anything else (javascript:, data:, …) renders as text. */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (/^(\/(?!\/)|#)/.test(h)) return h; // same-site paths and fragments
  return undefined;
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

/** Renders an announcement's Markdown as safe HTML. */
export function renderMarkdown(md: string): string {
  return marked.parse(md, { async: false });
}
