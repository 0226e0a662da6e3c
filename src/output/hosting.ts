/**
 * How a host serves the built site: the content type and cache lifetime of each file, and the
 * security headers of pages and embeds. One source for `npm run deploy` (object storage), the
 * `_headers` file the build writes (Netlify, Cloudflare Pages) and the tests that hold the
 * documented nginx configuration (docs/deploy/nginx.conf) to the same rules.
 */
import { CONTENT_SECURITY_POLICY, policyFor } from './csp.ts';

/** Content type by file name; files without an extension (SHA256SUMS) are plain text. */
const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  gz: 'application/gzip',
  // Pagefind's index files hold gzip data its script unpacks itself: never served with Content-Encoding.
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

export const ATOM = 'application/atom+xml; charset=utf-8';

/** The Content-Type of a site path. */
export function contentType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'feed.xml') return ATOM;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return 'text/plain; charset=utf-8';
  return TYPES[name.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** A year, for files whose name changes with their content. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes, for everything whose name stays while its content changes (pages, data, feeds). */
export const CACHE_SHORT = 'public, max-age=300';

/** Files whose name carries a hash of their content: Astro's assets and Pagefind's index chunks. */
export function isHashedAsset(path: string): boolean {
  return path.startsWith('/_astro/') || (path.startsWith('/pagefind/') && /\.pf_(?:fragment|index|meta|filter)$/.test(path));
}

export function cacheControl(path: string): string {
  return isHashedAsset(path) ? CACHE_IMMUTABLE : CACHE_SHORT;
}

/** Types worth compressing (text); images, workbooks and Pagefind's files are compressed already. */
export function compressible(path: string): boolean {
  const t = contentType(path);
  return /^text\/|^application\/(?:json|xml|atom\+xml|javascript)|^image\/svg\+xml/.test(t);
}

/** Files above this size get a `.gz` beside them for hosts that serve precompressed files (nginx gzip_static). */
export const PRECOMPRESS_MIN_BYTES = 256 * 1024;

/** Where embeds live: the only pages another site may frame. */
export const EMBED_PREFIX = '/embed/';

/** The policy of a page: its policy (src/output/csp.ts: WebAssembly on the search page only), plus who may frame it, which only a header can say. */
export function pagePolicy(csp: string, embed: boolean): string {
  return `${csp}; frame-ancestors ${embed ? '*' : "'none'"}`;
}

/** Security headers of a page (embed or not), as every host that can set headers should send them. */
export function securityHeaders(csp: string, embed: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': pagePolicy(csp, embed),
    ...(embed ? {} : { 'X-Frame-Options': 'DENY' }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * The `_headers` file of Netlify and Cloudflare Pages. Both apply every rule whose pattern matches
 * a path, Cloudflare joining the values of a header set twice with commas — a page under `/*`
 * with `frame-ancestors 'none'` and `/embed/*` with `*` would get both policies, and embeds
 * could not be framed. So no path matches two rules that set the same header: `/*` sets only
 * what every file shares, the page folders (`pageRoots`: `/`, `/regions/*` …, every top folder
 * of a page kind except embeds) carry the page policy, `/embed/*` the embed policy.
 */
export function headersFile(pageRoots: readonly string[]): string {
  const block = (pattern: string, headers: Record<string, string>) => [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  // nosniff and the referrer policy go under /* once; the rest is each section's own.
  const own = (csp: string, embed: boolean) => {
    const { 'X-Content-Type-Options': _n, 'Referrer-Policy': _r, ...rest } = securityHeaders(csp, embed);
    return rest;
  };
  const all = securityHeaders(CONTENT_SECURITY_POLICY, false);
  return [
    '# Written by the build (src/output/hosting.ts) for hosts that read _headers (Netlify, Cloudflare Pages).',
    '# No path matches two rules that set the same header; only the search page allows WebAssembly; see docs/部署指南.md.',
    block('/*', { 'X-Content-Type-Options': all['X-Content-Type-Options']!, 'Referrer-Policy': all['Referrer-Policy']! }),
    ...pageRoots.map((p) => block(p, own(policyFor(p.replace(/\*$/, '')), false))),
    block(`${EMBED_PREFIX}*`, own(CONTENT_SECURITY_POLICY, true)),
    block('/_astro/*', { 'Cache-Control': CACHE_IMMUTABLE }),
    '',
  ].join('\n');
}

/**
 * The `_headers` patterns that cover every page path given, one per top folder (`/regions/*`),
 * with `/` for the home page and exact paths for pages at the top (`/404.html`). Embeds excluded.
 */
export function pageRootPatterns(paths: Iterable<string>): string[] {
  const roots = new Set<string>();
  for (const p of paths) {
    if (p.startsWith(EMBED_PREFIX)) continue;
    const m = /^\/([^/]+)\//.exec(p);
    roots.add(p === '/' ? '/' : m ? `/${m[1]}/*` : p);
  }
  return [...roots].sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a < b ? -1 : 1));
}

/**
 * Which `_headers` rules apply to a path, for a host that applies every matching rule: a pattern
 * is a path, or a path ending in `*` (any rest).
 */
export function matchingRules(file: string, path: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of file.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const [k, ...v] = line.trim().split(':');
      rules.at(-1)!.headers[k!.trim()] = v.join(':').trim();
    }
  }
  return rules.filter(({ pattern }) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern));
}
