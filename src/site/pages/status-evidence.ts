/**
 * Whose record a line's status follows: the announcement in force that gave it, its issuer and
 * publication date, for the enterprise page (src/components/StatusEvidence.astro).
 */
import type { LineState, Model } from '../../derive/model.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { statusLabel } from '../../schema/line.ts';
import { escapeHtml, htmlAttr } from '../../text/escape.ts';

/** The glossary's section on statuses (issue 16 builds the page). */
export const GLOSSARY_STATUS = '/glossary/#status';

export interface StatusEvidence {
  status: string;
  /** 楚雄州工业和信息化委员会2025年12月31日发布的 */
  by: string;
  announcement: { href: string; title: string; docNumber?: string | undefined };
  published: string;
  /** Every announcement that lists the line has been corrected, and no correction lists it. */
  supersededOnly: boolean;
  glossaryHref: string;
}

/** The line's status and the announcement it comes from: the latest in force, as the model takes it. */
export function statusEvidence(model: Model, line: LineState): StatusEvidence {
  const inForce = line.mentions.findLast((m) => !m.superseded);
  const m = inForce ?? line.mentions.at(-1)!;
  const a = model.byId.get(m.announcementId);
  return {
    status: statusLabel(line.status),
    by: t.statusEvidence.basis(a?.meta.issuer ?? '', formatDate(m.published)),
    announcement: { href: `/announcements/${m.announcementId}/`, title: a?.meta.title ?? m.announcementId, docNumber: a?.meta.doc_number },
    published: m.published,
    supersededOnly: inForce === undefined,
    glossaryHref: GLOSSARY_STATUS,
  };
}

/**
 * The evidence as the paragraph under a line's heading: the status, linking its meaning in the
 * glossary, then whose announcement it follows and when. The announcement is named by its
 * document number where it has one (the line's record just below gives its title), else by its
 * title.
 */
export function statusEvidenceHtml(e: StatusEvidence): string {
  const name = e.announcement.docNumber ?? `《${e.announcement.title}》`;
  return `<p class=status-evidence>${t.statusEvidence.label}：<a${htmlAttr('href', e.glossaryHref)}>${escapeHtml(e.status)}</a>，${t.line.according}${escapeHtml(e.by)}<a${htmlAttr('href', e.announcement.href)}>${escapeHtml(name)}</a>${e.supersededOnly ? t.statusEvidence.superseded : ''}</p>`;
}
