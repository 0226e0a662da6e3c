/**
 * The Content-Security-Policy of the pages: only the site's own scripts, its own stylesheets, no
 * inline script or style, no request to any other host. WebAssembly (`'wasm-unsafe-eval'`) is
 * allowed on the search page only, where Pagefind needs it.
 *
 * Every page carries its policy in a <meta> tag (src/components/Head.astro), so it holds on any
 * static host. A meta tag cannot carry `frame-ancestors` (nor `sandbox` or reporting), so
 * public/_headers repeats each policy as an HTTP header with `frame-ancestors 'none'`, for hosts
 * that read that file (Netlify, Cloudflare Pages). On hosts that ignore it (GitHub Pages, GitLab
 * Pages) what only a header can say is lost: see docs/architecture.md, "Hosts".
 */
const directives = (wasm: boolean) => [
  // Scripts, styles, fonts and fetches fall back to default-src: the site's own origin only.
  "default-src 'self'",
  ...(wasm ? ["script-src 'self' 'wasm-unsafe-eval'"] : []),
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
];

/** The policy of every page but the search page. */
export const CONTENT_SECURITY_POLICY = directives(false).join('; ');
/** The search page's policy: the same, and WebAssembly for Pagefind. */
export const SEARCH_CONTENT_SECURITY_POLICY = directives(true).join('; ');
/** What only an HTTP header can add to a page's policy: no other site may frame the pages. */
export const HEADER_ONLY_DIRECTIVES = "frame-ancestors 'none'";

/** The path of the search page (src/pages/search.astro, trailingSlash 'always'). */
export const SEARCH_PATH = '/search/';

/** The policy of the page at `pathname` (Astro.url.pathname). */
export const policyFor = (pathname: string) => (pathname === SEARCH_PATH || pathname === '/search' ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
