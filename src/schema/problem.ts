import { z } from 'zod';

/** One problem found by the validator. This is the `--format json` contract. */
export const ProblemSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  /** Stable kebab-case name, e.g. `lock-mismatch`. */
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Relative to the data root, `/` separators. */
  file: z.string(),
  /** Physical line (CSV header = 1; for front matter, the line in the .md); absent for a whole file. */
  line: z.number().int().min(1).optional(),
  /** Canonical column name or front-matter key; for an unknown column, its header as written. */
  column: z.string().optional(),
  /** The offending value, as written. */
  value: z.string().optional(),
  /** What is wrong, in Chinese. */
  message: z.string(),
  /** How to fix it, in Chinese. */
  hint: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ReportSchema = z.strictObject({
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  problems: z.array(ProblemSchema),
});
export type Report = z.infer<typeof ReportSchema>;
