/**
 * Plain JSON over HTTP against the production server with a session cookie: `send` (the server's
 * own Origin unless told otherwise; null sends none) and `signUp` over the account route, the server
 * being looked up at each call (so this can be made before it has started); and `createFirstAdmin`
 * with the setup token.
 */
import { expect } from 'vitest';
import { PASSWORD } from './editorPage';
import type { AppServer } from './startAppServer';

export interface Sent {
  readonly status: number;
  readonly body: { error?: { code: string }; [key: string]: unknown } | null;
}

/** The session cookie's value a response sets, or ''. */
export const sessionOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .find((value) => value.startsWith('samskriv_session='))
    ?.slice('samskriv_session='.length)
    .split(';')[0] ?? '';

export function sessionHttp(server: () => AppServer) {
  async function send(method: string, path: string, session?: string, body?: unknown, origin: string | null = server().url): Promise<Sent> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (origin !== null) headers.Origin = origin;
    if (session !== undefined) headers.Cookie = `samskriv_session=${session}`;
    const response = await fetch(`${server().url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as Sent['body']) };
  }

  /** A new person, signed up with PASSWORD: their session and id. */
  async function signUp(email: string, name: string): Promise<{ session: string; id: string }> {
    const response = await fetch(`${server().url}/api/account/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server().url },
      body: JSON.stringify({ email, name, password: PASSWORD }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { person?: { id?: string }; id?: string };
    return { session: sessionOf(response), id: body.person?.id ?? body.id ?? '' };
  }

  return { send, signUp };
}

/** The platform's first admin (Ada Admin, admin@eksempel.dk, PASSWORD), made with the setup token: their session. */
export async function createFirstAdmin(server: AppServer): Promise<string> {
  const created = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ token: server.setupToken(), email: 'admin@eksempel.dk', name: 'Ada Admin', password: PASSWORD }),
  });
  expect(created.status).toBe(201);
  return sessionOf(created);
}
