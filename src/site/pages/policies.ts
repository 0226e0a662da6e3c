/** The policy texts as lists show them: newest first. */
import { formatDate } from '../../i18n/format.ts';
import type { Policy } from '../../schema/policy.ts';

export interface PolicyItem {
  href: string;
  title: string;
  docNumber?: string | undefined;
  issuer: string;
  date: string;
}

export function policyList(entries: readonly { id: string; data: Policy }[]): PolicyItem[] {
  return [...entries]
    .sort((a, b) => (a.data.issued < b.data.issued ? 1 : a.data.issued > b.data.issued ? -1 : a.id < b.id ? -1 : 1))
    .map((e) => ({ href: `/policies/${e.id}/`, title: e.data.title, docNumber: e.data.doc_number, issuer: e.data.issuer, date: formatDate(e.data.issued) }));
}
