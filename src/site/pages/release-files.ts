/** The data page's section on the release and the files that describe it (src/components/ReleaseFiles.astro). */
import type { Model } from '../../derive/model.ts';
import { WATCHLIST_KINDS } from '../../derive/watchlists.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/zh-CN.ts';
import { CHANGES_PATH, INDEX_PATH, SCHEMA_PATHS } from '../../output/data-index.ts';
import { watchlistCsvPath } from '../../output/watchlists.ts';

export interface ReleaseFiles {
  intro: string;
  files: { href: string; name: string; about: string }[];
  watchlists: { href: string; name: string; about: string }[];
}

const nameOf = (path: string) => path.split('/').pop()!;

export function releaseFiles(model: Model): ReleaseFiles {
  const f = t.release.files;
  return {
    intro: t.release.filesIntro(model.release.id, formatDate(model.release.asOf)),
    files: [
      { href: INDEX_PATH, name: nameOf(INDEX_PATH), about: f.index },
      { href: CHANGES_PATH, name: nameOf(CHANGES_PATH), about: f.changes },
      { href: SCHEMA_PATHS.index, name: nameOf(SCHEMA_PATHS.index), about: f.indexSchema },
      { href: SCHEMA_PATHS.changes, name: nameOf(SCHEMA_PATHS.changes), about: f.changesSchema },
    ],
    watchlists: WATCHLIST_KINDS.map((k) => ({ href: watchlistCsvPath(k), name: nameOf(watchlistCsvPath(k)), about: t.watchlists.kinds[k].title })),
  };
}
