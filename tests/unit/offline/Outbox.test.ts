/**
 * The outbox over fake-indexeddb with a scripted fetch and a hand-driven clock: order, back-off,
 * Retry-After, refusals, dependent entries, persistence, idempotency keys and the send lock.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type OutboxOptions } from '../../../lib/offline/Outbox';
import { OutboxError, type EnqueueInput, type OutboxEntry } from '../../../lib/offline/OutboxEntry';
import { outboxRef } from '../../../lib/offline/OutboxReference';
import { backoffDelay, BACKOFF_MAX_MS, retryAfterMs } from '../../../lib/offline/OutboxRetry';
import { deferred, eventually, FakeClock, FakeLocks, FakeServer, freshPerson, hang, json, networkDown, refusal } from './outboxFakes';

const opened: Outbox[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((outbox) => outbox.close()));
});

interface Rig {
  readonly person: string;
  readonly clock: FakeClock;
  readonly server: FakeServer;
  open(extra?: OutboxOptions): Promise<Outbox>;
}

function rig(person = freshPerson()): Rig {
  const clock = new FakeClock();
  const server = new FakeServer();
  return {
    person,
    clock,
    server,
    async open(extra = {}) {
      const outbox = await Outbox.open(person, {
        fetch: server.fetch,
        now: clock.nowFn,
        setTimer: clock.setTimer,
        clearTimer: clock.clearTimer,
        random: () => 0,
        locks: null,
        onlineEvents: null,
        ...extra,
      });
      opened.push(outbox);
      return outbox;
    },
  };
}

const comment = (text: string, documentId = 'doc1'): EnqueueInput => ({
  documentId,
  kind: 'comment',
  method: 'POST',
  url: `/api/documents/${documentId}/comments`,
  body: { kind: 'comment', anchor: null, text },
  label: `Kommentar: ${text}`,
  text,
});

const reply = (parentEntryId: string, text: string): EnqueueInput => ({
  documentId: 'doc1',
  kind: 'reply',
  method: 'POST',
  url: `/api/documents/doc1/comments/${outboxRef(parentEntryId)}/replies`,
  body: { text },
  label: `Svar: ${text}`,
  text,
});

const textOf = (body: unknown) => (body as { text: string }).text;

describe('Outbox sending order and retries', () => {
  it('sends three entries strictly in order even when the first needs retries', async () => {
    const { clock, server, open } = rig();
    let failuresLeft = 2;
    server.handler = (request) => {
      if (textOf(request.body) === 'første' && failuresLeft-- > 0) return networkDown();
      return json(201, { comment: { id: `srv-${textOf(request.body)}` } });
    };
    const outbox = await open();
    await outbox.enqueue(comment('første'));
    await outbox.enqueue(comment('anden'));
    await outbox.enqueue(comment('tredje'));
    await outbox.whenIdle();

    // Still first in line, parked by back-off; nothing after it went out.
    expect(server.requests.map((r) => textOf(r.body))).toEqual(['første']);
    expect(outbox.list().map((e) => [textOf(e.body), e.state, e.attempts, e.lastError])).toEqual([
      ['første', 'pending', 1, 'network'],
      ['anden', 'pending', 0, undefined],
      ['tredje', 'pending', 0, undefined],
    ]);

    for (let i = 0; i < 5 && outbox.list().length > 0; i++) {
      clock.advanceTo(clock.nextTimerAt()!);
      await outbox.whenIdle();
    }
    expect(server.requests.map((r) => textOf(r.body))).toEqual(['første', 'første', 'første', 'anden', 'tredje']);
    expect(outbox.list()).toEqual([]);
  });

  it('backs off exponentially with jitter from 1 s to at most 60 s, and retries at the parked time, not before', async () => {
    const { clock, server, open } = rig();
    server.handler = () => json(503, { error: { code: 'internal', message: 'x' } });
    const outbox = await open({ random: () => 1 });
    await outbox.enqueue(comment('hej'));
    await outbox.whenIdle();

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const [entry] = outbox.list();
      expect(entry!.attempts).toBe(attempt);
      delays.push(entry!.nextAttemptAt! - clock.now);
      // One millisecond early: no new request.
      clock.advanceBy(entry!.nextAttemptAt! - clock.now - 1);
      await outbox.whenIdle();
      expect(server.requests).toHaveLength(attempt);
      clock.advanceBy(1);
      await outbox.whenIdle();
      expect(server.requests).toHaveLength(attempt + 1);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(outbox.list()[0]!.lastError).toBe('http_503');
  });

  it('draws the jitter between half the ceiling and the ceiling', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 0.5)).toBe(750);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(30, () => 0.999999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });

  it('honours Retry-After (seconds on 429, an HTTP date on 503) and treats 408 as transient', async () => {
    const { clock, server, open } = rig();
    const answers = [
      () => json(429, { error: { code: 'rate_limited', message: 'Vent' } }, { 'Retry-After': '7' }),
      () => json(503, null, { 'Retry-After': new Date(clock.now + 20_000).toUTCString() }),
      () => json(408, null),
      () => json(201, { comment: { id: 'c1' } }),
    ];
    server.handler = () => answers.shift()!();
    const outbox = await open();
    await outbox.enqueue(comment('hej'));
    await outbox.whenIdle();
    expect(outbox.list()[0]!.nextAttemptAt! - clock.now).toBe(7000);
    clock.advanceBy(6999);
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(1);
    clock.advanceBy(1);
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(2);
    // HTTP dates have whole seconds.
    expect(outbox.list()[0]!.nextAttemptAt! - clock.now).toBe(20_000);
    clock.advanceBy(20_000);
    await outbox.whenIdle();
    expect(outbox.list()[0]!.lastError).toBe('http_408');
    clock.advanceTo(clock.nextTimerAt()!);
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(4);
    expect(outbox.list()).toEqual([]);
  });

  it('retries 425 passage_not_synced (a passage typed offline, its text still on the way) after the Retry-After', async () => {
    const { clock, server, open } = rig();
    const answers = [
      () => json(425, { error: { code: 'passage_not_synced', message: 'Ikke fremme endnu' } }, { 'Retry-After': '2' }),
      () => json(201, { comment: { id: 'c1' } }),
    ];
    server.handler = () => answers.shift()!();
    const outbox = await open();
    await outbox.enqueue(comment('hej'));
    await outbox.whenIdle();
    expect(outbox.list()[0]!.state).toBe('pending');
    expect(outbox.list()[0]!.lastError).toBe('http_425');
    clock.advanceBy(2000);
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(2);
    expect(outbox.list()).toEqual([]);
  });

  it('reads Retry-After values defensively', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('99999999', now)).toBe(15 * 60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-3', now)).toBeNull();
    expect(retryAfterMs(new Date(now - 5000).toUTCString(), now)).toBe(0);
  });

  it('counts a request without an answer as a timeout and retries it', async () => {
    const { clock, server, open } = rig();
    let first = true;
    server.handler = (_request, signal) => {
      if (first) {
        first = false;
        return hang(signal);
      }
      return json(201, {});
    };
    const outbox = await open({ requestTimeoutMs: 30_000 });
    const entry = await outbox.enqueue(comment('hej'));
    await eventually(() => server.requests.length === 1);
    expect(outbox.getSnapshot().sendingId).toBe(entry.id);
    clock.advanceBy(30_000);
    await outbox.whenIdle();
    expect(outbox.list()[0]).toMatchObject({ attempts: 1, lastError: 'timeout', state: 'pending' });
    clock.advanceTo(clock.nextTimerAt()!);
    await outbox.whenIdle();
    expect(outbox.list()).toEqual([]);
  });

  it('retries at once on the online event and on retryNow(), ignoring the back-off', async () => {
    const { server, open } = rig();
    const online = new EventTarget();
    let down = true;
    server.handler = () => (down ? networkDown() : json(201, {}));
    const outbox = await open({ onlineEvents: online });
    await outbox.enqueue(comment('hej'));
    await outbox.whenIdle();
    expect(outbox.list()).toHaveLength(1);

    await outbox.retryNow();
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(2);

    down = false;
    online.dispatchEvent(new Event('online'));
    // The handler clears the back-off in IndexedDB first; then the request goes out.
    await eventually(() => server.requests.length === 3);
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(3);
    expect(outbox.list()).toEqual([]);
  });
});

describe('Outbox refusals', () => {
  it('keeps a refused entry with the server’s code and message; later entries continue', async () => {
    const { server, open } = rig();
    server.handler = (request) =>
      textOf(request.body) === 'for sent'
        ? refusal(409, 'phase_closed', 'Høringen er lukket.')
        : json(201, { comment: { id: 'c-' + textOf(request.body) } });
    const sent: [OutboxEntry, unknown][] = [];
    const outbox = await open({ onSent: (entry, result) => sent.push([entry, result]) });
    await outbox.enqueue(comment('for sent'));
    await outbox.enqueue(comment('i tide'));
    await outbox.whenIdle();

    expect(outbox.list()).toHaveLength(1);
    expect(outbox.list()[0]).toMatchObject({
      state: 'refused',
      text: 'for sent',
      label: 'Kommentar: for sent',
      refusal: { status: 409, code: 'phase_closed', message: 'Høringen er lukket.' },
      attempts: 1,
    });
    expect(sent.map(([entry, result]) => [entry.text, result])).toEqual([['i tide', { comment: { id: 'c-i tide' } }]]);
    // A refused entry is never sent again.
    await outbox.retryNow();
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(2);
  });

  it('falls back to the catalogue message when the body is not our JSON error', async () => {
    const { server, open } = rig();
    const answers = [
      () => new Response('<html>Forbidden</html>', { status: 403, headers: { 'Content-Type': 'text/html' } }),
      () => new Response('nope', { status: 418 }),
      () => json(400, { error: { code: 'too_long' } }),
    ];
    server.handler = () => answers.shift()!();
    const outbox = await open();
    await outbox.enqueue(comment('a'));
    await outbox.enqueue(comment('b'));
    await outbox.enqueue(comment('c'));
    await outbox.whenIdle();
    expect(outbox.list().map((entry) => entry.refusal)).toEqual([
      { status: 403, code: 'forbidden', message: '' },
      { status: 418, code: 'refused', message: '' },
      { status: 400, code: 'too_long', message: '' },
    ]);
  });

  it('dismisses only refused entries, and cancels pending ones only on request', async () => {
    const { server, open } = rig();
    server.handler = (request) => (textOf(request.body) === 'nej' ? refusal(400, 'invalid_text', 'Ugyldig tekst.') : networkDown());
    const outbox = await open();
    const refused = await outbox.enqueue(comment('nej'));
    const pending = await outbox.enqueue(comment('venter'));
    await outbox.whenIdle();
    await expect(outbox.dismiss(pending.id)).rejects.toMatchObject({ code: 'wrong_state' });
    await expect(outbox.cancel(refused.id)).rejects.toMatchObject({ code: 'wrong_state' });
    await expect(outbox.dismiss('no-such-id')).rejects.toMatchObject({ code: 'not_found' });
    await outbox.dismiss(refused.id);
    await outbox.cancel(pending.id);
    expect(outbox.list()).toEqual([]);
  });
});

describe('Outbox dependent entries', () => {
  it('sends a reply to a queued comment after it, with the comment’s server id filled in', async () => {
    const { clock, server, open } = rig();
    let commentFailures = 1;
    server.handler = (request) => {
      if (request.url.endsWith('/comments')) {
        return commentFailures-- > 0 ? json(502, null) : json(201, { comment: { id: 'srv 42' }, revision: 3 });
      }
      return json(201, { comment: { id: 'srv-reply' } });
    };
    const outbox = await open();
    const parent = await outbox.enqueue(comment('Hvad med cykelstien?'));
    const child = await outbox.enqueue({ ...reply(parent.id, 'Enig!'), body: { text: 'Enig!', parent: outboxRef(parent.id) } });
    expect(child.dependsOn).toEqual([parent.id]);
    await outbox.whenIdle();
    expect(server.requests).toHaveLength(1);

    clock.advanceTo(clock.nextTimerAt()!);
    await outbox.whenIdle();
    expect(server.urls()).toEqual([
      '/api/documents/doc1/comments',
      '/api/documents/doc1/comments',
      '/api/documents/doc1/comments/srv%2042/replies',
    ]);
    // A whole-string reference becomes the referenced value; clientKey is the reply's own id.
    expect(server.requests[2]!.body).toEqual({ text: 'Enig!', parent: 'srv 42', clientKey: child.id });
    expect(outbox.list()).toEqual([]);
  });

  it('refuses the dependants of a refused entry (transitively) and goes on with the rest', async () => {
    const { server, open } = rig();
    server.handler = (request) =>
      request.url.endsWith('/doc1/comments') ? refusal(409, 'passage_gone', 'Teksten findes ikke længere.') : json(201, {});
    const outbox = await open();
    const parent = await outbox.enqueue(comment('om et afsnit'));
    const child = await outbox.enqueue(reply(parent.id, 'svar'));
    const grandchild = await outbox.enqueue({
      documentId: 'doc1',
      kind: 'support',
      method: 'PUT',
      url: `/api/documents/doc1/comments/${outboxRef(child.id)}/support`,
      body: { supported: true },
      label: 'Støtte',
    });
    const unrelated = await outbox.enqueue(comment('andet dokument', 'doc2'));
    await outbox.whenIdle();

    expect(server.urls()).toEqual(['/api/documents/doc1/comments', '/api/documents/doc2/comments']);
    const byId = new Map(outbox.list().map((entry) => [entry.id, entry]));
    expect(byId.get(parent.id)!.refusal!.code).toBe('passage_gone');
    expect(byId.get(child.id)).toMatchObject({ state: 'refused', text: 'svar', refusal: { status: 0, code: 'depends_on_refused' } });
    expect(byId.get(grandchild.id)).toMatchObject({ state: 'refused', refusal: { code: 'depends_on_refused' } });
    expect(byId.has(unrelated.id)).toBe(false);
    expect(outbox.list('doc2')).toEqual([]);
    expect(outbox.list('doc1')).toHaveLength(3);

    // A reply enqueued to the already refused comment is refused at once, not sent.
    const late = await outbox.enqueue(reply(parent.id, 'for sent'));
    expect(late).toMatchObject({ state: 'refused', refusal: { code: 'depends_on_refused' } });
  });

  it('fills a reply to a comment that was sent a moment ago from the remembered answer', async () => {
    const { server, open } = rig();
    server.handler = (request) => json(201, { comment: { id: request.url.endsWith('/comments') ? 'c-7' : 'r-1' } });
    const outbox = await open();
    const parent = await outbox.enqueue(comment('først'));
    await outbox.whenIdle();
    const child = await outbox.enqueue(reply(parent.id, 'bagefter'));
    expect(child.url).toBe('/api/documents/doc1/comments/c-7/replies');
    expect(child.dependsOn).toEqual([]);
    await outbox.whenIdle();
    expect(server.urls().at(-1)).toBe('/api/documents/doc1/comments/c-7/replies');
  });

  it('refuses a dependant when the parent’s answer lacks the referenced value, and rejects unknown parents', async () => {
    const { server, open } = rig();
    server.handler = () => json(201, { something: 'else' });
    const outbox = await open();
    const parent = await outbox.enqueue(comment('uden id'));
    const child = await outbox.enqueue(reply(parent.id, 'hængende'));
    await outbox.whenIdle();
    expect(outbox.list()).toEqual([
      expect.objectContaining({ id: child.id, state: 'refused', refusal: expect.objectContaining({ code: 'depends_on_unresolved' }) }),
    ]);
    await expect(outbox.enqueue(reply('00000000-0000-4000-8000-000000000000', 'x'))).rejects.toMatchObject({ code: 'unknown_dependency' });
  });

  it('turns the dependants of a cancelled entry into refusals, so their text is not lost', async () => {
    const { server, open } = rig();
    server.handler = () => networkDown();
    const outbox = await open();
    const parent = await outbox.enqueue(comment('fortrudt'));
    await outbox.whenIdle();
    const child = await outbox.enqueue(reply(parent.id, 'mit svar'));
    await outbox.cancel(parent.id);
    expect(outbox.list()).toEqual([
      expect.objectContaining({
        id: child.id,
        state: 'refused',
        text: 'mit svar',
        refusal: expect.objectContaining({ code: 'depends_on_cancelled' }),
      }),
    ]);
  });
});

describe('Outbox persistence and idempotency', () => {
  it('keeps entries and their state across close and re-open', async () => {
    const person = freshPerson();
    const first = rig(person);
    first.server.handler = (request) => (textOf(request.body) === 'afvist' ? refusal(403, 'forbidden', 'Nej.') : networkDown());
    const before = await first.open();
    const refused = await before.enqueue(comment('afvist'));
    const pending = await before.enqueue(comment('gemt'));
    await before.whenIdle();
    await before.close();
    expect(before.getSnapshot().open).toBe(false);
    await expect(before.enqueue(comment('efter'))).rejects.toBeInstanceOf(OutboxError);

    const second = rig(person);
    second.server.handler = () => json(503, null);
    const after = await second.open();
    await after.whenIdle();
    expect(after.list().map((entry) => [entry.id, entry.state, entry.refusal?.code, entry.text])).toEqual([
      [refused.id, 'refused', 'forbidden', 'afvist'],
      [pending.id, 'pending', undefined, 'gemt'],
    ]);
    expect(after.list()[1]!.attempts).toBeGreaterThanOrEqual(1);
  });

  it('sends the entry id as clientKey (POST) and Idempotency-Key, the same on every retry, same-origin JSON', async () => {
    const { clock, server, open } = rig();
    let failures = 1;
    server.handler = () => (failures-- > 0 ? networkDown() : json(200, {}));
    const outbox = await open();
    const posted = await outbox.enqueue(comment('idempotent'));
    const put = await outbox.enqueue({
      documentId: 'doc1',
      kind: 'support',
      method: 'PUT',
      url: '/api/documents/doc1/comments/c1/support',
      body: { supported: true },
      label: 'Støtte',
    });
    const deleted = await outbox.enqueue({
      documentId: 'doc1',
      kind: 'delete',
      method: 'DELETE',
      url: '/api/documents/doc1/comments/c1',
      label: 'Slet',
    });
    await outbox.whenIdle();
    clock.advanceTo(clock.nextTimerAt()!);
    await outbox.whenIdle();

    const [try1, try2, support, deletion] = server.requests;
    expect(posted.body).toEqual({ kind: 'comment', anchor: null, text: 'idempotent', clientKey: posted.id });
    expect(try1!.body).toEqual(try2!.body);
    expect(try1!.headers['idempotency-key']).toBe(posted.id);
    expect(try2!.headers['idempotency-key']).toBe(posted.id);
    expect(try1!.headers['content-type']).toBe('application/json');
    expect(try1!.credentials).toBe('same-origin');
    expect(support!.body).toEqual({ supported: true });
    expect(support!.headers['idempotency-key']).toBe(put.id);
    expect(deletion!.method).toBe('DELETE');
    expect(deletion!.body).toBeUndefined();
    expect(deletion!.headers['content-type']).toBeUndefined();
    expect(deletion!.headers['idempotency-key']).toBe(deleted.id);
    expect(posted.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses hostile or malformed input with clear errors', async () => {
    const { open } = rig();
    const outbox = await open();
    const base = comment('x');
    const cases: [Partial<EnqueueInput> & Record<string, unknown>, string][] = [
      [{ url: 'https://evil.example/api/x' }, 'invalid_url'],
      [{ url: '//evil.example/api/x' }, 'invalid_url'],
      [{ url: '/api/../admin' }, 'invalid_url'],
      [{ url: '/api/x\ny' }, 'invalid_url'],
      [{ url: '/login' }, 'invalid_url'],
      [{ kind: 'hack' as never }, 'invalid_kind'],
      [{ method: 'GET' as never }, 'invalid_method'],
      [{ documentId: '' }, 'invalid_document'],
      [{ label: '   ' }, 'invalid_label'],
      [{ text: 'x'.repeat(50_001) }, 'invalid_text'],
      [{ body: { when: new Date() } }, 'invalid_body'],
      [{ body: { n: Number.NaN } }, 'invalid_body'],
      [{ method: 'DELETE', body: {} }, 'invalid_body'],
    ];
    for (const [change, code] of cases) {
      await expect(outbox.enqueue({ ...base, ...change } as EnqueueInput), code).rejects.toMatchObject({ name: 'OutboxError', code });
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(outbox.enqueue({ ...base, body: cyclic })).rejects.toMatchObject({ code: 'invalid_body' });
    expect(outbox.list()).toEqual([]);
  });
});

describe('Outbox with two instances for one person (two tabs)', () => {
  for (const mode of ['Web Locks', 'lease fallback'] as const) {
    it(`never sends an entry twice (${mode})`, async () => {
      const person = freshPerson();
      const clock = new FakeClock();
      const server = new FakeServer();
      const gate = deferred<void>();
      server.handler = async () => {
        await gate.promise;
        return json(201, {});
      };
      const locks = mode === 'Web Locks' ? new FakeLocks() : null;
      const options: OutboxOptions = {
        fetch: server.fetch,
        now: clock.nowFn,
        setTimer: clock.setTimer,
        clearTimer: clock.clearTimer,
        locks,
        onlineEvents: null,
      };
      const tabA = await Outbox.open(person, options);
      const tabB = await Outbox.open(person, options);
      opened.push(tabA, tabB);
      await tabA.enqueue(comment('en'));
      await tabB.enqueue(comment('to'));
      await tabA.enqueue(comment('tre'));
      // Both tabs are told to send, while the first request hangs.
      await Promise.all([tabA.retryNow(), tabB.retryNow()]);
      gate.resolve();
      await eventually(() => server.requests.length >= 3 && tabA.list().length === 0 && tabB.list().length === 0);
      await Promise.all([tabA.whenIdle(), tabB.whenIdle()]);
      // Give a wrongly racing second sender every chance to show up.
      for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(server.requests.map((request) => textOf(request.body))).toEqual(['en', 'to', 'tre']);
      if (locks) expect(locks.granted).toBeGreaterThanOrEqual(2);
    });
  }

  it('stops sending when closed in the middle of a request, and the entry stays queued', async () => {
    const { server, open, person } = rig();
    server.handler = (_request, signal) => hang(signal);
    const outbox = await open();
    const entry = await outbox.enqueue(comment('midt i'));
    await eventually(() => server.requests.length === 1);
    await outbox.close();
    const again = rig(person);
    again.server.handler = () => networkDown();
    const reopened = await again.open();
    expect(reopened.list().map((e) => [e.id, e.state, e.attempts])).toEqual([[entry.id, 'pending', 0]]);
  });
});
