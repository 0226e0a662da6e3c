import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** `published.lock`: announcement id → SHA-256 of its two files' bytes. */
export const LockSchema = z.record(z.string(), z.strictObject({ md: sha256, csv: sha256 }));
export type Lock = z.infer<typeof LockSchema>;

/** The lock's file name in the data root. */
export const LOCK_FILE = 'published.lock';
