/**
 * Collects every Content-Security-Policy violation the pages of a browser context report: the
 * `securitypolicyviolation` event (also fired for an eval attempt the page catches, like a library's
 * `new Function` probe) and Chromium's own console messages about the policy.
 */
import type { BrowserContext, Page } from 'playwright-core';

const BINDING = '__samskrivCspViolation';

export async function collectCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding(BINDING, ({ page }, text: string) => {
    into.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, unknown>)[binding] as (text: string) => void;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  }, BINDING);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) into.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
}

/**
 * Lets the page finish what it queued: violation events are dispatched in a task of their own, so
 * one macrotask later (and after the binding's round trip) every earlier violation is recorded.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}
