/** The policy texts as lists show them: newest first. */
import { formatDate } from '../../i18n/format.ts';
import type { Policy } from '../../schema/policy.ts';
import { t } from '../../i18n/zh-CN.ts';

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

/**
 * A policy text's page: its facts as a reader should see them. The public source is shown; the
 * transcription note (which source file, what was inferred) is for maintainers and stays off the page.
 */
export function policyPage(data: Policy): { title: string; facts: { label: string; value: string }[] } {
  return {
    title: data.title,
    facts: [
      ...(data.doc_number ? [{ label: t.policy.docNumber, value: data.doc_number }] : []),
      { label: t.policy.issuer, value: data.issuer },
      { label: t.policy.issued, value: formatDate(data.issued) },
      ...(data.source ? [{ label: t.policy.source, value: data.source }] : []),
    ],
  };
}
