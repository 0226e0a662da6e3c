import type { Model } from '../derive/model.ts';

/** Every HTML page of the site, for the sitemap (and tests): derived from the same model. */
export function sitePaths(model: Model, policySlugs: readonly string[]): string[] {
  const assessmentYears = [...new Set(model.announcements.filter((a) => a.kind === 'assessment' && !model.superseded.has(a.id)).map((a) => a.meta.year))].sort();
  return [
    '/', '/regions/', '/industries/', '/announcements/', '/changes/', '/search/', '/policies/', '/data/', '/cards/',
    ...[...model.regionCodes].sort().map((c) => `/regions/${c}/`),
    ...model.enterprises.map((e) => `/enterprises/${e.key}/`),
    ...[...model.announcements].reverse().map((a) => `/announcements/${a.id}/`),
    ...model.taxonomy.industries.map((i) => `/industries/${i.id}/`),
    ...[...policySlugs].sort().map((s) => `/policies/${s}/`),
    ...assessmentYears.map((y) => `/assessments/${y}/`),
    ...[...new Set(model.announcements.map((a) => a.meta.year))].sort().flatMap((y) => [`/announcements/year/${y}/`, `/changes/year/${y}/`]),
    '/guide/',
  ];
}
