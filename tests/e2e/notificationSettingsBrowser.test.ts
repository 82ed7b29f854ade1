/**
 * The "Notifikationer" section of /konto in Chromium (production build, no SMTP): labelled choices in
 * fieldsets with legends, a saved choice announced in the status line, kept after a reload, and as
 * the API answers; the page says e-mail is not configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentsClient } from './helpers/commentsClient';
import { launchChromium } from './helpers/launchChromium';
import { signedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(() => closeBrowserTest(contexts, browser, server));

describe('notification settings on /konto', () => {
  it('chooses a default and a per-kind frequency, says it is saved, and keeps it', async () => {
    const karen = await signedInProfile(browser, server, 'Karen Jensen', { contexts });
    const page = karen.page;
    await page.goto(`${server.url}/konto`);
    const section = page.getByTestId('notification-settings');
    await section.getByRole('heading', { level: 2, name: 'Notifikationer' }).waitFor();
    await section.getByText('Denne server sender ikke e-mails endnu.', { exact: false }).waitFor();

    const defaults = section.getByRole('group', { name: 'E-mail om notifikationer' });
    expect(await defaults.getByRole('radio', { name: 'Straks' }).isChecked()).toBe(true);
    const perKind = section.getByRole('group', { name: 'For hver slags notifikation' });
    const comments = perKind.getByLabel('Nye kommentarer og ændringsforslag på dokumenter, du følger');
    expect(await comments.inputValue()).toBe('daily');
    expect(await perKind.getByLabel('Svar på dine kommentarer').inputValue()).toBe('');

    await defaults.getByRole('radio', { name: 'Ugentligt overblik (mandag kl. 07:00)' }).check();
    await perKind.getByLabel('Svar på dine kommentarer').selectOption('immediate');
    await comments.selectOption('never');
    await section.getByRole('button', { name: 'Gem valg om notifikationer' }).click();
    await section.getByRole('status').filter({ hasText: 'Dine valg om notifikationer er gemt.' }).waitFor();

    const http = commentsClient(server);
    const stored = await http.ok(http.call('GET', '/api/account/notification-settings', { as: karen }), 'settings');
    expect(stored.body).toMatchObject({
      frequency: 'weekly',
      kinds: { reply: 'immediate', comment_new: 'never', phase_changed: 'daily', published: 'daily' },
      mailEnabled: false,
    });

    await page.reload();
    await section.getByRole('heading', { level: 2, name: 'Notifikationer' }).waitFor();
    expect(await defaults.getByRole('radio', { name: 'Ugentligt overblik (mandag kl. 07:00)' }).isChecked()).toBe(true);
    expect(await perKind.getByLabel('Svar på dine kommentarer').inputValue()).toBe('immediate');
    expect(await comments.inputValue()).toBe('never');
  });
});
