/**
 * The compare page (/d/:id/versions/compare) as the production server renders it, read as HTML
 * without running any script: one h1, the form with labels, the count, the list of changes
 * linking to marks that exist, ins/del with spoken prefixes; side by side; and clear messages for
 * bad parameters (never a 500).
 *
 * Needs the version service (helper "core") merged, and `npm run build`.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, bodyText } from '../helpers/bodyDoc';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { waitForDoc } from '../helpers/waitFor';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
const { send, signUp } = sessionHttp(() => server);
let owner = '';
let stranger = '';
let documentId = '';
const providers: TestProvider[] = [];

async function page(query: string, session = owner): Promise<{ status: number; document: Document }> {
  const response = await fetch(`${server.url}/d/${documentId}/versions/compare${query}`, {
    headers: { Cookie: `samskriv_session=${session}` },
    redirect: 'manual',
  });
  const window = new Window({ url: server.url });
  window.document.write(await response.text());
  return { status: response.status, document: window.document as unknown as Document };
}

beforeAll(async () => {
  server = await startAppServer();
  const admin = await createFirstAdmin(server);
  owner = (await signUp('ejer@eksempel.dk', 'Olga Ejer')).session;
  stranger = (await signUp('fremmed@eksempel.dk', 'Frida Fremmed')).session;
  const created = await send('POST', '/api/documents', owner, { title: 'Lokalplan 11', template: 'projektforslag' });
  documentId = (created.body as { document: { id: string } }).document.id;
  expect((await send('PATCH', `/api/documents/${documentId}/state`, owner, { state: 'in_review' })).status).toBe(200);
  expect((await send('POST', `/api/documents/${documentId}/versions`, admin, { summary: 'Første udgave' })).status).toBe(201);
  expect((await send('PATCH', `/api/documents/${documentId}/state`, owner, { state: 'draft' })).status).toBe(200);
  const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  const editor = connectProvider(syncUrl, documentId, { cookie: `samskriv_session=${owner}` });
  const watcher = connectProvider(syncUrl, documentId, { cookie: `samskriv_session=${owner}` });
  providers.push(editor, watcher);
  await Promise.all([editor.synced(), watcher.synced()]);
  appendParagraph(editor.doc, 'Et nyt afsnit i udkastet.');
  await waitForDoc(watcher.doc, (doc) => bodyText(doc).includes('Et nyt afsnit i udkastet.'));
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server?.stop();
});

describe('GET /d/:id/versions/compare', () => {
  it('shows version 1 against the current draft inline, with a list of changes linking to each mark', async () => {
    const { status, document } = await page('?from=1&to=current');
    expect(status).toBe(200);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('label[for="compare-from"]')?.textContent).toBe('Fra');
    expect(document.querySelector('select#compare-to option[selected]')?.getAttribute('value')).toBe('current');
    expect(document.querySelector('#compare-summary')?.textContent).toContain('Version 1 sammenlignet med Nuværende udkast: 1 ændring.');
    const link = document.querySelector('nav ol li a');
    expect(link?.getAttribute('href')).toBe('#change-1');
    const mark = document.querySelector('#change-1');
    expect(mark?.tagName).toBe('INS');
    expect(mark?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Indsat: Et nyt afsnit i udkastet.'); // The owner may edit: restoring version 1 is offered (it asks before it does anything).
    expect([...document.querySelectorAll('button')].map((button) => button.textContent)).toContain('Gendan version 1');
  });

  it('shows both bodies side by side, each under its own heading', async () => {
    const { status, document } = await page('?from=1&to=current&view=side');
    expect(status).toBe(200);
    const headings = [...document.querySelectorAll('h2')].map((heading) => heading.textContent);
    expect(headings).toContain('Før: Version 1');
    expect(headings).toContain('Efter: Nuværende udkast');
    expect(document.querySelector('#change-1')?.tagName).toBe('INS');
  });

  it('answers bad parameters with a message that names them, not an error page', async () => {
    for (const [query, text] of [
      ['?from=99', 'Siden kan ikke vise «99».'],
      ['?from=abc', 'Siden kan ikke vise «abc».'],
      ['?to=2', 'Siden kan ikke vise «2».'],
      ['?view=print', 'Siden kan ikke vise «print».'],
      ['?from=1&to=1', 'Vælg to forskellige versioner'],
    ] as const) {
      const { status, document } = await page(query);
      expect(status, query).toBe(200);
      expect(document.querySelector('main [role="status"]')?.textContent, query).toContain(text);
      expect(document.querySelector('#change-1'), query).toBeNull();
    }
  });

  it('hides the document from strangers (404) and sends the signed-out to sign in', async () => {
    expect((await page('', stranger)).status).toBe(404);
    const response = await fetch(`${server.url}/d/${documentId}/versions/compare`, { redirect: 'manual' });
    expect([303, 307]).toContain(response.status);
    expect(response.headers.get('location')).toContain('/konto/log-ind');
  });
});
