/** The document page's top bar (issue 13): its "Del" and "Fase…" dialogs, opened as a person would. */
import type { Locator, Page } from 'playwright-core';

async function openDialog(page: Page, testId: string): Promise<Locator> {
  const dialog = page.getByTestId(testId);
  if (!(await dialog.isVisible())) await page.getByTestId(`${testId}-open`).click();
  await dialog.waitFor();
  return dialog;
}

/** Opens "Del" (if it is not open): the dialog with who has access, visibility, invitations, requests. */
export const openShareDialog = (page: Page): Promise<Locator> => openDialog(page, 'share-dialog');

/** Opens "Fase…" (if it is not open): the moves can() allows and the consultation's settings. */
export const openPhaseDialog = (page: Page): Promise<Locator> => openDialog(page, 'phase-dialog');

/** Opens "Bed om at skrive med…" for a reader. */
export const openAskDialog = (page: Page): Promise<Locator> => openDialog(page, 'ask-dialog');

/** Closes the open bar dialog with Escape and waits until it is gone. */
export async function closeBarDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}
