/**
 * The one escaper for markup: HTML element content and attribute values, XML (Atom, sitemaps)
 * and SVG. Characters XML 1.0 forbids are dropped, so a feed reader never chokes on data and a
 * page carries no control character.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string | number): string {
  return String(value).replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** HTML is escaped by the same rules as XML. */
export const escapeHtml = escapeXml;

/** An attribute value that needs no quotes in HTML (nothing that would end it or be read as a reference). */
const BARE = /^[\w\-.:/#%]+$/;

/**
 * ` name=value`, quoted only when HTML needs it: the site writes millions of attributes, and a
 * national build's bytes are counted. The value is escaped either way.
 */
export function htmlAttr(name: string, value: string): string {
  return BARE.test(value) ? ` ${name}=${value}` : ` ${name}="${escapeHtml(value)}"`;
}
