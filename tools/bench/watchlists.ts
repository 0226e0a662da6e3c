/**
 * The cost of releases, deltas and watchlists on a data root: the model built in process (as the
 * build does), then, best of three, deriving the watchlists and the deltas again, and making the
 * files they publish (/data/index.json, /data/changes.json, each watchlist's CSV and feed), with
 * their sizes. Prints nothing itself; scripts/bench.ts adds the numbers to its report.
 *
 * Alone: `npx tsx tools/bench/watchlists.ts DIR` after `npm run synth -- --lines 100000 --seed 1 --out DIR`.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildModel } from '../../src/derive/model.ts';
import { announcementDeltas } from '../../src/derive/deltas.ts';
import { deriveWatchlists, WATCHLIST_KINDS } from '../../src/derive/watchlists.ts';
import { changesJson, dataIndex, modelDeltas } from '../../src/output/data-index.ts';
import { watchlistFiles } from '../../src/output/watchlists.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';

export interface WatchlistsCost {
  lines: number;
  announcements: number;
  /** Validation and the whole model (watchlists included), once, as the build does them. */
  validateMs: number;
  modelMs: number;
  /** Best of three: the four watchlists alone. */
  watchlistsMs: number;
  /** Items on each list. */
  items: Record<string, number>;
  /** Best of three: the deltas of every announcement. */
  deltasMs: number;
  /** Best of three: changes.json's text from the deltas. */
  changesJsonMs: number;
  /** Best of three: the watchlists' CSVs and feeds. */
  watchlistFilesMs: number;
  /** Sizes in bytes; changes.json also gzipped (level 6, as static hosts serve it). */
  bytes: { index: number; changes: number; changesGzip: number; watchlistCsv: number; watchlistFeeds: number };
}

const best = (f: () => unknown, runs = 3): number => {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return Math.round(ms);
};
const utf8 = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.byteLength(s, 'utf8') : s.length);

export function watchlistsCost(data: string): WatchlistsCost {
  let t0 = performance.now();
  const record = validateDataRoot(data);
  const validateMs = Math.round(performance.now() - t0);
  t0 = performance.now();
  const model = buildModel(record);
  const modelMs = Math.round(performance.now() - t0);
  const site = new URL('https://phaseout.example.gov.cn/');
  const corrections = new Set(model.supersededBy.values());
  const deltas = modelDeltas(model);
  const changes = changesJson(model, deltas);
  let csv = 0;
  let feeds = 0;
  for (const f of watchlistFiles(model, site)) {
    if (f.path.endsWith('.csv')) csv += utf8(f.content);
    else feeds += utf8(f.content);
  }
  return {
    lines: model.lines.length,
    announcements: model.chronological.length,
    validateMs,
    modelMs,
    watchlistsMs: best(() => deriveWatchlists(model)),
    items: Object.fromEntries(WATCHLIST_KINDS.map((k) => [k, model.watchlists[k].items.length])),
    deltasMs: best(() => announcementDeltas(model.chronological, model.byId, corrections)),
    changesJsonMs: best(() => changesJson(model, deltas)),
    watchlistFilesMs: best(() => [...watchlistFiles(model, site)]),
    bytes: { index: utf8(JSON.stringify(dataIndex(model, site), null, 2)), changes: utf8(changes), changesGzip: gzipSync(changes).length, watchlistCsv: csv, watchlistFeeds: feeds },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('用法：npx tsx tools/bench/watchlists.ts 数据目录\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(watchlistsCost(resolve(dir)), null, 1)}\n`);
}
