/**
 * Waits until an async check run in the page answers true. Playwright's `page.waitForFunction`
 * does not await a promise: an async predicate returns one, which is truthy, so it resolves at
 * once whatever the check would have said (eslint refuses async predicates there for that reason).
 * This re-runs the check until it holds, each run starting when the previous one has answered;
 * the timeout only turns a hang into a readable failure.
 */
import type { Page } from 'playwright-core';

export async function waitInPage<A>(
  page: Page,
  check: (arg: A) => Promise<boolean>,
  arg: A,
  options: { readonly what: string; readonly timeout?: number },
): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    // `evaluate` awaits the promise the check returns (unlike waitForFunction).
    if (await page.evaluate(check as (arg: unknown) => Promise<boolean>, arg as unknown)) return;
    if (Date.now() > deadline) throw new Error(`timed out in the page waiting for ${options.what}`);
    // Lets the page's own work (IndexedDB writes, the worker's fetches) run before the next look.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  }
}
