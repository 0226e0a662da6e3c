/**
 * Validation against papaparse's bare parse of the same bytes, in one process, in rounds that take
 * each measure in turn (so a slow spell of the machine falls on both sides), best of five.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readDataRoot, type RawFile } from '../../src/read/load.ts';
import { validateDataRoot, validateRaw } from '../../src/validate/validate.ts';

export interface ValidationVsParse {
  /** validateDataRoot: reading every file and every check. */
  validateMs: number;
  /** Reading the same files and parsing each one's text with papaparse alone. */
  readParseMs: number;
  /** validateRaw on the bytes already read. */
  validateRawMs: number;
  /** papaparse alone on the text of the same files, in memory. */
  parseAllMs: number;
  /** papaparse alone on the CSV text only, in memory (the strictest comparison). */
  parseCsvMs: number;
}

/**
 * Validation in-process against papaparse's bare parse of the same bytes (best of 5 rounds):
 * every file validation reads (.md, .csv, published.lock, reference tables) is read and parsed
 * by papaparse alone, from disk as validation reads it and in memory; and, strictest, the CSV
 * text alone in memory.
 */
export function validationVsParse(data: string): ValidationVsParse {
  const raw = readDataRoot(data);
  const rawFiles = [
    ...raw.announcements.flatMap((a) => [a.md, a.csv]),
    raw.industries, raw.regions, raw.lock,
  ].filter((f): f is RawFile => f !== undefined);
  const paths = rawFiles.map((f) => join(data, f.path));
  const texts = rawFiles.map((f) => Buffer.from(f.bytes).toString('utf8'));
  const csvs = texts.filter((_, i) => rawFiles[i]!.path.endsWith('.csv'));
  const measures: Record<keyof ValidationVsParse, () => void> = {
    parseCsvMs: () => { for (const c of csvs) Papa.parse(c, { delimiter: ',' }); },
    parseAllMs: () => { for (const c of texts) Papa.parse(c, { delimiter: ',' }); },
    readParseMs: () => { for (const f of paths) Papa.parse(readFileSync(f, 'utf8'), { delimiter: ',' }); },
    validateRawMs: () => { validateRaw(raw); },
    validateMs: () => { validateDataRoot(data); },
  };
  // Rounds that take each measure in turn, so that a slow spell of the machine does not fall on
  // one side of a comparison only; the best of five rounds is kept for each.
  const best = Object.fromEntries(Object.keys(measures).map((k) => [k, Infinity])) as unknown as ValidationVsParse;
  for (let round = 0; round < 5; round++) {
    for (const [k, fn] of Object.entries(measures) as [keyof ValidationVsParse, () => void][]) {
      const t = performance.now();
      fn();
      best[k] = Math.min(best[k], Math.round(performance.now() - t));
    }
  }
  return best;
}

