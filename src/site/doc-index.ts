import { buildDocIndex, type DocIndex } from './docnumbers.ts';
import { readPolicyTexts } from '../read/policies.ts';
import type { Model } from '../derive/model.ts';

let cached: { model: Model; index: DocIndex } | undefined;
/** Every document number on the site → its page: policy texts and announcements (built once per model). */
export function siteDocIndex(model: Model, policiesDir = 'content/policies'): DocIndex {
  if (cached?.model !== model) {
    const index = buildDocIndex([
      // Policy texts first: where an announcement carries the same number, the text it cites wins.
      ...readPolicyTexts(policiesDir).map((p) => ({ docNumber: p.docNumber, path: `/policies/${p.slug}/` })),
      ...model.chronological.map((a) => ({ docNumber: a.meta.doc_number, path: `/announcements/${a.id}/` })),
    ]);
    cached = { model, index };
  }
  return cached.index;
}
