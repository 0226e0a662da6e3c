/**
 * SHA256SUMS files that verify where the files are downloaded: each lists files by their path
 * relative to its own folder, so `sha256sum -c SHA256SUMS` (or `--ignore-missing` for some of them)
 * works in that folder or a copy of it. /data/SHA256SUMS covers everything under /data/;
 * /regions/SHA256SUMS covers each region's workbook and data.json (`421202/data.json`).
 */
import { sha256 } from './downloads.ts';
import type { SiteFile } from './site-files.ts';

/** The folder whose SHA256SUMS lists a site path, or undefined if none does. */
export function checksumFolder(path: string): string | undefined {
  if (path.startsWith('/data/') && path !== '/data/SHA256SUMS') return '/data/';
  if (/^\/regions\/[0-9]{6}\/(?:announcements\.xlsx|data\.json)$/.test(path)) return '/regions/';
  return undefined;
}

/** Collects the hashes of the files that pass through, then writes one SHA256SUMS per folder. */
export class Checksums {
  private readonly byFolder = new Map<string, string[]>();

  /** Records `f` if a SHA256SUMS lists it; returns `f`. */
  add(f: SiteFile): SiteFile {
    const folder = checksumFolder(f.path);
    if (folder) {
      let list = this.byFolder.get(folder);
      if (!list) this.byFolder.set(folder, (list = []));
      // Two spaces: sha256sum's text mode, which `sha256sum -c` reads on every system.
      list.push(`${sha256(f.content)}  ${f.path.slice(folder.length)}`);
    }
    return f;
  }

  *files(): Generator<SiteFile> {
    for (const [folder, lines] of [...this.byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
      yield { path: `${folder}SHA256SUMS`, mediaType: 'text/plain; charset=utf-8', content: `${[...lines].sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join('\n')}\n` };
    }
  }
}
