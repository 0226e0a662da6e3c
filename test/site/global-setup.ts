/**
 * Builds the sites the site and browser tests read, once per test run: the fixture data root
 * test/fixtures/site/basic and the sample record in data/. Each goes through `npm run build`'s
 * own script, so the tests exercise exactly what offices run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SITES = {
  basic: { data: join(ROOT, 'test/fixtures/site/basic'), out: join(ROOT, 'test/.tmp/site-basic') },
  sample: { data: join(ROOT, 'data'), out: join(ROOT, 'test/.tmp/site-sample') },
  hostile: { data: join(ROOT, 'test/fixtures/site/hostile'), out: join(ROOT, 'test/.tmp/site-hostile') },
  /** More enterprises than one page of results, and one that changed its name (issue 14). */
  search: { data: join(ROOT, 'test/fixtures/site/search'), out: join(ROOT, 'test/.tmp/site-search') },
} as const;

/** Builds a site; the data root goes by `--data`, or by PHASEOUT_DATA_DIR when `viaEnv`. */
export function buildSite(data: string, out: string, viaEnv = false): { status: number | null; output: string } {
  const args = viaEnv ? ['--out', out] : ['--data', data, '--out', out];
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', ...(viaEnv && { PHASEOUT_DATA_DIR: data }) },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

export default function setup() {
  for (const [name, { data, out }] of Object.entries(SITES)) {
    // The fixture site is built the way a data repository's CI would: PHASEOUT_DATA_DIR.
    const r = buildSite(data, out, name === 'basic');
    if (r.status !== 0) throw new Error(`building the ${name} site failed:\n${r.output}`);
  }
}
