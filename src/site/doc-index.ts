import { buildDocIndex, type DocIndex } from './docnumbers.ts';
import { readPolicyTexts } from '../read/policies.ts';
import { getModel } from './record.ts';

let cached: DocIndex | undefined;
/** Every document number on the site → its page: policy texts and announcements. */
export function siteDocIndex(): DocIndex {
  cached ??= buildDocIndex([
    // Policy texts first: where an announcement carries the same number, the text it cites wins.
    ...readPolicyTexts().map((p) => ({ docNumber: p.docNumber, path: `/policies/${p.slug}/` })),
    ...[...getModel().announcements].reverse().map((a) => ({ docNumber: a.meta.doc_number, path: `/announcements/${a.id}/` })),
  ]);
  return cached;
}
