/**
 * A browser profile (its own context: cookies and storage, like a separate browser) signed in as a
 * new person made over HTTP, so a test that is not about signing up sets up its people in a few
 * requests, and any one test can run alone. E-mails are unique within the process.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppServer } from './startAppServer';
import { sessionHttp, sessionOf } from './sessionHttp';
import { PASSWORD, WAIT_MS } from './editorPage';

export interface SignedInProfile {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly name: string;
  readonly email: string;
  /** The session cookie's value (for HTTP calls as this person). */
  readonly session: string;
  readonly id: string;
}

let people = 0;

/** `anna.3@eksempel.dk` for "Anna Jensen": a fresh address each call. */
export function uniqueEmail(name: string): string {
  people += 1;
  const first =
    name
      .split(' ')[0]
      ?.toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '') || 'person';
  return `${first}.${people}@eksempel.dk`;
}

export async function signedInProfile(
  browser: Browser,
  server: AppServer,
  name: string,
  options: { contexts?: BrowserContext[]; setUp?: (context: BrowserContext) => Promise<void> } = {},
): Promise<SignedInProfile> {
  const email = uniqueEmail(name);
  const response = await fetch(`${server.url}/api/account/sign-up`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email, name, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-up of ${email} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { person?: { id?: string }; id?: string };
  const session = sessionOf(response);
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  options.contexts?.push(context);
  context.setDefaultTimeout(WAIT_MS);
  await context.addCookies([{ name: 'samskriv_session', value: session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  await options.setUp?.(context);
  const page = await context.newPage();
  return { context, page, name, email, session, id: body.person?.id ?? body.id ?? '' };
}

/** A document of the person's (blank unless a template is named), over HTTP: its id. */
export async function createDocumentOverHttp(server: AppServer, session: string, title: string, template = 'blank'): Promise<string> {
  const { send } = sessionHttp(() => server);
  const created = await send('POST', '/api/documents', session, { title, template });
  if (created.status !== 201) throw new Error(`creating “${title}” answered ${created.status}`);
  const answer = created.body as { id?: string; document?: { id: string } };
  return answer.document?.id ?? answer.id ?? '';
}

/** Gives the person with `email` a role on the document, as its owner would in the share panel. */
export async function grantOverHttp(server: AppServer, session: string, documentId: string, email: string, role: string): Promise<void> {
  const { send } = sessionHttp(() => server);
  const granted = await send('POST', `/api/documents/${documentId}/access`, session, { email, role });
  if (granted.status >= 300) throw new Error(`granting ${role} to ${email} answered ${granted.status}`);
}
