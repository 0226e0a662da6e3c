/** Writes generated files into a built site's folder, making each folder once. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteFile } from '../output/site-files.ts';

export async function writeSiteFiles(siteDir: string, files: Iterable<SiteFile> | AsyncIterable<SiteFile>): Promise<{ files: number; bytes: number }> {
  const made = new Set<string>();
  let count = 0;
  let bytes = 0;
  for await (const f of files) {
    if (!f.path.startsWith('/') || f.path.includes('..')) throw new Error(`生成的文件路径不对：${f.path}`);
    const target = join(siteDir, f.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, f.content);
    count++;
    bytes += typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.byteLength;
  }
  return { files: count, bytes };
}
