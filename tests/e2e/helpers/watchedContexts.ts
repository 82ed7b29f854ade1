/**
 * The browser contexts of one test file, each watched: its CSP violations and dialogs (dismissed)
 * are collected, so the file's afterEach can say the running test had none.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectCspViolations } from './cspViolations';
import { WAIT_MS } from './editorPage';

export interface WatchedContexts {
  /** Every context made, for closeBrowserTest. */
  readonly contexts: BrowserContext[];
  readonly cspViolations: string[];
  readonly dialogs: string[];
  /** Watches a context (the `setUp` of signedInProfile and consultationDocument). */
  readonly watch: (context: BrowserContext) => Promise<void>;
  /** A signed-out browser profile, watched. */
  readonly newPage: (browser: Browser) => Promise<Page>;
}

export function watchedContexts(): WatchedContexts {
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  const dialogs: string[] = [];
  const watch = async (context: BrowserContext): Promise<void> => {
    context.setDefaultTimeout(WAIT_MS);
    await collectCspViolations(context, cspViolations);
    context.on('page', (page) =>
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
  };
  const newPage = async (browser: Browser): Promise<Page> => {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await watch(context);
    return context.newPage();
  };
  return { contexts, cspViolations, dialogs, watch, newPage };
}
