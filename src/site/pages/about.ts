/**
 * /about/: who publishes the site, where its data comes from, how to report an error (监督举报)
 * and how to cite it. Its figures come from the model; its citation is the footer's own.
 */
import type { Model } from '../../derive/model.ts';
import { t } from '../../i18n/zh-CN.ts';
import { citation } from '../../output/citation.ts';
import { REGION_TABLE_SOURCE } from '../../reference/regions.ts';
import { GLOSSARY } from '../glossary.ts';

export interface AboutPage {
  title: string;
  description: string;
  counts: string;
  regions: string;
  citation: string;
  links: { glossary: string; policies: string; changes: string; data: string; components: string; guide: string };
}

export function aboutPage(model: Model, site: URL): AboutPage {
  const issuers = new Set<string>();
  for (const a of model.chronological) issuers.add(a.meta.issuer);
  return {
    title: t.about.title,
    description: t.about.description,
    counts: t.about.howMany(model.chronological.length, issuers.size, model.lines.length),
    regions: t.about.regionsSource(REGION_TABLE_SOURCE.vintage),
    citation: citation({ title: t.about.title, release: model.release, url: new URL('/about/', site).href }),
    links: { glossary: GLOSSARY.page, policies: '/policies/', changes: '/changes/', data: '/data/', components: '/components/', guide: '/guide/' },
  };
}
