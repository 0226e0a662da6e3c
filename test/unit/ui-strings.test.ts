/**
 * Every interface string goes through the dictionary (src/i18n/zh-CN.ts): no Chinese string
 * literal in the code that makes pages, charts and outputs, comments aside. The few files that must
 * hold Chinese text are listed with the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const DIRS = ['src/site', 'src/pages', 'src/components', 'src/layouts', 'src/charts', 'src/output'];
const HAN = /\p{Script=Han}/u;

/** Files that may hold Chinese literals, and why. */
const ALLOWED: Record<string, string> = {
  'src/site/component-examples.ts': 'example data and descriptions for the component gallery (/components/), documentation for developers',
  'src/charts/tile-layout.ts': 'reference data: the provinces’ names and short names (GB/T 2260) placed on the tile map',
  'src/output/tables.ts': 'the data dictionary of the downloads: Chinese names and descriptions of derived columns, as the schemas hold those of office columns',
  'src/output/workbooks.ts': 'the data dictionary of the workbooks’ index sheet (column names and descriptions) and its sheet name',
  'src/output/datapackage.ts': 'the Data Package’s own description and keywords (metadata of the published data, not interface)',
  'src/output/fields.ts': 'how a field’s unit is written into its description in the data dictionary',
  'src/output/report.ts': 'the validator’s text report for offices, worded alongside the catalogue of problems (src/problems)',
  'src/output/hosting.ts': 'a comment inside _headers naming the deployment guide’s file (docs/部署指南.md)',
  'src/site/guide.ts': 'the heading of the office guide’s appendix of problem codes, which it finds in docs/发布指南.md',
  'src/pages/search.astro': 'another branch is finishing the search page (issue 14); its two template labels (筛选, 分页) move to the dictionary there',
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The TypeScript of a file: a .ts file, or an .astro file's front matter and scripts. */
function scripts(file: string, text: string): string[] {
  if (!file.endsWith('.astro')) return [text];
  const out: string[] = [];
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) out.push(front[1]!);
  for (const m of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) out.push(m[1]!);
  return out;
}

/** The template of an .astro file without its front matter, scripts, styles, comments and {expressions}. */
function templateText(text: string): string {
  let s = text.replace(/^---\r?\n[\s\S]*?\r?\n---/, '').replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  // Drop {…} expressions, nested braces included.
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  s = out;
  return s;
}

/** Chinese string literals (strings, templates, regular expressions) outside comments and import paths. */
export function chineseLiterals(file: string, text: string): string[] {
  const found: string[] = [];
  for (const code of scripts(file, text)) {
    const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (n: ts.Node) => {
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) || ts.isRegularExpressionLiteral(n)) && HAN.test(n.getText())) {
        found.push(`${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.getText().slice(0, 60)}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  if (file.endsWith('.astro')) {
    const tpl = templateText(text);
    for (const line of tpl.split('\n')) if (HAN.test(line)) found.push(`template: ${line.trim().slice(0, 60)}`);
  }
  return found;
}

describe('interface strings', () => {
  const files = DIRS.flatMap((d) => walk(join(REPO, d))).filter((f) => /\.(ts|astro)$/.test(f)).map((f) => relative(REPO, f));

  it('come from the dictionary: no Chinese literal in pages, components, layouts, site, charts or outputs', () => {
    const offending: Record<string, string[]> = {};
    for (const f of files) {
      if (ALLOWED[f]) continue;
      const found = chineseLiterals(f, readFileSync(join(REPO, f), 'utf8'));
      if (found.length > 0) offending[f] = found;
    }
    expect(offending).toEqual({});
  });

  it('the allow-list names only files that exist and still need it', () => {
    for (const f of Object.keys(ALLOWED)) {
      expect(files, f).toContain(f);
      expect(chineseLiterals(f, readFileSync(join(REPO, f), 'utf8')).length, f).toBeGreaterThan(0);
    }
  });

  it('the check finds literals in code, templates and regular expressions, and not in comments or imports', () => {
    expect(chineseLiterals('x.ts', "// 注释\n/** 说明 */\nimport a from './发布指南.md';\nconst a = '中文';\nconst b = `共${n}条`;\nconst c = /示例/;")).toEqual(["4: '中文'", '5: `共${', '5: }条`', '6: /示例/']);
    expect(chineseLiterals('x.astro', "---\nconst x = 'a';\n---\n<!-- 注释 -->\n<p>{t.ok} 中文</p>\n<p>{'中文'}</p>")).toEqual(['template: <p> 中文</p>']);
  });
});
