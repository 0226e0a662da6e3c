/** Escapes text for XML element content and attribute values (Atom, sitemap, SVG). */
export function escapeXml(s: string): string {
  // Characters XML 1.0 forbids are dropped: a feed reader must never choke on data.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
