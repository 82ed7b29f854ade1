/**
 * The invite flow from the issue, in real Chromium: the owner signs up, creates a document and
 * makes an invite link; a second person signs up THROUGH the link and co-edits; the owner revokes
 * the link (it then says so in Danish) and the person's access, and their editor turns read-only
 * (the 5 s deadline: npm run bench:revocation). Each step's test makes what it starts from, so any
 * one runs alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { sessionHttp } from './helpers/sessionHttp';
import { createDocumentOverHttp, signedInProfile } from './helpers/signedInProfile';
import { openAskDialog, openShareDialog } from './helpers/documentBar';
import { EDITOR, PASSWORD, createBlankDocument, moveCaret, signUp, waitForEditable, waitForEditorText } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});

afterAll(() => closeBrowserTest(contexts, browser, server));

const TITLE = 'Sommerfest i gården';

/** Anna's new document (made over HTTP) with an editor invite link: Anna's session, the document's address and the link. */
async function documentWithInviteLink() {
  const owner = await signedInProfile(browser, server, 'Anna Jensen', { contexts });
  const documentId = await createDocumentOverHttp(server, owner.session, TITLE);
  const created = await sessionHttp(() => server).send('POST', `/api/documents/${documentId}/invites`, owner.session, {
    role: 'editor',
    expiresInDays: 7,
  });
  expect(created.status).toBe(201);
  return { owner, documentUrl: `${server.url}/d/${documentId}`, link: `${server.url}${String(created.body?.path)}` };
}

/** documentWithInviteLink(), accepted by Bent (signed in already): both on the document, editable. */
async function coAuthorsThroughLink() {
  const { owner, documentUrl, link } = await documentWithInviteLink();
  const bent = await signedInProfile(browser, server, 'Bent Hansen', { contexts });
  await bent.page.goto(link);
  await bent.page.getByRole('button', { name: 'Tag imod invitationen' }).click();
  await bent.page.waitForURL(documentUrl);
  await owner.page.goto(documentUrl);
  await Promise.all([waitForEditable(owner.page), waitForEditable(bent.page)]);
  return { anna: owner.page, bent: bent.page, documentUrl, link };
}

describe('inviting a co-author with a link', () => {
  it('the owner signs up, creates a document and makes an invite link', async () => {
    const anna = await newPage();
    await signUp(anna, server.url, 'Anna Jensen', 'anna@eksempel.dk');
    await createBlankDocument(anna, TITLE);

    await openShareDialog(anna);
    const invites = anna.getByTestId('invite-panel');
    await invites.getByText('Ingen invitationslinks endnu.').waitFor();
    await invites.getByLabel('Adgang via linket').selectOption('editor');
    await invites.getByLabel('Linket gælder i').selectOption('7');
    await invites.getByRole('button', { name: 'Opret invitationslink' }).click();
    const field = invites.getByLabel('Nyt invitationslink');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invitation/[A-Za-z0-9_-]{43}$`));
    // "Copy it now" is said once, as the field's description; the status line says where the link is (session 9).
    expect(await anna.getByText(/Linket er oprettet/).count()).toBe(1);
    expect(await field.getAttribute('aria-describedby')).toBeTruthy();
    await anna.getByRole('status').getByText('Invitationslinket er oprettet og står i feltet “Nyt invitationslink”.').waitFor();
    await invites.getByText(/Kan redigere · aktivt · udløber .* · brugt 0 gange/).waitFor();
  });

  it('a second person signs up through the link, accepts and lands in the editor', async () => {
    const { documentUrl, link } = await documentWithInviteLink();
    const bent = await newPage();
    await bent.goto(link);
    await bent.getByRole('heading', { name: 'Du er inviteret til at skrive med' }).waitFor();
    await bent.getByText(`Invitationen giver dig rollen “Kan redigere” på dokumentet “${TITLE}”.`).waitFor();
    await bent.getByRole('main').getByRole('link', { name: 'Opret konto' }).click();
    await bent.getByLabel('Dit navn').fill('Bent Hansen');
    await bent.getByLabel('E-mail', { exact: true }).fill('bent@eksempel.dk');
    await bent.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
    await bent.getByRole('button', { name: 'Opret konto' }).click();
    await bent.waitForURL(link);
    await bent.getByRole('button', { name: 'Tag imod invitationen' }).click();
    await bent.waitForURL(documentUrl);
    await waitForEditable(bent);
  });

  it('they co-edit', async () => {
    const { anna, bent } = await coAuthorsThroughLink();
    await anna.locator(EDITOR).click();
    await moveCaret(anna, 'Control+End');
    await anna.keyboard.type('Vi mødes kl. 14.');
    await waitForEditorText(bent, 'Vi mødes kl. 14.');
    await bent.locator(EDITOR).click();
    await moveCaret(bent, 'Control+End');
    await bent.keyboard.press('Enter');
    await bent.keyboard.type('Jeg tager grillen med.');
    await waitForEditorText(anna, 'Jeg tager grillen med.');
  });

  it('the owner revokes the link and the access; the co-author’s editor turns read-only', async () => {
    const { anna, bent, link } = await coAuthorsThroughLink();
    await openShareDialog(anna);
    const invites = anna.getByTestId('invite-panel');
    await invites.getByText(/brugt 1 gang$/).waitFor();
    await invites.getByRole('button', { name: /^Tilbagekald linket/ }).click();
    await invites.getByText(/Kan redigere · tilbagekaldt/).waitFor();

    const share = anna.getByTestId('share-panel');
    await share.getByRole('button', { name: 'Fjern adgang for Bent Hansen' }).click();
    await bent.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    await bent.getByText('Du har ikke adgang til dette dokument').waitFor();

    // The link says in Danish that it is withdrawn, and grants nothing any more.
    await bent.goto(link);
    await bent.getByText('Invitationen er trukket tilbage af ejeren af dokumentet.').waitFor();
    expect(await bent.getByRole('button', { name: 'Tag imod invitationen' }).count()).toBe(0);
  });
});

describe('asking to co-author', () => {
  it('a reader asks, the owner approves in the share panel, and the reader sees it', async () => {
    const owner = await newPage();
    await signUp(owner, server.url, 'Carla Ejer', 'carla@eksempel.dk');
    await createBlankDocument(owner, 'Budget for haveforeningen');
    await openShareDialog(owner);
    const invites = owner.getByTestId('invite-panel');
    await invites.getByLabel('Adgang via linket').selectOption('viewer');
    await invites.getByRole('button', { name: 'Opret invitationslink' }).click();
    const link = await invites.getByLabel('Nyt invitationslink').inputValue();

    const reader = await newPage();
    await signUp(reader, server.url, 'Dorte Læser', 'dorte@eksempel.dk');
    await reader.goto(link);
    await reader.getByRole('button', { name: 'Tag imod invitationen' }).click();
    await reader.waitForURL(owner.url());
    const ask = await openAskDialog(reader);
    await ask.getByLabel('Besked til ejeren (valgfri)').fill('Jeg kan hjælpe med tallene.');
    await ask.getByRole('button', { name: 'Bed om at skrive med' }).click();
    await ask.getByText('Du har bedt om at skrive med. Ejeren har ikke svaret endnu.').waitFor();

    await owner.reload();
    await openShareDialog(owner);
    const requests = owner.getByTestId('request-list');
    await requests.getByText('Jeg kan hjælpe med tallene.').waitFor();
    await requests.getByRole('button', { name: 'Godkend Dorte Læser som medforfatter' }).click();
    await requests.getByText('Ingen ventende anmodninger.').waitFor();

    await reader.reload();
    await waitForEditable(reader);
  });
});
