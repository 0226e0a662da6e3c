import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast, no build) and `site`, whose global setup builds the fixture and
 * sample sites once so that the site tests and the browser tests read the same output.
 */
export default defineConfig({
  test: {
    environment: 'node',
    // Dates are reported and compared as calendar days in China.
    env: { TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1' },
    // The CLI tests start child processes; give them room on slow machines.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/site/global-setup.ts'],
          hookTimeout: 300_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
