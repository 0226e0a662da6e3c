/**
 * Links to check an enterprise on two national platforms by its credit code. Links only: the
 * build requests nothing. Neither platform accepts a query in a link (the credit register's
 * search needs a captcha first and posts its form; the permit platform's public search posts a
 * form too), so the page links their search pages and shows the code to paste.
 */
import type { EnterpriseState } from '../../derive/model.ts';
import { t } from '../../i18n/zh-CN.ts';
import { escapeHtml, htmlAttr } from '../../text/escape.ts';

/** 国家企业信用信息公示系统: its home page holds the search box. */
export const GSXT_SEARCH = 'https://www.gsxt.gov.cn/index.html';
/** 全国排污许可证管理信息平台, public side: 许可信息公开, searchable by unit name and region. */
export const PERMIT_SEARCH = 'https://permit.mee.gov.cn/permitExt/syssb/xkgg/xkgg!licenseInformation.action';

export interface CheckElsewhere {
  code: string;
  links: { name: string; what: string; href: string }[];
}

/**
 * The section as HTML, as short as HTML allows (it is on most of a national site's 61,000
 * enterprise pages); the code is escaped.
 */
export function checkElsewhereHtml(c: CheckElsewhere): string {
  const links = c.links.map((l) => `<li><a${htmlAttr('href', l.href)} rel=nofollow>${escapeHtml(l.name)}</a>（${escapeHtml(l.what)}）`).join('');
  return `<section class=check-elsewhere><h2>${t.checkElsewhere.title}</h2><p>${t.checkElsewhere.paste} <code class=copyable>${escapeHtml(c.code)}</code> ${t.checkElsewhere.pasteAfter}<ul>${links}</ul></section>`;
}

export function checkElsewhere(e: Pick<EnterpriseState, 'creditCode'>): CheckElsewhere | undefined {
  if (!e.creditCode) return undefined;
  return {
    code: e.creditCode,
    links: [
      { name: t.checkElsewhere.gsxt, what: t.checkElsewhere.gsxtWhat, href: GSXT_SEARCH },
      { name: t.checkElsewhere.permit, what: t.checkElsewhere.permitWhat, href: PERMIT_SEARCH },
    ],
  };
}
