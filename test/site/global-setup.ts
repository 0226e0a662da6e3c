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

/** The public origin the test sites are built for (a production build needs one). */
export const TEST_SITE = 'https://phaseout.example.gov.cn';

/**
 * Builds a site with `npm run build`'s script in a process of its own; the data root goes by
 * `--data`, or by PHASEOUT_DATA_DIR when `viaEnv`. `env` adds to or (with undefined) removes
 * from the environment; `args` are extra options.
 */
export function buildSite(data: string, out: string, viaEnv = false, opts: { env?: Record<string, string | undefined>; args?: string[] } = {}): { status: number | null; output: string } {
  const args = [...(viaEnv ? ['--out', out] : ['--data', data, '--out', out]), ...(opts.args ?? [])];
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', PHASEOUT_SITE: TEST_SITE, ...(viaEnv && { PHASEOUT_DATA_DIR: data }) };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

export default function setup() {
  for (const [name, { data, out }] of Object.entries(SITES)) {
    // The fixture site is built the way a data repository's CI would: PHASEOUT_DATA_DIR.
    const r = buildSite(data, out, name === 'basic');
    if (r.status !== 0) throw new Error(`building the ${name} site failed:\n${r.output}`);
  }
}
