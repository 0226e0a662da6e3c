import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PolicySchema } from '../schema/policy.ts';

/** A policy text as plain text, for search and document-number links. */
export interface PolicyText {
  slug: string;
  title: string;
  docNumber?: string | undefined;
  issuer: string;
  text: string;
}

/** Policy texts as plain text for the search index: front matter checked, Markdown marks removed. */
export function readPolicyTexts(dir = 'content/policies'): PolicyText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const src = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n');
      const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(src);
      const data = PolicySchema.parse(parseYaml(m?.[1] ?? ''));
      const text = (m?.[2] ?? '')
        .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1')
        .replace(/^#+\s*/gm, '')
        .replace(/[|*_`>]/g, ' ')
        .replace(/-{3,}/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return { slug: f.replace(/\.mdx$/, ''), title: data.title, docNumber: data.doc_number, issuer: data.issuer, text };
    });
}
