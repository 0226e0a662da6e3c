import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Model } from '../derive/model.ts';
import { readPolicyTexts } from '../read/policies.ts';
import { creditCodeShards, searchDocuments } from './records.ts';

/**
 * Writes the search index into a built site: Pagefind (extended binary, Chinese segmentation)
 * over search documents built from the model (src/search/records.ts), and the credit-code shards at /search/codes/.
 * Returns counts for the build log and the benchmark.
 */
export async function writeSearchIndex(model: Model, siteDir: string, policiesDir = 'content/policies'): Promise<{ records: number; codes: number }> {
  const records = searchDocuments(model, readPolicyTexts(policiesDir));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  try {
    for (const r of records) {
      const res = await index.addHTMLFile({ url: r.url, content: r.html });
      if (res.errors.length) throw new Error(`Pagefind 无法索引 ${r.url}：${res.errors.join('；')}`);
    }
    const w = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (w.errors.length) throw new Error(`Pagefind 无法写出索引：${w.errors.join('；')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  // The search page talks to pagefind.js directly; Pagefind's ready-made UIs are not shipped.
  for (const f of readdirSync(join(siteDir, 'pagefind'))) {
    if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(f)) rmSync(join(siteDir, 'pagefind', f));
  }
  const dir = join(siteDir, 'search', 'codes');
  mkdirSync(dir, { recursive: true });
  let codes = 0;
  for (const [shard, map] of creditCodeShards(model)) {
    codes += Object.keys(map).length;
    writeFileSync(join(dir, `${shard}.json`), JSON.stringify(map));
  }
  return { records: records.length, codes };
}
