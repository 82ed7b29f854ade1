/**
 * JSON over HTTP against the production server with any headers (a Bearer key, a session cookie, an
 * Origin): the status, the parsed body, the headers and the session cookie a response sets. The
 * server is looked up at each call, so this can be made before it has started.
 */
import type { AppServer } from './startAppServer';

export interface Sent {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string } };
  readonly headers: Headers;
  readonly session?: string;
}

export interface SendInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export function platformSend(server: () => AppServer): (path: string, init: SendInit) => Promise<Sent> {
  return async (path, init) => {
    const response = await fetch(`${server().url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('samskriv_session='));
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? {} : JSON.parse(text)) as Sent['body'],
      headers: response.headers,
      ...(cookie ? { session: cookie.slice('samskriv_session='.length).split(';')[0] } : {}),
    };
  };
}
