/**
 * Plain HTTP against the production server for the comments tests: requests from a chosen loopback
 * address (127.0.0.x: per-IP limits can be told apart), with a session and/or guest cookie; people
 * signed up over the account routes; consultation documents with a real body, written over the sync
 * endpoint by their owner with the stock y-websocket provider, and anchors made from that body.
 */
import { request as httpRequest } from 'node:http';
import * as Y from 'yjs';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../../lib/comments/anchors/documentText';
import type { Anchor } from '../../../lib/comments/model';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { connectProvider } from '../../helpers/connectProvider';
import { waitUntil } from '../../helpers/waitUntil';
import { startAppServer, type AppServer } from './startAppServer';

export const PASSWORD = 'en lang adgangskode';

export interface Client {
  readonly session?: string;
  readonly guest?: string;
  /** The loopback address the requests come from (default 127.0.0.1). */
  readonly ip?: string;
  readonly id?: string;
  readonly email?: string;
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The parsed JSON body, or null. */
  readonly body: { error?: { code: string; message: string }; [key: string]: unknown } | null;
}

export interface CallOptions {
  readonly as?: Client;
  /** JSON-encoded unless `raw` is given. */
  readonly body?: unknown;
  readonly raw?: string | Buffer;
  readonly contentType?: string | null;
  /** The Origin header; null sends none. Defaults to the server's own. */
  readonly origin?: string | null;
}

export function commentsClient(server: AppServer) {
  const base = new URL(server.url);

  function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const as = options.as ?? {};
    const cookies = [as.session && `samskriv_session=${as.session}`, as.guest && `samskriv_guest=${as.guest}`].filter(Boolean);
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = {};
    if (cookies.length > 0) headers.Cookie = cookies.join('; ');
    if (options.origin !== null) headers.Origin = options.origin ?? server.url;
    if (payload !== undefined) {
      if (options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: base.hostname, port: base.port, path, method, headers, localAddress: as.ip ?? '127.0.0.1' },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: Answer['body'] = null;
            if ((res.headers['content-type'] ?? '').includes('application/json') && text !== '') body = JSON.parse(text) as Answer['body'];
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
          });
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  async function ok(answer: Promise<Answer>, what: string): Promise<Answer> {
    const done = await answer;
    if (done.status >= 300) throw new Error(`${what}: ${done.status} ${done.text}`);
    return done;
  }

  const cookieValue = (answer: Answer, name: string): string | undefined => {
    const raw = answer.headers['set-cookie'];
    const all = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return all
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1)
      .split(';')[0];
  };

  let people = 0;
  async function signUp(name: string): Promise<Required<Pick<Client, 'session' | 'id' | 'email'>> & Client> {
    people += 1;
    const email = `person${people}-${Math.random().toString(36).slice(2, 8)}@eksempel.dk`;
    const answer = await ok(call('POST', '/api/account/sign-up', { body: { email, name, password: PASSWORD } }), 'sign-up');
    return { session: cookieValue(answer, 'samskriv_session')!, id: (answer.body!.person as { id: string }).id, email };
  }

  async function joinAsGuest(displayName: string, ip: string): Promise<Client> {
    const answer = await ok(call('POST', '/api/guest', { as: { ip }, body: { displayName } }), 'guest');
    return { guest: cookieValue(answer, 'samskriv_guest')!, ip };
  }

  /** The owner shares the document with each person by e-mail, in the role given. */
  async function share(owner: Client, documentId: string, shares: readonly (readonly [Client, string])[]): Promise<void> {
    for (const [who, role] of shares)
      await ok(call('POST', `/api/documents/${documentId}/access`, { as: owner, body: { email: who.email, role } }), `share ${role}`);
  }

  return { call, ok, cookieValue, signUp, joinAsGuest, share };
}

export type CommentsClient = ReturnType<typeof commentsClient>;

export const PARAGRAPHS = ['Vi vil spise sammen hver uge i Kulturhuset.', 'Alle er velkomne, også børn.'];

/**
 * Writes paragraphs into a document's body as its editor would (over the sync endpoint), and
 * returns a function making anchors on the body as it then is.
 */
export async function writeBody(server: AppServer, session: string, documentId: string): Promise<(text: string) => Anchor> {
  const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  const client = connectProvider(syncUrl, documentId, { cookie: `samskriv_session=${session}` });
  await client.synced();
  const fragment = client.doc.getXmlFragment(BODY_FRAGMENT);
  client.doc.transact(() => {
    // The blank template ends with an empty paragraph: fill it, then add the rest.
    const paragraphs = PARAGRAPHS.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    });
    fragment.insert(fragment.length, paragraphs);
  });
  const fresh = connectProvider(syncUrl, documentId, { cookie: `samskriv_session=${session}` });
  await fresh.synced();
  await waitUntil(() => documentText(fresh.doc.getXmlFragment(BODY_FRAGMENT)).text.includes(PARAGRAPHS[1]!), 'the body on the server');
  const body = new Y.Doc();
  Y.applyUpdate(body, Y.encodeStateAsUpdate(fresh.doc));
  client.destroy();
  fresh.destroy();
  const text = documentText(body.getXmlFragment(BODY_FRAGMENT)).text;
  return (passage: string) => {
    const from = text.indexOf(passage);
    if (from < 0) throw new Error(`no "${passage}" in the body`);
    return anchorFromRange(body, from, from + passage.length);
  };
}

/** The production server with its first admin set up, signed in; the server stops after the file. */
export async function startServerWithAdmin(): Promise<{ server: AppServer; http: CommentsClient; admin: Client }> {
  const server = await startAppServer();
  const http = commentsClient(server);
  const setup = await http.ok(
    http.call('POST', '/api/setup', {
      body: { token: server.setupToken(), email: 'admin@eksempel.dk', name: 'Ada Admin', password: PASSWORD },
    }),
    'setup',
  );
  return { server, http, admin: { session: http.cookieValue(setup, 'samskriv_session')! } };
}
