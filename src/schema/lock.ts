import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** One published announcement in `published.lock`: the SHA-256 of its two files' bytes. */
export const LockEntrySchema = z.strictObject({ md: sha256, csv: sha256 });
/** `published.lock`: announcement id → SHA-256 of its two files' bytes. */
export const LockSchema = z.record(z.string(), LockEntrySchema);
export type Lock = z.infer<typeof LockSchema>;

/** What one region code of a published row resolved to. */
export const RegionReferenceSchema = z.strictObject({
  name: z.string(),
  /** Absent for the nation. */
  parent: z.string().optional(),
  valid_from: z.string().optional(),
  valid_to: z.string().optional(),
});
export type RegionReference = z.infer<typeof RegionReferenceSchema>;

/**
 * The lock's `_references` key: what published rows resolved to when they were locked, so that an
 * edit of `industries.csv` or `regions.csv` cannot change them (`reference-changed`). Written by
 * `npm run lock`; offices never edit it.
 */
export const ReferencesSchema = z.strictObject({
  /** Each spelling (id, name or alias) of an industry some published row is in → that industry's id. */
  industries: z.record(z.string(), z.string()),
  /** Each region code published rows use, and its ancestors → name, parent and validity. */
  regions: z.record(z.string(), RegionReferenceSchema),
});
export type References = z.infer<typeof ReferencesSchema>;

/** The key of `published.lock` that holds References; no announcement id can be it (ids start with a letter or digit). */
export const REFERENCES_KEY = '_references';

/** The lock's file name in the data root. */
export const LOCK_FILE = 'published.lock';
