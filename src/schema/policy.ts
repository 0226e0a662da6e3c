import { z } from 'zod';

/** Front matter of a policy text in `content/policies/<slug>.mdx`. */
export const PolicySchema = z.object({
  /** Full title as issued, e.g. 国务院关于进一步加强淘汰落后产能工作的通知. */
  title: z.string().min(1),
  /** 文号 as written in the source, any bracket style, e.g. 国发〔2025〕7号; absent when the text has none. */
  doc_number: z.string().min(1).optional(),
  /** Issuing body or bodies, e.g. 国务院, 随州市经济和信息化局等十五部门. */
  issuer: z.string().min(1),
  /** Date of issue, `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the source gives no more. */
  issued: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** Level of the issuer. */
  level: z.enum(['national', 'province', 'city', 'county']),
  /** 6-digit administrative code of the issuing region; `000000` is national. */
  region: z.string().regex(/^\d{6}$/),
  /** What the document is. */
  kind: z.enum(['notice', 'opinion', 'plan', 'assessment-scheme', 'summary', 'forward', 'other']),
  /**
   * Where a reader can find the original, as the source names it: a publisher, a site, a document
   * that forwards it. Shown on the page; absent where the source names none.
   */
  source: z.string().min(1).optional(),
  /**
   * How the text was transcribed: which source file, which copy, what was inferred. For the people
   * who maintain the texts; never shown on a page.
   */
  transcription: z.string().min(1),
  /** Sort key within the site; optional. */
  order: z.number().int().optional(),
});
export type Policy = z.infer<typeof PolicySchema>;
