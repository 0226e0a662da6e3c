/**
 * Gzip copies of the large text files, beside them (`lines.csv.gz`), for hosts that serve a
 * precompressed file when the client accepts gzip (nginx `gzip_static on`): `npm run precompress`
 * (scripts/precompress.ts) adds them to a built site before it is copied to nginx. The build
 * itself does not, since no other host uses them and a national site must fit 1 GB. Only files
 * above PRECOMPRESS_MIN_BYTES: a national site has 100,000 small pages, which nginx compresses on
 * the fly, and a copy of each would double the file count. Deterministic: gzip's header carries
 * no time (zlib writes 0) and the same bytes compress the same way.
 */
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { compressible, PRECOMPRESS_MIN_BYTES } from './hosting.ts';

const gzipAsync = promisify(gzip);

/** RFC 1952's "unknown" operating system: what every gzip the site writes says. */
const OS_UNKNOWN = 255;

/**
 * `content` gzipped at level 9, the same bytes whatever system builds it: gzip's header carries no
 * time (zlib writes 0), and its operating-system byte, which zlib takes from the platform it was
 * compiled for, is set to "unknown". (The compressed data follows Node's bundled zlib.)
 */
export async function gzipped(content: string | Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(await gzipAsync(content, { level: 9 }));
  out[9] = OS_UNKNOWN;
  return out;
}

/** `gzipped`, at once (for small files). */
export function gzippedSync(content: string | Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(content, { level: 9 }));
  out[9] = OS_UNKNOWN;
  return out;
}

/** Whether a file of this path and size gets a gzip copy: text a host compresses, of PRECOMPRESS_MIN_BYTES or more. */
export const getsCopy = (path: string, bytes: number): boolean => compressible(path) && bytes >= PRECOMPRESS_MIN_BYTES;
