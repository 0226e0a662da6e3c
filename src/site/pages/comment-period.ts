/**
 * The public comment window (公示期) of an announcement: what the page shows without JavaScript,
 * the dates and the channel (src/components/CommentPeriod.astro). The days left by the reader's
 * clock come from comment-window.ts, which the page's script bundles.
 */
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import type { AnnouncementMeta } from '../../schema/announcement.ts';

export interface CommentPeriodView {
  from: string;
  to: string;
  fromText: string;
  toText: string;
  /** 2025年4月1日至2025年4月10日 */
  window: string;
  channel: string;
  /** A link for a channel that is a web address or an e-mail address alone. */
  channelHref?: string | undefined;
}

export function commentPeriodView(meta: Pick<AnnouncementMeta, 'comment_period'>): CommentPeriodView | undefined {
  const p = meta.comment_period;
  if (!p) return undefined;
  const channel = p.channel.trim();
  const channelHref = /^https?:\/\/[^\s]+$/.test(channel) ? channel : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(channel) ? `mailto:${channel}` : undefined;
  const fromText = formatDate(p.from);
  const toText = formatDate(p.to);
  return { from: p.from, to: p.to, fromText, toText, window: t.commentPeriod.window(fromText, toText), channel, channelHref };
}
