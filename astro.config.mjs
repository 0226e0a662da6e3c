// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // Set PHASEOUT_SITE to the public origin (https://…) so feeds and the sitemap carry absolute links.
  site: process.env.PHASEOUT_SITE || 'https://phaseout.example.org',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
