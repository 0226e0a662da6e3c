import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { PolicySchema } from './schema/policy.ts';

/** Policy texts: `content/policies/<slug>.mdx`, front matter checked by PolicySchema. */
const policies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/policies' }),
  schema: PolicySchema,
});

export const collections = { policies };
