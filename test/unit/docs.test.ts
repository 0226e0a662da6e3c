/**
 * docs/发布指南.md and templates/ are generated in part from the schemas and the catalogue
 * (`npm run gen-docs`); these tests fail when the committed files differ from what would be
 * generated, when the guide's worked example stops validating, or when the site's rendering of
 * the guide loses its accessible tables or its links.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KINDS, TABLE_SCHEMAS } from '../../src/schema/announcement.ts';
import { columnsOf } from '../../src/schema/column.ts';
import { CATALOGUE } from '../../src/problems/catalogue.ts';
import { validateDataRoot } from '../../src/validate/validate.ts';
import { GUIDE_PATH, renderGuide } from '../../src/publish/guide.ts';
import { templateFiles } from '../../src/publish/templates.ts';
import { CODES_HEADING, headingId, renderGuideHtml, siteHref } from '../../src/site/guide.ts';
import { runScript } from '../support/scripts.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const guide = readFileSync(join(REPO, GUIDE_PATH), 'utf8');

describe('docs/发布指南.md', () => {
  it('is what npm run gen-docs generates (run it after changing a schema or the catalogue)', () => {
    expect(guide).toBe(renderGuide(guide));
  });

  it('the templates are what npm run gen-docs generates', () => {
    for (const [path, content] of templateFiles()) expect(readFileSync(join(REPO, path), 'utf8'), path).toBe(content);
  });

  it('npm run gen-docs -- --check agrees', async () => {
    const r = await runScript('gen-docs', ['--check']);
    expect(r.stdout + r.stderr).toContain('都是最新的');
    expect(r.status).toBe(0);
  });

  it('explains every problem code and every column', () => {
    for (const code of Object.keys(CATALOGUE)) expect(guide, code).toContain(`| \`${code}\` |`);
    for (const kind of KINDS) for (const c of columnsOf(TABLE_SCHEMAS[kind])) expect(guide, c.name).toContain(`| ${c.meta.zh} | \`${c.name}\` |`);
  });

  it('its worked example (plan, completion and a correction) validates', () => {
    const files = [...guide.matchAll(/<!-- file: (\S+) -->\n```[a-z]*\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(files.map(([p]) => p)).toEqual([
      'announcements/2026/2026-421202-plan.md',
      'announcements/2026/2026-421202-plan.csv',
      'announcements/2026/2026-421202-completion.md',
      'announcements/2026/2026-421202-completion.csv',
      'announcements/2026/2026-421202-completion-2.md',
      'announcements/2026/2026-421202-completion-2.csv',
    ]);
    const root = mkdtempSync(join(tmpdir(), 'phaseout-guide-'));
    try {
      for (const [path, text] of files) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const record = validateDataRoot(root);
      expect(record.report.problems.filter((p) => p.code !== 'not-locked')).toEqual([]);
      expect([...record.superseded]).toEqual(['2026-421202-completion']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('its links to its own sections lead to headings', () => {
    const ids = new Set([...guide.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingId(m[1]!)));
    const anchors = [...guide.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) expect(ids, a).toContain(a);
    expect(guide).toContain(`\n## ${CODES_HEADING}\n`);
  });

  it('its links to repository files exist', () => {
    const links = [...guide.matchAll(/\]\(((?:\.\.\/)?(?:templates|ci)\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBe(7);
    for (const l of links) expect(() => readFileSync(join(REPO, 'docs', l)), l).not.toThrow();
  });
});

describe('the guide as a page of the site', () => {
  const page = renderGuideHtml(guide);

  it('takes its title from the document and lists the chapters', () => {
    expect(page.title).toBe('淘汰落后产能公告发布指南');
    expect(page.html).not.toContain('<h1');
    expect(page.toc.map((h) => h.text)).toContain(CODES_HEADING);
  });

  it('every table has a caption and column headers with scope', () => {
    const tables = page.html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      expect(t).toMatch(/^<table><caption>[^<]+<\/caption><thead>/);
      expect(t).not.toMatch(/<th(?=[\s>])(?! scope="col")/);
    }
    expect(page.html).not.toMatch(/style=/); // the site's Content-Security-Policy allows no inline style
  });

  it('links to templates and CI examples point at their copies on the site', () => {
    expect(siteHref('../templates/plan.csv')).toBe('/guide/templates/plan.csv');
    expect(siteHref('ci/gitlab-ci.yml')).toBe('/guide/ci/gitlab-ci.yml');
    expect(siteHref('https://example.org/')).toBe('https://example.org/');
    expect(page.html).toContain('href="/guide/templates/cards.csv"');
    expect(page.html).not.toContain('href="../templates/');
  });

  it('headings carry the ids the guide links to', () => {
    expect(page.html).toContain(`<h2 id="${headingId(CODES_HEADING)}">`);
  });
});

describe('example CI workflows (docs/ci/)', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const read = (name: string) => readFileSync(join(REPO, 'docs', 'ci', name), 'utf8');

  it.each([['github-actions.yml'], ['gitlab-ci.yml']])('%s: valid YAML, npm install (not npm ci), Node ≥ 22.12, only the project\'s own npm scripts', (name) => {
    const text = read(name);
    expect(() => parseYaml(text)).not.toThrow();
    expect(text).toContain('npm install');
    expect(text).not.toMatch(/^[^#\n]*npm ci\b/m);
    expect(text).toContain('22.12');
    for (const m of text.matchAll(/npm run (?:--silent )?([a-z-]+)/g)) expect(Object.keys(pkg.scripts), m[1]).toContain(m[1]);
    expect(text).toContain('npm run validate');
    expect(text).toContain('npm run build');
  });

  it('GitHub: validates with annotations on pull requests, builds, and deploys to Pages from main', () => {
    const wf = parseYaml(read('github-actions.yml')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const runs = wf.jobs.build!.steps.map((s) => s.run ?? s.uses ?? '');
    const validate = runs.findIndex((r) => r.includes('npm run validate -- --format github ${base:+--base "$base"}'));
    expect(validate).toBeGreaterThanOrEqual(0);
    expect(validate).toBeLessThan(runs.indexOf('npm run build'));
    expect(wf.jobs.deploy!.steps.map((s) => s.uses)).toContain('actions/deploy-pages@v4');
  });

  it('GitLab: validates merge requests and publishes public/ with a pages job', () => {
    const ci = parseYaml(read('gitlab-ci.yml')) as Record<string, { script?: string[]; artifacts?: { paths?: string[] } }>;
    expect(ci.validate!.script).toContain('npm run validate -- ${base:+--base "$base"}');
    expect(ci.pages!.script).toContain('npm run build -- --out public');
    expect(ci.pages!.artifacts!.paths).toEqual(['public']);
  });
});
