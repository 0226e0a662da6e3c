/**
 * The manifest of a built site: every file a host serves, by its path relative to the site root,
 * with its SHA-256. The build is deterministic, so comparing the manifest of a new build with the
 * one uploaded last time says exactly what changed: `npm run deploy` sends only that, deletes
 * what is gone, and uploads the new manifest last.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Manifest {
  format: 1;
  /** Relative path (`regions/421202/index.html`) → SHA-256 hex. */
  files: Record<string, string>;
}

/** Where the manifest is kept beside the site, relative to its root (a dotfile: hosts never serve it to readers). */
export const MANIFEST_NAME = '.phaseout-manifest.json';

/**
 * Whether a file of the built folder is served from object storage: not the build's own marker
 * and dotfiles, not `_headers` (read by Netlify and Cloudflare Pages only), and not the `.gz`
 * copies for nginx (object storage does not choose between a file and its gzip copy).
 */
export function served(rel: string, exists: (rel: string) => boolean): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (name.startsWith('.') || rel === '_headers') return false;
  if (rel.endsWith('.gz') && exists(rel.slice(0, -3))) return false;
  return true;
}

/** Every file of the built site in `dir`, by its path relative to it (`data/lines.csv`), sorted. */
export function builtFiles(dir: string): string[] {
  const all: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) all.push(p);
    }
  };
  walk('');
  return all.sort();
}

/** The manifest of the site in `dir` (reads every file once). */
export function siteManifest(dir: string): Manifest {
  const all = builtFiles(dir);
  const present = new Set(all);
  const files: Record<string, string> = {};
  for (const rel of all) {
    if (served(rel, (r) => present.has(r))) files[rel] = createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex');
  }
  return { format: 1, files };
}

export interface DeployPlan {
  /** New or changed files, in path order. */
  upload: string[];
  /** Files live but no longer in the site. */
  remove: string[];
  unchanged: number;
}

/** What to send and what to delete so that `live` becomes `local`. */
export function planDeploy(local: Manifest, live: Manifest | undefined): DeployPlan {
  const before = live?.files ?? {};
  const upload: string[] = [];
  let unchanged = 0;
  for (const [rel, hash] of Object.entries(local.files)) {
    if (before[rel] === hash) unchanged++;
    else upload.push(rel);
  }
  const remove = Object.keys(before).filter((rel) => !(rel in local.files));
  return { upload: upload.sort(), remove: remove.sort(), unchanged };
}

/** A manifest read back, or undefined if the text is not one. */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const m = JSON.parse(text) as Manifest;
    if (m.format !== 1 || typeof m.files !== 'object' || m.files === null) return undefined;
    for (const v of Object.values(m.files)) if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v)) return undefined;
    return m;
  } catch {
    return undefined;
  }
}
