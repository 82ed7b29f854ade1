/**
 * Open consultation in real Chromium against the production server: a staff member (the
 * document's owner) puts a public document into consultation; a citizen in another browser
 * selects a passage and comments; the staff member sees it live, replies, answers and resolves
 * it; the citizen suggests new wording, which the staff member accepts (the body changes in both
 * browsers and on the server); a moderator hides a reported comment and the citizen sees the
 * placeholder with the reply still there; hostile text stays text; the høringsnotat lists the
 * comment with its answer; the comment button and the thread list work from the keyboard; and a
 * reply written offline waits in the outbox until the connection is back. Each test makes its own
 * people, document and threads (tests/e2e/helpers/consultationDocument.ts), so any one runs alone;
 * every test's pages must report no CSP violation and open no dialog (afterEach).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { watchedContexts } from './helpers/watchedContexts';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { signedInProfile, uniqueEmail, type SignedInProfile } from './helpers/signedInProfile';
import {
  answerOverHttp,
  commentOverHttp,
  consultationDocument,
  hideOverHttp,
  setRoleOverHttp,
  type ConsultationDocument,
} from './helpers/consultationDocument';
import { closeBarDialog, openPhaseDialog, openShareDialog } from './helpers/documentBar';
import { EDITOR, createBlankDocument, editorText, signInHere, signUp, waitForEditable, waitForEditorText } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

const TITLE = 'Lokalplan for havnen';
const BODY = 'Der skal være fem bænke langs kajen. Legepladsen flyttes til den gamle fiskehal. Parkering foran rådhuset nedlægges.';
const FIRST_COMMENT = 'Fem bænke er for lidt – vi er mange ældre i området.';

/** A signed-out browser profile. */
const newPage = (): Promise<Page> => watching.newPage(browser);

/** A new person signed in (made over HTTP) in a watched profile of their own. */
const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watching.watch });

/** The document in consultation with Sara Stab (staff, owner) and Carsten Borger (citizen), made afresh. */
const consultation = (): Promise<ConsultationDocument> =>
  consultationDocument(browser, server, { adminSession, title: TITLE, body: BODY, contexts, setUp: watching.watch });

/** Opens the document on each page and waits until its body is there. */
async function open(documentUrl: string, ...pages: Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.goto(documentUrl)));
  await Promise.all(pages.map((page) => waitForEditorText(page, 'fem bænke')));
}

/** consultation() with Carsten's FIRST_COMMENT on "fem bænke" (over HTTP): also its id. */
async function consultationWithComment(): Promise<ConsultationDocument & { commentId: string }> {
  const made = await consultation();
  const commentId = await commentOverHttp(server, made.citizen, made.documentId, { anchor: made.anchor('fem bænke'), text: FIRST_COMMENT });
  return { ...made, commentId };
}

/** Selects `text` (inside one text node of the editor) with the mouse, like a person dragging over it. */
async function selectText(page: Page, text: string): Promise<void> {
  const box = await page.evaluate(
    ([selector, wanted]) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = (node.textContent ?? '').indexOf(wanted);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, index + wanted.length - 1);
        range.setEnd(node, index + wanted.length);
        const last = range.getBoundingClientRect();
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      return null;
    },
    [EDITOR, text] as const,
  );
  if (!box) throw new Error(`"${text}" is not in one text node of the editor`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text);
}

/** Selects `passage` in the editor, opens the comment form from the button by the selection and sends `text`. */
async function commentOn(page: Page, passage: string, text: string): Promise<void> {
  await selectText(page, passage);
  await page.locator('.selection-comment').click();
  const form = page.getByTestId('new-comment-form');
  await form.getByLabel('Din kommentar').fill(text);
  await form.getByRole('button', { name: 'Send kommentar' }).click();
}

/** The thread in the comments panel whose text contains `text`. */
function thread(page: Page, text: string): Locator {
  return page.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: text });
}

/** Sets a person's platform role on the admin page open on `admin`. */
async function setRole(admin: Page, email: string, name: string, role: string): Promise<void> {
  const people = admin.getByTestId('admin-people');
  await people.getByLabel('Søg efter navn eller e-mail').fill(email);
  await people.getByRole('button', { name: 'Søg' }).click();
  const row = people.getByRole('row', { name: new RegExp(name) });
  await row.getByLabel(`Rolle for ${name}`, { exact: true }).selectOption(role);
  await row.getByRole('button', { name: `Gem rolle for ${name}` }).click();
  await people.getByText(`${name} er opdateret.`).waitFor();
}

/** Presses `key` until the focused element matches `selector` (and has the text, if given); at most `max` times. */
async function tabUntil(page: Page, key: string, selector: string, text?: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const reached = await page.evaluate(
      ([wanted, label]) => {
        const active = document.activeElement;
        return active !== null && active.matches(wanted) && (label === null || active.textContent === label);
      },
      [selector, text ?? null] as const,
    );
    if (reached) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${selector} after ${max} presses of ${key}`);
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
});

afterEach(() => {
  const violations = cspViolations.splice(0);
  const opened = dialogs.splice(0);
  expect(violations).toEqual([]);
  expect(opened).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('open consultation in the browser', () => {
  it('a staff member creates a document and puts it in public consultation', async () => {
    const saraEmail = uniqueEmail('Sara Stab');
    const monaEmail = uniqueEmail('Mona Moderator');
    const [admin, sara] = await Promise.all([newPage(), newPage()]);
    await signUp(sara, server.url, 'Sara Stab', saraEmail);
    await sessionHttp(() => server).signUp(monaEmail, 'Mona Moderator');
    await admin.goto(`${server.url}/konto/log-ind`);
    await signInHere(admin, 'admin@eksempel.dk');
    await admin.getByText('Logget ind som Ada Admin').waitFor();
    await admin.goto(`${server.url}/admin`);
    await setRole(admin, saraEmail, 'Sara Stab', 'staff');
    await setRole(admin, monaEmail, 'Mona Moderator', 'moderator');

    await sara.reload();
    await createBlankDocument(sara, TITLE);
    await waitForEditable(sara);
    await sara.locator(`${EDITOR} p`).last().click();
    await sara.keyboard.type(BODY);
    await sara.getByTestId('phase-badge').getByText('Kladde').waitFor();

    // "Del" in the top bar: the visibility is in force as it is chosen.
    const share = await openShareDialog(sara);
    await share.getByLabel('Hvem kan læse dokumentet').selectOption('public');
    await share.getByText('Synligheden er gemt.').waitFor();
    await closeBarDialog(sara, share);

    // "Fase…" in the top bar: one button per move.
    let phase = await openPhaseDialog(sara);
    await phase.getByRole('group', { name: 'Flyt dokumentet til' }).getByRole('button', { name: 'Til gennemsyn' }).click();
    await sara.getByTestId('phase-badge').getByText('Til gennemsyn').waitFor();
    phase = await openPhaseDialog(sara);
    await phase.getByRole('group', { name: 'Flyt dokumentet til' }).getByRole('button', { name: 'Offentlig høring' }).click();
    await sara.getByTestId('phase-badge').getByText('Offentlig høring').waitFor();

    // A closing date: everyone sees until when the consultation runs.
    const closes = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const day = `${closes.getFullYear()}-${String(closes.getMonth() + 1).padStart(2, '0')}-${String(closes.getDate()).padStart(2, '0')}`;
    phase = await openPhaseDialog(sara);
    await phase.getByLabel('Lukker efter (valgfri)').fill(day);
    await phase.getByRole('button', { name: 'Gem høringens indstillinger' }).click();
    await phase.getByText('Høringens indstillinger er opdateret.').waitFor();
    await closeBarDialog(sara, phase);
    await sara
      .getByTestId('consultation-status')
      .getByText(/^Offentlig høring til \d{1,2}\. \p{L}+/u)
      .waitFor();
  });

  it('a citizen selects a passage and comments; the staff member sees it live, without reloading', async () => {
    const { documentUrl, staff, citizen } = await consultation();
    const [sara, carsten] = [staff.page, citizen.page];
    await open(documentUrl, sara, carsten);
    expect(await carsten.locator(`${EDITOR}[contenteditable="false"]`).count()).toBe(1);
    await carsten
      .getByTestId('consultation-status')
      .getByText(/^Offentlig høring til /)
      .waitFor();
    // The panel is a complementary landmark named by its heading.
    await carsten.getByRole('complementary', { name: 'Kommentarer' }).waitFor();

    await selectText(carsten, 'fem bænke');
    await carsten.locator('.selection-comment').click();
    const form = carsten.getByTestId('new-comment-form');
    expect(await form.locator('blockquote').innerText()).toBe('fem bænke');
    await form.getByLabel('Din kommentar').fill(FIRST_COMMENT);
    await form.getByRole('button', { name: 'Send kommentar' }).click();
    await thread(carsten, FIRST_COMMENT).waitFor();

    // Live on the staff member's page (the sync socket's "comments changed"), highlighted in the text.
    await thread(sara, FIRST_COMMENT).waitFor();
    expect(await thread(sara, FIRST_COMMENT).locator('.comment__author').first().innerText()).toBe('Carsten Borger');
    await sara.locator(`${EDITOR} .comment-highlight`, { hasText: 'fem bænke' }).waitFor();
    // Highlights are decorations, not part of the body: the shared document has no trace of them.
    const json = await sara.evaluate(
      (selector) => JSON.stringify((document.querySelector(selector) as unknown as { editor: { getJSON(): unknown } }).editor.getJSON()),
      EDITOR,
    );
    expect(json).not.toContain('comment');
  });

  it('the staff member replies, answers officially and resolves; the citizen sees each step live', async () => {
    const { documentUrl, staff, citizen } = await consultationWithComment();
    const [sara, carsten] = [staff.page, citizen.page];
    await open(documentUrl, sara, carsten);
    await thread(carsten, FIRST_COMMENT).waitFor();
    const staffThread = thread(sara, FIRST_COMMENT);
    await staffThread.getByRole('button', { name: 'Svar', exact: true }).click();
    await staffThread.getByLabel('Dit svar').fill('Tak for kommentaren. Vi ser på antallet igen.');
    await staffThread.getByRole('button', { name: 'Send svar' }).click();
    await thread(carsten, FIRST_COMMENT).getByText('Tak for kommentaren. Vi ser på antallet igen.').waitFor();

    await staffThread.getByRole('button', { name: 'Giv officielt svar' }).click();
    await staffThread.getByLabel('Behandling').selectOption('partly');
    await staffThread.getByLabel('Officielt svar').fill('Vi sætter otte bænke op i stedet for fem.');
    await staffThread.getByRole('button', { name: 'Gem officielt svar' }).click();
    await thread(carsten, FIRST_COMMENT).getByText('Vi sætter otte bænke op i stedet for fem.').waitFor();
    await thread(carsten, FIRST_COMMENT).getByText('Officielt svar: Delvist imødekommet').waitFor();

    await staffThread.getByRole('button', { name: 'Markér som løst' }).click();
    await thread(carsten, FIRST_COMMENT).getByText('Løst', { exact: true }).waitFor();
    await staffThread.getByRole('button', { name: 'Genåbn' }).waitFor();
  });

  it('support is one per person, shown as pressed, and counted live; one’s own comment cannot be supported', async () => {
    const { documentUrl, staff, citizen } = await consultationWithComment();
    const monaProfile = await person('Mona Moderator');
    await setRoleOverHttp(server, adminSession, monaProfile.id, 'moderator');
    const [sara, carsten, mona] = [staff.page, citizen.page, monaProfile.page];
    await open(documentUrl, sara, carsten, mona);
    await Promise.all([sara, carsten].map((page) => thread(page, FIRST_COMMENT).waitFor()));
    const moderatorThread = thread(mona, FIRST_COMMENT);
    const support = moderatorThread.getByRole('button', { name: /^Støt/ });
    expect(await support.getAttribute('aria-pressed')).toBe('false');
    await support.click();
    await moderatorThread.getByRole('button', { name: 'Støt (1)' }).waitFor();
    expect(await support.getAttribute('aria-pressed')).toBe('true');
    await thread(sara, FIRST_COMMENT).getByRole('button', { name: 'Støt (1)' }).waitFor();
    await thread(carsten, FIRST_COMMENT).getByText('Støttet af 1').waitFor();
    expect(await thread(carsten, FIRST_COMMENT).getByRole('button', { name: /^Støt/ }).count()).toBe(0);
  });

  it('a suggested wording is shown as a diff, accepted by the staff member, and the body changes everywhere', async () => {
    const { documentUrl, staff, citizen } = await consultation();
    const [sara, carsten] = [staff.page, citizen.page];
    await open(documentUrl, sara, carsten);
    await selectText(carsten, 'Parkering foran rådhuset nedlægges');
    await carsten.locator('.selection-comment').click();
    const form = carsten.getByTestId('new-comment-form');
    await form.getByLabel('Foreslå ny formulering').check();
    await form.getByLabel('Ny formulering af passagen').fill('Parkering foran rådhuset bevares');
    await form.getByLabel('Begrundelse (valgfri)').fill('Mange har svært ved at gå langt.');
    await form.getByRole('button', { name: 'Send forslag' }).click();

    const suggestion = thread(sara, 'Mange har svært ved at gå langt.');
    await suggestion.waitFor();
    expect(await suggestion.locator('del').allInnerTexts()).toEqual(['nedlægges']);
    expect(await suggestion.locator('ins').allInnerTexts()).toEqual(['bevares']);
    await suggestion.getByRole('button', { name: 'Acceptér forslaget' }).click();

    await waitForEditorText(sara, 'Parkering foran rådhuset bevares.');
    await waitForEditorText(carsten, 'Parkering foran rådhuset bevares.');
    await thread(carsten, 'Mange har svært ved at gå langt.').getByText('Accepteret', { exact: true }).waitFor();
    expect(await editorText(carsten)).not.toContain('nedlægges');

    // On the server too: a fresh page load has the new wording.
    const reader = await newPage();
    await reader.goto(documentUrl);
    await waitForEditorText(reader, 'Parkering foran rådhuset bevares.');
    await reader.context().close();
  });

  it('a moderator hides a reported comment: the citizen sees the placeholder, and the reply stays', async () => {
    const { documentUrl, staff, citizen } = await consultation();
    const monaProfile = await person('Mona Moderator');
    await setRoleOverHttp(server, adminSession, monaProfile.id, 'moderator');
    const [sara, carsten, mona] = [staff.page, citizen.page, monaProfile.page];
    await open(documentUrl, sara, carsten);
    await commentOn(carsten, 'Legepladsen flyttes', 'Ring til mig på 12 34 56 78, så fortæller jeg mere. Carsten');

    const staffThread = thread(sara, 'Ring til mig på 12 34 56 78');
    await staffThread.waitFor();
    await staffThread.getByRole('button', { name: 'Svar', exact: true }).click();
    await staffThread.getByLabel('Dit svar').fill('Vi skriver til dig i stedet.');
    await staffThread.getByRole('button', { name: 'Send svar' }).click();
    await thread(carsten, 'Ring til mig på 12 34 56 78').getByText('Vi skriver til dig i stedet.').waitFor();
    await staffThread.getByRole('button', { name: 'Anmeld' }).click();
    await staffThread.getByLabel('Hvorfor anmelder du kommentaren?').selectOption('personal_data');
    await staffThread.getByRole('button', { name: 'Send anmeldelse' }).click();
    await staffThread.getByText('Tak. En moderator ser på kommentaren.').waitFor();
    // The thanks come once the report is queued; the server has it when the thread says so from its data.
    await staffThread.getByText('Du har anmeldt kommentaren.').waitFor();

    await mona.goto(`${server.url}/moderering`);
    await mona.getByRole('heading', { name: 'Moderering', level: 1 }).waitFor();
    const item = mona.getByTestId('moderation-item').filter({ hasText: 'Ring til mig på 12 34 56 78' });
    await item.getByText(TITLE).waitFor();
    await item
      .locator('.moderation-item__reports')
      .getByText(/^Indeholder personoplysninger · /)
      .waitFor();
    await item.getByLabel('Grund til at skjule').selectOption('personal_data');
    await item.getByLabel('Begrundelse (kommer i loggen)').fill('Telefonnummer i kommentaren.');
    await item.getByRole('button', { name: 'Skjul kommentaren' }).click();
    await mona.getByText('Der er ingen anmeldte kommentarer at se på.').waitFor();
    await mona
      .getByTestId('moderation-log')
      .getByText(/Mona Moderator skjulte en kommentar i “Lokalplan for havnen”/)
      .waitFor();

    // The citizen (author) sees a placeholder where the comment was, with the reply still there.
    const hidden = carsten.getByTestId('thread').filter({ hasText: 'Vi skriver til dig i stedet.' });
    await hidden.getByText('Skjult af moderator (personoplysninger)').waitFor();
    expect(await hidden.getByText('Ring til mig').count()).toBe(0);
    await carsten.getByTestId('moderation-summary').getByText('1 kommentar skjult: personoplysninger (1)').waitFor();
    // Others who may not moderate get neither text nor name from the server.
    await thread(sara, 'Vi skriver til dig i stedet.').getByText('Skjult af moderator (personoplysninger)').waitFor();
  });

  it('comment text is plain text: markup shows as written, and links are inert', async () => {
    const { documentUrl, staff, citizen } = await consultation();
    const [sara, carsten] = [staff.page, citizen.page];
    await open(documentUrl, sara, carsten);
    await commentOn(carsten, 'kajen', '<script>alert(1)</script><img src=x onerror="alert(2)"> Se https://example.org/plan.');
    const hostile = thread(sara, '<script>alert(1)</script>');
    await hostile.waitFor();
    expect(await hostile.locator('script, img').count()).toBe(0);
    const link = hostile.getByRole('link', { name: 'https://example.org/plan' });
    expect(await link.getAttribute('href')).toBe('https://example.org/plan');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(dialogs).toEqual([]);
  });

  it('the høringsnotat lists the comment with its official answer and offers HTML, Markdown and CSV', async () => {
    const { documentId, staff, citizen, anchor, commentId } = await consultationWithComment();
    await answerOverHttp(server, staff, documentId, commentId, 'partly', 'Vi sætter otte bænke op i stedet for fem.');
    // A hidden comment stays out of the note.
    const phone = await commentOverHttp(server, citizen, documentId, {
      anchor: anchor('Legepladsen flyttes'),
      text: 'Ring til mig på 12 34 56 78, så fortæller jeg mere. Carsten',
    });
    await hideOverHttp(server, { session: adminSession }, phone, 'personal_data', 'Telefonnummer i kommentaren.');
    const carsten = citizen.page;
    await carsten.goto(`${server.url}/d/${documentId}/hoeringsnotat`);
    await carsten.getByRole('heading', { name: `Høringsnotat: ${TITLE}`, level: 1 }).waitFor();
    const main = carsten.getByRole('main');
    await main.getByText(FIRST_COMMENT).waitFor();
    await main.getByText('Vi sætter otte bænke op i stedet for fem.').waitFor();
    expect(await main.getByText('Ring til mig på 12 34 56 78').count()).toBe(0);
    for (const [name, type] of [
      ['HTML', 'text/html'],
      ['Markdown', 'text/markdown'],
      ['CSV', 'text/csv'],
    ] as const) {
      const href = await main.getByRole('link', { name: new RegExp(`^Hent som ${name}`) }).getAttribute('href');
      const response = await carsten.request.get(new URL(href ?? '', server.url).toString());
      expect(response.status(), name).toBe(200);
      expect(response.headers()['content-type'], name).toContain(type);
      expect(await response.text(), name).toContain('Fem bænke er for lidt');
    }
  });

  it('from the keyboard: the text, the comment button and the thread list are reachable', async () => {
    const { documentUrl, citizen } = await consultationWithComment();
    const carsten = citizen.page;
    await open(documentUrl, carsten);
    await carsten.getByTestId('comments-panel').getByTestId('thread').first().waitFor();
    await carsten.locator('body').focus();
    // Tab into the read-only text; the comment toolbar (and "Læs op") sit right before it.
    await tabUntil(carsten, 'Tab', '.tiptap');
    await tabUntil(carsten, 'Shift+Tab', 'button', 'Kommentér', 3);
    await tabUntil(carsten, 'Tab', '.tiptap', undefined, 3);

    // A caret in the read-only text: select the first word of the paragraph (the body's first block:
    // the title is the page's h1, not part of the body) and comment on it.
    await carsten.keyboard.press('Control+Home');
    await carsten.keyboard.press('Shift+Control+ArrowRight');
    expect(await carsten.evaluate(() => window.getSelection()?.toString())).toBe('Der');
    await carsten.keyboard.press('Control+Alt+m');
    const form = carsten.getByTestId('new-comment-form');
    await form.waitFor();
    expect(await carsten.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('text');
    expect(await form.locator('blockquote').innerText()).toBe('Der');
    await carsten.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await carsten.evaluate(() => document.activeElement?.classList.contains('tiptap'))).toBe(true);

    // On to the list: its first thread's button moves focus and selection to the passage.
    await tabUntil(carsten, 'Tab', 'button', 'Vis passagen i teksten');
    const quote = await carsten.evaluate(
      () => document.activeElement?.closest('[data-testid="thread"]')?.querySelector('blockquote')?.textContent,
    );
    await carsten.keyboard.press('Enter');
    expect(await carsten.evaluate(() => document.activeElement?.classList.contains('tiptap'))).toBe(true);
    expect(await carsten.evaluate(() => window.getSelection()?.toString())).toBe(quote);
  });

  it('a reply written offline waits in the outbox and is sent when the connection is back', async () => {
    const { documentUrl, staff, citizen } = await consultationWithComment();
    const [sara, carsten] = [staff.page, citizen.page];
    await open(documentUrl, sara, carsten);
    const citizenThread = thread(carsten, FIRST_COMMENT);
    await Promise.all([citizenThread.waitFor(), thread(sara, FIRST_COMMENT).waitFor()]);
    await carsten.context().setOffline(true);
    await citizenThread.getByRole('button', { name: 'Svar', exact: true }).click();
    await citizenThread.getByLabel('Dit svar').fill('Skrevet uden forbindelse.');
    await citizenThread.getByRole('button', { name: 'Send svar' }).click();
    await citizenThread
      .locator('.comment--pending', { hasText: 'Skrevet uden forbindelse.' })
      .getByText('venter på at blive sendt')
      .waitFor();
    await carsten.getByText('1 handling venter på at blive sendt').waitFor();
    await carsten.context().setOffline(false);
    await thread(sara, FIRST_COMMENT).getByText('Skrevet uden forbindelse.').waitFor();
    await citizenThread.locator('.comment--pending').waitFor({ state: 'detached' });
  });

  it('a signed-out visitor joins as a guest, where the consultation takes guests, and comments', async () => {
    const { documentUrl, staff } = await consultation();
    const sara = staff.page;
    await open(documentUrl, sara);
    const phase = await openPhaseDialog(sara);
    await phase.getByLabel('Gæster med et navn må kommentere').check();
    await phase.getByRole('button', { name: 'Gem høringens indstillinger' }).click();
    await phase.getByText('Høringens indstillinger er opdateret.').waitFor();
    await closeBarDialog(sara, phase);

    const guest = await newPage();
    await guest.goto(documentUrl);
    await waitForEditorText(guest, 'fem bænke');
    const panel = guest.getByTestId('comments-panel');
    await panel.getByRole('button', { name: 'Deltag som gæst' }).click();
    await panel.getByLabel('Dit navn (vises ved dine kommentarer)').fill('Gitte Gæst');
    await panel.getByRole('button', { name: 'Deltag', exact: true }).click();
    await panel.getByText('Du kommenterer som gæst: Gitte Gæst').waitFor();
    await commentOn(guest, 'den gamle fiskehal', 'Fiskehallen er fredet, er den ikke?');
    const fromGuest = thread(sara, 'Fiskehallen er fredet');
    await fromGuest.waitFor();
    expect(await fromGuest.locator('.comment__author').first().innerText()).toBe('Gitte Gæst · gæst');
  });
});
