/**
 * /glossary/: how each status, 逾期, 未见完成公告 and 完成率 are computed and whose record each
 * follows. The rules themselves live in src/derive (deadline.ts, model.ts); this page says them
 * in words, with the record's own counts as examples.
 */
import type { Model } from '../../derive/model.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { LINE_STATUSES } from '../../schema/line.ts';
import { statusLabel } from '../labels.ts';
import { GLOSSARY } from '../glossary.ts';
import { cell, statusClass, type TableData } from '../table.ts';

export interface GlossarySection {
  /** The anchor other pages link (GLOSSARY). */
  id: string;
  title: string;
  paragraphs: string[];
  table?: TableData | undefined;
  links?: { href: string; label: string }[] | undefined;
}

export interface GlossaryPage {
  title: string;
  description: string;
  intro: string;
  sections: GlossarySection[];
}

const COMPLETE = new Set(['sealed', 'dismantled', 'accepted']);
const anchor = (href: string) => href.slice(href.indexOf('#') + 1);

export function glossaryPage(model: Model): GlossaryPage {
  const g = t.glossary;
  const nation = model.progressByRegion.get('000000');
  const counts = (n: number | undefined) => formatNumber(n ?? 0);
  return {
    title: g.title,
    description: g.description,
    intro: g.intro,
    sections: [
      {
        id: anchor(GLOSSARY.status), title: g.status, paragraphs: [g.statusIntro],
        table: {
          caption: g.statusTable,
          columns: [{ label: g.statusTerm }, { label: g.statusMeaning, prose: true }, { label: t.progress.complete }, { label: t.progress.lines, numeric: true }],
          rows: LINE_STATUSES.map((s) => ({
            cells: [cell({ text: statusLabel(s), className: statusClass(s) }), cell(g.statuses[s]), cell(COMPLETE.has(s) ? t.yes : t.no), { parts: [{ text: counts(nation?.byStatus[s]) }], numeric: true }],
          })),
        },
      },
      {
        id: anchor(GLOSSARY.shutdown), title: g.shutdown, paragraphs: [g.shutdownText],
        links: [
          { href: `/policies/${t.watchlists.kinds['not-dismantled'].policy}/`, label: `${g.shutdownLinks}：${t.watchlists.kinds['not-dismantled'].source}` },
          { href: '/watchlists/not-dismantled/', label: g.notDismantled },
        ],
      },
      { id: anchor(GLOSSARY.share), title: g.share, paragraphs: [g.shareText] },
      {
        id: anchor(GLOSSARY.overdue), title: g.overdue, paragraphs: [g.overdueText, g.counted(t.progress.overdue, counts(nation?.overdue))],
        links: [{ href: '/watchlists/overdue/', label: g.overdueList }],
      },
      { id: anchor(GLOSSARY.unreported), title: g.unreported, paragraphs: [g.unreportedText, g.counted(t.progress.unreported, counts(nation?.unreported))] },
      { id: anchor(GLOSSARY.asOf), title: g.asOf, paragraphs: [g.asOfText] },
      { id: 'example', title: g.example, paragraphs: [g.exampleText] },
    ],
  };
}
