/**
 * "You said, we did" in real Chromium against the production server (issue 9): a public document
 * goes into consultation (its Høringsudkast frozen as a version), a citizen suggests new wording for
 * a few words, the staff member accepts it in the editor (the text changes), and a moderator
 * publishes the next version. The høringsnotat of the consultation version then shows the original
 * wording and the new one for that suggestion, and its link lands on the compare page at
 * `#change-<n>`: the change that deleted the original words and inserted the new ones.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { documentText } from '../../lib/comments/anchors/documentText';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { waitUntil } from '../helpers/waitUntil';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentsClient, type CommentsClient } from './helpers/commentsClient';
import { consultationDocument, setRoleOverHttp } from './helpers/consultationDocument';
import { watchedContexts } from './helpers/watchedContexts';
import { waitForEditorText } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let browser: Browser;
let http: CommentsClient;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

const TITLE = 'Lokalplan for havnen';
const BODY = 'Der skal være fem bænke langs kajen. Legepladsen flyttes til den gamle fiskehal. Parkering foran rådhuset nedlægges.';
const ORIGINAL = 'til den gamle fiskehal';
const NEW = 'til det nye kulturhus';
const REASON = 'Fiskehallen er for lille til en legeplads.';

interface VersionJson {
  readonly number: number;
  readonly kind: string;
}

/** A signed-out browser profile. */
const newPage = (): Promise<Page> => watching.newPage(browser);

/** The thread in the comments panel whose text contains `text`. */
function thread(page: Page, text: string): Locator {
  return page.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: text });
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  http = commentsClient(server);
  adminSession = await createFirstAdmin(server);
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('the høringsnotat of the consultation version', () => {
  it('links an accepted suggestion to its change and shows both wordings', async () => {
    const { documentId, documentUrl, staff, citizen, anchor } = await consultationDocument(browser, server, {
      adminSession,
      title: TITLE,
      body: BODY,
      contexts,
      setUp: watching.watch,
    });
    const versions = async (): Promise<VersionJson[]> =>
      (await http.ok(http.call('GET', `/api/documents/${documentId}/versions`, { as: staff }), 'versions')).body!.versions as VersionJson[];
    const draft = (await versions()).find((version) => version.kind === 'consultation_draft');
    expect(draft).toBeDefined();

    // The citizen suggests new wording for a few words.
    await http.ok(
      http.call('POST', `/api/documents/${documentId}/comments`, {
        as: citizen,
        body: { kind: 'suggestion', anchor: anchor(ORIGINAL), text: REASON, replacement: NEW },
      }),
      'suggestion',
    );

    // The staff member accepts it in the editor: the text changes, and the server has it.
    const sara = staff.page;
    await sara.goto(documentUrl);
    await waitForEditorText(sara, 'fem bænke');
    const suggestion = thread(sara, REASON);
    await suggestion.getByRole('button', { name: 'Acceptér forslaget' }).click();
    await waitForEditorText(sara, `Legepladsen flyttes ${NEW}.`);
    await suggestion.getByText('Accepteret', { exact: true }).waitFor();
    const reader = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, documentId, {
      cookie: `samskriv_session=${staff.session}`,
    });
    try {
      await reader.synced();
      await waitUntil(() => documentText(reader.doc.getXmlFragment(BODY_FRAGMENT)).text.includes(NEW), 'the new wording on the server');
    } finally {
      reader.destroy();
    }

    // A moderator publishes the next version.
    const moderator = await http.signUp('Mona Moderator');
    await setRoleOverHttp(server, adminSession, moderator.id, 'moderator');
    const published = await http.ok(
      http.call('POST', `/api/documents/${documentId}/versions`, {
        as: moderator,
        body: { summary: 'Legepladsen flyttes til kulturhuset.' },
      }),
      'publish',
    );
    const next = (published.body!.version as VersionJson).number;

    // The notat of the consultation version, as anyone reads it.
    const page = await newPage();
    const response = await page.goto(`${server.url}/api/documents/${documentId}/report?format=html&version=${draft!.number}`);
    expect(response?.status()).toBe(200);
    const item = page.getByRole('article').filter({ hasText: REASON });
    await item.waitFor();
    const paragraphs = (await item.locator('p, blockquote').allInnerTexts()).map((text) => text.trim());
    // Both wordings, each under its label: the original, then the new one.
    const original = paragraphs.indexOf('Oprindelig tekst:');
    const accepted = paragraphs.indexOf('Ny tekst (vedtaget):');
    expect(original).toBeGreaterThanOrEqual(0);
    expect(paragraphs[original + 1]).toBe(ORIGINAL);
    expect(accepted).toBeGreaterThan(original);
    expect(paragraphs[accepted + 1]).toBe(NEW);

    const link = item.getByRole('link', { name: /^Se ændring \d+ i sammenligningen af versionerne$/ });
    const href = (await link.getAttribute('href'))!;
    const change = /#change-(\d+)$/.exec(href)?.[1];
    expect(change).toBeDefined();
    expect(href).toBe(`/d/${documentId}/versions/compare?from=${draft!.number}&to=${next}#change-${change}`);

    // Following it lands on the compare page at that change.
    await link.click();
    await page.waitForURL((url) => url.pathname === `/d/${documentId}/versions/compare` && url.hash === `#change-${change}`);
    await page.getByRole('heading', { name: `Sammenlign versioner: ${TITLE}`, level: 1 }).waitFor();
    const target = page.locator(`#change-${change}`);
    await target.waitFor();
    expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
    // The change: the original words marked deleted and the new ones marked inserted, side by side.
    const marks = await target.evaluate((element) => {
      const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const next = element.nextElementSibling;
      return {
        tag: element.tagName.toLowerCase(),
        text: text(element),
        nextTag: next?.tagName.toLowerCase() ?? null,
        nextText: text(next),
      };
    });
    const wordsOf = (text: string) => text.split(' ').filter((word) => word !== 'til');
    expect(marks.tag).toBe('del');
    expect(marks.text).toBe(`Slettet: ${wordsOf(ORIGINAL).join(' ')}`);
    expect(marks.nextTag).toBe('ins');
    expect(marks.nextText).toBe(`Indsat: ${wordsOf(NEW).join(' ')}`);

    // The notat's page in the app, of the same version: the same link, and downloads of that version's notat.
    const inApp = await page.goto(`${server.url}/d/${documentId}/hoeringsnotat?version=${draft!.number}`);
    expect(inApp?.status()).toBe(200);
    const entry = page.getByRole('article').filter({ hasText: REASON }).last();
    await entry.waitFor();
    expect(await entry.getByRole('link', { name: `Se ændring ${change} i sammenligningen af versionerne` }).getAttribute('href')).toBe(
      href,
    );
    const downloads = page.getByRole('navigation', { name: 'Hent høringsnotatet' });
    expect(await downloads.getByRole('link').first().getAttribute('href')).toContain(`&version=${draft!.number}`);
  });
});
