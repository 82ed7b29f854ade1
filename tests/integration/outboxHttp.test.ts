/**
 * The outbox through the real global fetch against a real HTTP server on 127.0.0.1 (no fetch
 * double): created, refused, unavailable and rate-limited answers, JSON bodies and headers as
 * they arrive on the wire, and the retry after Retry-After.
 */
import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../lib/offline/Outbox';
import { outboxRef } from '../../lib/offline/OutboxReference';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly body: unknown;
}

const received: Received[] = [];
let unavailableLeft = 1;
let rateLimitedLeft = 1;
let server: Server;
let baseUrl: string;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const text = await readBody(request);
    const body = text === '' ? undefined : JSON.parse(text);
    received.push({
      method: request.method!,
      url: request.url!,
      contentType: request.headers['content-type'],
      idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      body,
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    if (request.url === '/api/documents/d1/comments' && body.text === 'for lang') {
      send(400, { error: { code: 'too_long', message: 'Kommentaren er for lang.' } });
    } else if (request.url === '/api/documents/d1/comments' && body.text === 'ustabil' && unavailableLeft-- > 0) {
      response.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '0' });
      response.end('<h1>Service Unavailable</h1>');
    } else if (request.url?.endsWith('/replies') && rateLimitedLeft-- > 0) {
      send(429, { error: { code: 'rate_limited', message: 'Vent lidt.' } }, { 'Retry-After': '1' });
    } else if (request.url === '/api/documents/d1/comments') {
      send(201, { comment: { id: `c${received.length}`, text: body.text }, revision: received.length });
    } else if (request.url?.endsWith('/replies')) {
      send(201, { comment: { id: 'reply-1', text: body.text }, revision: 99 });
    } else {
      send(404, { error: { code: 'not_found', message: 'Findes ikke.' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('Outbox over real HTTP', () => {
  it('sends in order, keeps refusals, retries 503 and 429, and fills a reply to a queued comment', async () => {
    const sent: unknown[] = [];
    let now = Date.now();
    const timers: (() => void)[] = [];
    const outbox = await Outbox.open(`http-${Date.now()}`, {
      baseUrl,
      locks: null,
      onlineEvents: null,
      now: () => now,
      // Retries are run by the test (no waiting on the wall clock); the request timeout never fires.
      setTimer: (callback, ms) => (ms >= 30_000 ? 0 : timers.push(callback)),
      clearTimer: () => {},
      onSent: (_entry, result) => sent.push(result),
    });
    const refused = await outbox.enqueue({
      documentId: 'd1',
      kind: 'comment',
      method: 'POST',
      url: '/api/documents/d1/comments',
      body: { kind: 'comment', text: 'for lang' },
      label: 'Kommentar',
      text: 'for lang',
    });
    const shaky = await outbox.enqueue({
      documentId: 'd1',
      kind: 'comment',
      method: 'POST',
      url: '/api/documents/d1/comments',
      body: { kind: 'comment', text: 'ustabil' },
      label: 'Kommentar',
      text: 'ustabil',
    });
    const answer = await outbox.enqueue({
      documentId: 'd1',
      kind: 'reply',
      method: 'POST',
      url: `/api/documents/d1/comments/${outboxRef(shaky.id)}/replies`,
      body: { text: 'svar' },
      label: 'Svar',
      text: 'svar',
    });
    await outbox.whenIdle();
    for (let round = 0; round < 5 && outbox.list().some((entry) => entry.state === 'pending'); round++) {
      now += 60_000;
      timers.splice(0).forEach((fire) => fire());
      await outbox.whenIdle();
    }

    expect(received.map((request) => [request.method, request.url, (request.body as { text: string }).text])).toEqual([
      ['POST', '/api/documents/d1/comments', 'for lang'],
      ['POST', '/api/documents/d1/comments', 'ustabil'],
      ['POST', '/api/documents/d1/comments', 'ustabil'],
      ['POST', '/api/documents/d1/comments/c3/replies', 'svar'],
      ['POST', '/api/documents/d1/comments/c3/replies', 'svar'],
    ]);
    expect(received.every((request) => request.contentType === 'application/json')).toBe(true);
    expect(received.map((request) => request.idempotencyKey)).toEqual([refused.id, shaky.id, shaky.id, answer.id, answer.id]);
    expect(received.map((request) => (request.body as { clientKey: string }).clientKey)).toEqual([
      refused.id,
      shaky.id,
      shaky.id,
      answer.id,
      answer.id,
    ]);
    expect(sent).toEqual([
      { comment: { id: 'c3', text: 'ustabil' }, revision: 3 },
      { comment: { id: 'reply-1', text: 'svar' }, revision: 99 },
    ]);
    expect(outbox.list()).toEqual([
      expect.objectContaining({
        id: refused.id,
        state: 'refused',
        text: 'for lang',
        refusal: { status: 400, code: 'too_long', message: 'Kommentaren er for lang.' },
      }),
    ]);
    await outbox.close();
  });

  it('treats a refused connection as a network failure and keeps the entry', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outbox = await Outbox.open(`http-dead-${Date.now()}`, {
      baseUrl: deadUrl,
      locks: null,
      onlineEvents: null,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    await outbox.enqueue({
      documentId: 'd1',
      kind: 'support',
      method: 'PUT',
      url: '/api/documents/d1/comments/c1/support',
      body: { supported: true },
      label: 'Støtte',
    });
    await outbox.whenIdle();
    expect(outbox.list()).toEqual([expect.objectContaining({ state: 'pending', attempts: 1, lastError: 'network' })]);
    await outbox.close();
  });
});
