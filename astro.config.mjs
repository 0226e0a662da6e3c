// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The public origin comes from the build (scripts/build.ts: PHASEOUT_SITE, or the preview origin),
// which passes it as `site`; `astro dev` uses the preview origin.
export default defineConfig({
  site: process.env.PHASEOUT_SITE || 'http://localhost:4321',
  trailingSlash: 'always',
  // Pages render while earlier ones are being written: a national site is over 100,000 files, and
  // writing them one after another left the processor idle a third of the time.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // MDX marks its modules with a directive the bundler cannot keep; Astro handles it. Not ours to fix.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
