import { buildDocIndex, policyDocNumbers, type DocIndex } from './docnumbers.ts';
import { getModel } from './record.ts';

let cached: DocIndex | undefined;
/** Every document number on the site → its page: policy texts and announcements. */
export function siteDocIndex(): DocIndex {
  cached ??= buildDocIndex([
    ...policyDocNumbers(),
    ...[...getModel().announcements].reverse().map((a) => ({ docNumber: a.meta.doc_number, path: `/announcements/${a.id}/` })),
  ]);
  return cached;
}
