import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, serve, type StaticServer } from '../../tools/browser.ts';

/**
 * A browser and a loopback server for one built site, started before the tests of the enclosing
 * file or describe block and stopped after them. Read `.browser` and `.origin` inside tests.
 */
export function browseSite(site: string): { browser: Browser; origin: string } {
  const session = {} as { browser: Browser; origin: string };
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [session.browser, server] = await Promise.all([launch(), serve(site)]);
    session.origin = server.origin;
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
  });
  return session;
}
