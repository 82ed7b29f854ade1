/**
 * Renaming and removing organisations and workspaces on /admin in real Chromium against the
 * production server, on a 390 px wide screen and by keyboard: the admin renames, sees what removal
 * would do (counted by the server), confirms, and hears the outcome; a member who acted for the
 * removed organisation is back to writing as himself, and a removed workspace's document stays
 * with its owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './helpers/axeCheck';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp, signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { WAIT_MS } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const contexts: BrowserContext[] = [];

/** The admin on /admin in a phone-sized window. */
async function adminOnPhone(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 390, height: 844 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  await context.addCookies([{ name: 'samskriv_session', value: adminSession, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
  return page;
}

const person = (name: string): Promise<SignedInProfile> =>
  signedInProfile(browser, server, name, { contexts, setUp: async (context) => context.setDefaultTimeout(WAIT_MS) });

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Which element has focus: its test id, or else its accessible label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('data-testid') ?? element?.getAttribute('aria-label') ?? element?.textContent ?? '';
  });

/** Tabs forward until the element with this label or text has focus (at most 10 steps). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let step = 0; step < 10 && (await focused(page)) !== label; step += 1) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(label);
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('renaming and removing on /admin', () => {
  it('an organisation: renamed inline, removed after its consequences are stated; its member writes as himself again', async () => {
    const { send } = sessionHttp(() => server);
    const carl = await person('Carl Nielsen');
    const created = await send('POST', '/api/admin/organisations', adminSession, { name: 'Foreningen Grø', kind: 'association' });
    const organisationId = (created.body?.organisation as { id: string }).id;
    expect((await send('POST', `/api/admin/organisations/${organisationId}/members`, adminSession, { email: carl.email })).status).toBe(
      201,
    );
    const documentId = await createDocumentOverHttp(server, adminSession, 'Grønne tage');
    const granted = await send('POST', `/api/documents/${documentId}/access/organisations`, adminSession, {
      organisationId,
      role: 'editor',
    });
    expect(granted.status).toBeLessThan(300);
    expect((await send('PUT', '/api/account/acting-for', carl.session, { organisationId })).status).toBeLessThan(300);
    await carl.page.goto(`${server.url}/`);
    await carl.page.locator('.site-header').getByText('Logget ind som Carl Nielsen (Foreningen Grø)').waitFor();

    const admin = await adminOnPhone();
    const section = admin.getByTestId('admin-organisations');
    await section.getByRole('button', { name: 'Omdøb Foreningen Grø' }).click();
    const nameField = section.getByLabel('Nyt navn på Foreningen Grø');
    expect(await nameField.evaluate((field) => field === document.activeElement)).toBe(true);
    await nameField.fill('Foreningen Grøn');
    await nameField.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Foreningen Grø hedder nu Foreningen Grøn.' }).waitFor({ state: 'attached' });
    await section.getByRole('heading', { name: 'Foreningen Grøn', level: 3 }).waitFor();
    // Focus is back on the button that opened the form.
    await admin.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Omdøb Foreningen Grøn');

    // The member's label reads the name by id: the new one.
    await carl.page.reload();
    await carl.page.locator('.site-header').getByText('Logget ind som Carl Nielsen (Foreningen Grøn)').waitFor();
    await carl.page.getByText('Grønne tage').first().waitFor();

    // Removal, by keyboard: the statement first, with the counts, and focus on it.
    await tabTo(admin, 'Fjern Foreningen Grøn …');
    await admin.keyboard.press('Enter');
    const statement = section.getByTestId('removal-statement');
    await statement.getByText('Fjern Foreningen Grøn?').waitFor();
    await statement.getByText('1 medlem mister tilknytningen.', { exact: false }).waitFor();
    await statement.getByText('1 dokument har adgang via organisationen – den adgang fjernes.').waitFor();
    await statement.getByText('Det, der er skrevet på vegne af Foreningen Grøn, beholder navnet.').waitFor();
    await admin.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'removal-statement');
    expect(await noHorizontalOverflow(admin)).toBe(true);
    expect(await seriousAxeViolations(admin)).toEqual([]);
    // Cancelling changes nothing and gives focus back.
    await tabTo(admin, 'Fortryd');
    await admin.keyboard.press('Enter');
    await admin.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Fjern Foreningen Grøn …');
    expect(await statement.count()).toBe(0);

    await admin.keyboard.press('Enter');
    await statement.waitFor();
    await tabTo(admin, 'Fjern organisationen Foreningen Grøn');
    await admin.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Organisationen Foreningen Grøn er fjernet.' }).waitFor({ state: 'attached' });
    await section.getByRole('heading', { name: 'Foreningen Grøn', level: 3 }).waitFor({ state: 'detached' });
    await admin.waitForFunction(() => document.activeElement?.tagName === 'H2');
    expect(await noHorizontalOverflow(admin)).toBe(true);

    // Carl is back to himself: no "Skriv som" choice, and the organisation's document is gone from his list.
    await carl.page.goto(`${server.url}/`);
    const header = carl.page.locator('.site-header');
    await header.getByText('Logget ind som Carl Nielsen', { exact: true }).waitFor();
    expect(await header.getByLabel('Skriv som').count()).toBe(0);
    expect(await carl.page.getByText('Grønne tage').count()).toBe(0);
  });

  it('a workspace: renamed with its description, removed after its consequences are stated; its document stays its owner’s', async () => {
    const { send } = sessionHttp(() => server);
    const [rita, rasmus] = [await person('Rita Rumejer'), await person('Rasmus Rummedlem')];
    const created = await send('POST', '/api/admin/workspaces', adminSession, { name: 'Havneplan', description: 'Udkast' });
    const workspaceId = (created.body?.workspace as { id: string }).id;
    for (const email of [rita.email, rasmus.email])
      expect((await send('POST', `/api/admin/workspaces/${workspaceId}/members`, adminSession, { email })).status).toBe(201);
    const made = await send('POST', '/api/documents', rita.session, { title: 'Havnens fremtid', template: 'blank', workspaceId });
    expect(made.status).toBe(201);

    const admin = await adminOnPhone();
    const section = admin.getByTestId('admin-workspaces');
    await section.getByRole('button', { name: 'Omdøb Havneplan' }).click();
    await section.getByLabel('Nyt navn på Havneplan').fill('Havneplan 2030');
    await section.getByLabel('Beskrivelse af Havneplan (valgfri)').fill('Høringssvar og udkast');
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await section.getByRole('button', { name: 'Gem Havneplan' }).click();
    await section.getByRole('heading', { name: 'Havneplan 2030', level: 3 }).waitFor();
    await section.getByText('Høringssvar og udkast').waitFor();
    await rasmus.page.goto(`${server.url}/`);
    await rasmus.page.getByText('Havneplan 2030').first().waitFor();

    await section.getByRole('button', { name: 'Fjern Havneplan 2030 …' }).click();
    const statement = section.getByTestId('removal-statement');
    await statement.getByText('2 medlemmer mister adgangen via arbejdsrummet.').waitFor();
    await statement.getByText('1 dokument flyttes ud af arbejdsrummet. Det slettes ikke.').waitFor();
    await statement.getByText('1 af dem bliver privat', { exact: false }).waitFor();
    expect(await noHorizontalOverflow(admin)).toBe(true);
    await section.getByRole('button', { name: 'Fjern arbejdsrummet Havneplan 2030' }).click();
    await section.getByRole('status').filter({ hasText: 'Arbejdsrummet Havneplan 2030 er fjernet.' }).waitFor({ state: 'attached' });
    await section.getByRole('heading', { name: 'Havneplan 2030', level: 3 }).waitFor({ state: 'detached' });

    // Never deleted: Rita still has her document; Rasmus saw it only through the workspace.
    await rita.page.goto(`${server.url}/`);
    await rita.page.getByText('Havnens fremtid').first().waitFor();
    await rasmus.page.reload();
    await rasmus.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await rasmus.page.getByText('Havnens fremtid').count()).toBe(0);
    expect(await rasmus.page.getByText('Havneplan 2030').count()).toBe(0);
  });
});
