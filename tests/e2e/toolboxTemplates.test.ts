/**
 * The toolbox's templates and impact chain against the production server (issue 14): every
 * template seeds its sections, and its guiding questions (placeholders) never reach the public page
 * or an export; the platform API lists the templates and creates from one; and in real Chromium two
 * people write in different steps of one impact chain at once, both see both, and the published
 * page and the Markdown export show the chain.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { JSONContent } from '@tiptap/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, TEMPLATE_SECTIONS, templateSections, type TemplateId } from '../../lib/documents/templates';
import { IMPACT_STEP_GUIDES, IMPACT_STEP_LABELS } from '../../lib/editor/impactChainSteps';
import { bodyJsonOf } from '../../lib/versions/bodyJsonOf';
import { connectProvider } from '../helpers/connectProvider';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startServerWithAdmin, type Client, type CommentsClient } from './helpers/commentsClient';
import { EDITOR, WAIT_MS, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { platformSend } from './helpers/platformSend';
import { signedInProfile } from './helpers/signedInProfile';
import type { AppServer } from './helpers/startAppServer';

const ALL_GUIDES = [
  ...Object.values(TEMPLATE_SECTIONS).flatMap((sections) => sections.map(([, guide]) => guide)),
  ...Object.values(IMPACT_STEP_GUIDES),
];

let server: AppServer;
let http: CommentsClient;
let admin: Client;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
}, 120_000);

afterAll(() => closeBrowserTest(contexts, browser, server));

async function create(title: string, template: TemplateId): Promise<string> {
  const created = await http.ok(http.call('POST', '/api/documents', { as: admin, body: { title, template } }), 'create');
  const id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: admin, body: { visibility: 'public' } }), 'public');
  return id;
}

async function publish(id: string): Promise<void> {
  await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: admin, body: { state: 'in_review' } }), 'review');
  const published = await http.ok(
    http.call('POST', `/api/documents/${id}/versions`, { as: admin, body: { summary: 'Første udgave' } }),
    'publish',
  );
  expect(published.status).toBe(201);
}

/** The body on the server, as a stock y-websocket client (with a session cookie or a token) reads it. */
async function serverBody(id: string, auth: { cookie?: string; token?: string }): Promise<JSONContent> {
  const client = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, id, auth);
  try {
    await client.synced();
    return bodyJsonOf(Y.encodeStateAsUpdate(client.doc));
  } finally {
    client.destroy();
  }
}

const headings = (body: JSONContent) =>
  (body.content ?? []).filter((node) => node.type === 'heading').map((node) => (node.content ?? []).map((text) => text.text).join(''));

async function text(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

async function docxText(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  const xml = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!);
  return [...xml.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

describe('templates over HTTP', () => {
  it.each(TEMPLATE_IDS)('%s: seeds its sections, and no guiding text reaches /p/<id> or an export', async (template) => {
    const id = await create(`Skabelon ${template}`, template);
    const body = await serverBody(id, { cookie: `samskriv_session=${admin.session}` });
    expect(headings(body)).toEqual(templateSections(template));
    expect((body.content ?? []).some((node) => node.type === 'impactChain')).toBe(
      template === 'projektforslag' || template === 'evaluering',
    );
    await publish(id);
    const outputs = {
      page: await text(`/p/${id}`),
      html: await text(`/p/${id}/v/1/export?format=html`),
      md: await text(`/p/${id}/v/1/export?format=md`),
      docx: await docxText(`/p/${id}/v/1/export?format=docx`),
    };
    for (const [format, output] of Object.entries(outputs)) {
      for (const guide of ALL_GUIDES) expect(output, `${format}: ${guide}`).not.toContain(guide);
      for (const section of templateSections(template)) expect(output, `${format}: ${section}`).toContain(section);
    }
  });
});

describe('templates in the platform API', () => {
  const send = platformSend(() => server);

  it('GET /api/v1/templates lists them with names and sections; POST /api/v1/documents creates from one', async () => {
    const made = await http.ok(
      http.call('POST', '/api/admin/api-keys', {
        as: admin,
        body: { name: 'Borgerportalen', scopes: ['documents:read', 'documents:write', 'tokens:mint'] },
      }),
      'key',
    );
    const key = made.body!.key as string;
    const api = (path: string, method = 'GET', body?: unknown) => send(path, { method, headers: { Authorization: `Bearer ${key}` }, body });

    expect((await send('/api/v1/templates', { method: 'GET' })).status).toBe(401);
    const listed = await api('/api/v1/templates');
    expect(listed.status).toBe(200);
    const templates = listed.body.templates as { id: string; name: { da: string; en: string }; sections: string[]; impactChain: boolean }[];
    expect(templates.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(templates.find((t) => t.id === 'politikudkast')).toMatchObject({
      name: { da: 'Politikudkast til høring', en: 'Policy draft for consultation' },
      sections: templateSections('politikudkast'),
      impactChain: false,
    });
    expect(templates.find((t) => t.id === 'evaluering')!.impactChain).toBe(true);
    expect(JSON.stringify(listed.body)).not.toContain(IMPACT_STEP_GUIDES.input);

    const created = await api('/api/v1/documents', 'POST', {
      title: 'Ansøgning om støtte til fællesspisning',
      template: 'puljeansoegning',
    });
    expect(created.status).toBe(201);
    const document = created.body.document as { id: string; template: string };
    expect(document.template).toBe('puljeansoegning');
    const minted = await api('/api/v1/sync-tokens', 'POST', { doc: document.id, access: 'view', sub: 'borger-1', name: 'Karen' });
    expect(minted.status).toBe(201);
    expect(headings(await serverBody(document.id, { token: minted.body.token as string }))).toEqual(templateSections('puljeansoegning'));

    const wrong = await api('/api/v1/documents', 'POST', { title: 'Forkert', template: 'brev' });
    expect(wrong.status).toBe(400);
    expect((wrong.body.error as { code: string }).code).toBe('template_invalid');
  });
});

describe('the impact chain in the browser', () => {
  const step = (page: Page, id: string) => page.locator(`${EDITOR} li.impact-step[data-step="${id}"] .impact-step__body p`).first();
  /** A step's text without the other person's caret label. */
  const stepText = (page: Page, id: string) =>
    step(page, id).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.textContent;
    });

  it('two people write in different steps at once, both see both, and the published page and Markdown show the chain', async () => {
    browser = await launchChromium();
    const id = await create('Evaluering af fællesspisning', 'evaluering');
    const bent = await signedInProfile(browser, server, 'Bent Hansen', { contexts });
    await http.ok(http.call('POST', `/api/documents/${id}/access`, { as: admin, body: { email: bent.email, role: 'editor' } }), 'grant');
    const adminContext = await browser.newContext({ locale: 'da-DK', viewport: { width: 1400, height: 900 } });
    contexts.push(adminContext);
    adminContext.setDefaultTimeout(WAIT_MS);
    await adminContext.addCookies([{ name: 'samskriv_session', value: admin.session!, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    const ada = await adminContext.newPage();
    const pages = [ada, bent.page];
    await Promise.all(pages.map((page) => page.goto(`${server.url}/d/${id}`)));
    await Promise.all(pages.map((page) => waitForEditable(page)));

    // The guiding questions are placeholders: attributes shown by CSS, not text in the editor.
    for (const page of pages) {
      await step(page, 'activities').waitFor();
      expect(await step(page, 'activities').getAttribute('data-guide')).toBe(IMPACT_STEP_GUIDES.activities);
      expect(await step(page, 'activities').textContent()).toBe('');
      expect(await page.locator(`${EDITOR} ol.impact-chain[aria-label="Effektkæde"] > li`).count()).toBe(5);
    }
    // Beside the comment margin the editor's column has no room for a row of five boxes: a list,
    // whose labels fit their boxes (no word cut mid-word).
    const layout = await ada.locator(`${EDITOR} ol.impact-chain`).evaluate((ol) => ({
      columns: getComputedStyle(ol).gridTemplateColumns.split(' ').length,
      overflowing: [...ol.querySelectorAll<HTMLElement>('.impact-step__label')].filter((label) => label.scrollWidth > label.clientWidth)
        .length,
      lang: ol.querySelector('.impact-step__label')?.getAttribute('lang'),
    }));
    expect(layout).toEqual({ columns: 1, overflowing: 0, lang: 'da' });

    await step(ada, 'activities').click();
    await step(bent.page, 'outcome').click();
    const adaText = 'Fællesspisning hver torsdag i Kulturhuset';
    const bentText = 'Færre ældre spiser alene';
    await Promise.all([ada.keyboard.type(adaText), bent.page.keyboard.type(bentText)]);
    for (const page of pages) {
      await waitForEditorText(page, adaText);
      await waitForEditorText(page, bentText);
      expect(await stepText(page, 'activities')).toBe(adaText);
      expect(await stepText(page, 'outcome')).toBe(bentText);
      // Written over: the placeholder is gone from those steps and stays in the others.
      expect(await step(page, 'outcome').getAttribute('data-guide')).toBeNull();
      expect(await step(page, 'impact').getAttribute('data-guide')).toBe(IMPACT_STEP_GUIDES.impact);
    }

    // "Indsæt effektkæde" adds a second chain, which the other person sees.
    await ada.locator(`${EDITOR} h2`, { hasText: 'Anbefalinger' }).click();
    await ada.keyboard.press('End');
    await ada.getByRole('button', { name: 'Indsæt effektkæde' }).click();
    await bent.page.locator(`${EDITOR} ol.impact-chain`).nth(1).waitFor();

    // Both texts are on the server before publishing.
    const onServer = async () => JSON.stringify(await serverBody(id, { cookie: `samskriv_session=${admin.session}` }));
    let body = await onServer();
    while (!(body.includes(adaText) && body.includes(bentText))) body = await onServer();

    await publish(id);
    const page = await text(`/p/${id}`);
    const chain = /<ol class="impact-chain" data-impact-chain="" aria-label="Effektkæde">(.*?)<\/ol>/s.exec(page)?.[1] ?? '';
    expect(chain).toMatch(new RegExp(`data-step="activities"[^]*?${IMPACT_STEP_LABELS.activities}[^]*?<p>${adaText}</p>`));
    expect(chain).toMatch(new RegExp(`data-step="outcome"[^]*?${IMPACT_STEP_LABELS.outcome.replace('/', '\\/')}[^]*?<p>${bentText}</p>`));
    for (const guide of ALL_GUIDES) expect(page).not.toContain(guide);

    const md = await text(`/p/${id}/v/1/export?format=md`);
    expect(md).toContain(
      `2. **Aktiviteter**\n\n   ${adaText}\n\n3. **Output / Leverancer**\n\n4. **Outcome / Effekter på kort sigt**\n\n   ${bentText}\n\n5. **Impact / Langsigtet effekt**`,
    );
    for (const guide of ALL_GUIDES) expect(md).not.toContain(guide);
  }, 180_000);
});
