/** Announcement Markdown for pages: the renderer lives in src/text/markdown.ts, which the validator shares. */
export { escapeHtml } from '../text/escape.ts';
export { linkTarget, renderMarkdown, safeHref } from '../text/markdown.ts';
