/** What a test needs to drive and read the editor like a person would. */
import type { Page } from 'playwright-core';

export const EDITOR = '[data-testid="editor"] .tiptap';

/**
 * How long a wait for something the page does may take before the test fails with a readable
 * message. Only an upper bound (the wait ends at the event): generous, so a loaded machine makes
 * a test slower, not red; the test's own timeout (vitest.config.ts) is the outer bound.
 */
export const WAIT_MS = 60_000;

/** The editor's text without other people's caret labels (which are inside the content DOM). */
export function editorText(page: Page): Promise<string> {
  return page.$eval(EDITOR, (root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

/** Waits until the editor's own text (carets stripped) contains `text`. */
export async function waitForEditorText(page: Page, text: string, timeout = WAIT_MS): Promise<void> {
  await page.waitForFunction(
    ([selector, wanted]) => {
      const root = document.querySelector(selector);
      if (!root) return false;
      const copy = root.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return (copy.textContent ?? '').includes(wanted);
    },
    [EDITOR, text] as const,
    { timeout },
  );
}

/** The editor opens for editing only after the first sync with the server. */
export async function waitForEditable(page: Page, timeout = WAIT_MS): Promise<void> {
  await page.locator(`${EDITOR}[contenteditable="true"]`).waitFor({ timeout });
}

export async function syncStatus(page: Page): Promise<string> {
  return (await page.getByTestId('sync-status').textContent()) ?? '';
}

export const PASSWORD = 'en lang adgangskode';

/** Creates an account on /konto/opret (and is signed in afterwards, on the start page). */
export async function signUp(page: Page, baseUrl: string, name: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/konto/opret`);
  await page.getByLabel('Dit navn').fill(name);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Opret konto' }).click();
  await page.getByText(`Logget ind som ${name}`).waitFor();
}

/** Creates a blank document from the start page the page is on and waits for its editor page: its address and id. */
export async function createBlankDocument(page: Page, title: string): Promise<{ url: string; id: string }> {
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Tomt dokument').check();
  await page.getByRole('button', { name: 'Opret dokument' }).click();
  await page.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
  const url = page.url();
  return { url, id: new URL(url).pathname.split('/').pop() ?? '' };
}

/** Signs in on the page it is on (/konto/log-ind), with the test password. */
export async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/**
 * Presses a caret-moving key and lets ProseMirror read the new DOM selection (it does so on the
 * asynchronous selectionchange event; a key pressed in the same task would act on the old one).
 */
export async function moveCaret(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
