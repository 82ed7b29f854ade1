/**
 * Structured feedback in real Chromium against the production server: a citizen (on a 390 px wide
 * screen) gives feedback on a project proposal in each category of the feedback model, one of them
 * from the keyboard alone; the proposal's author sees the overview update live (commentsChanged),
 * supports one, and the citizen sees the most supported named; none of it shows in the margin's
 * threads; the page stays free of serious axe violations; and the høringsnotat has the section.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from './helpers/axeCheck';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentsClient } from './helpers/commentsClient';
import { setRoleOverHttp } from './helpers/consultationDocument';
import { waitForEditorText } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

const WORKS = 'Det er godt, at der er tænkt over evalueringen.';
const QUESTION = 'Hvem står for tilmeldingen?';
const SUGGESTION = 'Inddrag foreningerne allerede fra start.';

const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watching.watch });

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

/** A public project proposal in consultation, owned by staff. */
async function proposal(staff: SignedInProfile): Promise<string> {
  const http = commentsClient(server);
  const as = { session: staff.session };
  const created = await http.ok(
    http.call('POST', '/api/documents', { as, body: { title: 'Madklub i Kulturhuset', template: 'projektforslag' } }),
    'create',
  );
  const id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as, body: { visibility: 'public' } }), 'public');
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as, body: { state } }), `phase ${state}`);
  return id;
}

const counts = (page: Page) => page.getByTestId('feedback-panel').getByTestId('feedback-counts');

describe('feedback on a proposal in the browser', () => {
  it('a citizen gives feedback in each category; the author sees the overview live; the notat has the section', async () => {
    const staff = await person('Sara Stab');
    await setRoleOverHttp(server, adminSession, staff.id, 'staff');
    const citizen = await person('Carsten Borger');
    const documentId = await proposal(staff);
    const url = `${server.url}/d/${documentId}`;
    const [sara, carsten] = [staff.page, citizen.page];
    await carsten.setViewportSize({ width: 390, height: 844 });
    await Promise.all([sara.goto(url), carsten.goto(url)]);
    // The template's guiding questions are placeholders now, not text: wait for its last heading.
    await Promise.all([waitForEditorText(sara, 'Evaluering'), waitForEditorText(carsten, 'Evaluering')]);
    await counts(sara).getByText('Der er ingen feedback endnu.').waitFor();

    const form = carsten.getByTestId('feedback-form');
    // Nothing chosen: the form says what is missing, next to the field.
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByRole('alert').getByText('Vælg, hvilken slags feedback det er.').waitFor();

    await form.getByRole('radio', { name: 'Det fungerer godt' }).check();
    await form.getByLabel('Din feedback').fill(WORKS);
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByRole('status').getByText('Tak. Din feedback er sendt.').waitFor();
    // The author's overview follows without a reload.
    await counts(sara).getByText('1 ting, der fungerer godt, 0 spørgsmål og 0 forslag til forbedring.').waitFor();

    await form.getByRole('radio', { name: 'Spørgsmål' }).check();
    await form.getByLabel('Din feedback').fill(QUESTION);
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await counts(sara).getByText('1 ting, der fungerer godt, 1 spørgsmål og 0 forslag til forbedring.').waitFor();

    // From the keyboard alone: the radio, Space, Tab to the text, type, Tab to the button, Enter.
    await form.getByRole('radio', { name: 'Forslag til forbedring' }).focus();
    await carsten.keyboard.press('Space');
    await carsten.keyboard.press('Tab');
    await carsten.keyboard.type(SUGGESTION);
    await carsten.keyboard.press('Tab');
    await carsten.keyboard.press('Enter');
    await counts(sara).getByText('1 ting, der fungerer godt, 1 spørgsmål og 1 forslag til forbedring.').waitFor();
    await counts(carsten).getByText('1 ting, der fungerer godt, 1 spørgsmål og 1 forslag til forbedring.').waitFor();

    // Grouped by category, each with its count.
    const panel = sara.getByTestId('feedback-panel');
    await panel.getByTestId('feedback-group-works').getByRole('heading', { name: 'Det fungerer godt (1)' }).waitFor();
    await panel.getByTestId('feedback-group-questions').getByText(QUESTION).waitFor();
    await panel.getByTestId('feedback-group-suggestions').getByText(SUGGESTION).waitFor();
    // Not a passage's thread: the margin's list does not show it.
    expect(await sara.getByTestId('comments-panel').getByText(WORKS).count()).toBe(0);

    // The author supports one; the citizen's overview names it as the most supported.
    await panel.getByTestId('feedback-group-works').getByRole('button', { name: 'Støt feedback fra Carsten Borger' }).click();
    await carsten.getByTestId('feedback-summary').getByText(`Mest støttet under “Det fungerer godt”: “${WORKS}” (støttet af 1)`).waitFor();
    expect(await seriousAxeViolations(carsten)).toEqual([]);

    await sara.goto(`${url}/hoeringsnotat`);
    const section = sara.getByTestId('notat-feedback');
    await section.getByRole('heading', { name: 'Feedback på forslaget' }).waitFor();
    await section.getByText('1 ting, der fungerer godt, 1 spørgsmål og 1 forslag til forbedring.').waitFor();
    await section.getByRole('heading', { name: 'Spørgsmål (1)' }).waitFor();
    await section.getByText(SUGGESTION).waitFor();
  });
});
