import type { Browser, BrowserContext } from 'playwright-core';
import type { AppServer } from './startAppServer';

/** The end of a browser test file: its contexts, Chromium and the server closed (whatever of them was started). */
export async function closeBrowserTest(
  contexts: readonly BrowserContext[],
  browser: Browser | undefined,
  server: AppServer | undefined,
): Promise<void> {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
}
