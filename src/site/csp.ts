/**
 * The Content-Security-Policy of every page: only the site's own scripts (plus WebAssembly for
 * Pagefind's search), its own stylesheets, no inline script or style, no request to any other
 * host. Delivered in a <meta> tag so it holds on any static host; public/_headers repeats it as
 * an HTTP header, with frame-ancestors, for hosts that read that file.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
].join('; ');
