/**
 * kill -9 of the production server while publishes are in flight (issue 9): after a restart on the
 * same data dir, every version that was answered is there as answered, every stored version is
 * whole (it reads back and its content matches its hash), each document's numbers are 1..n without
 * gaps, and a retry with the same Idempotency-Key finishes what was cut off without a second
 * version. Numbers continue after the restart, never repeating.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../lib/versions/contentHash';
import { FileVersionStore } from '../../server/versions/FileVersionStore';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { PASSWORD } from './helpers/editorPage';
import { sessionOf } from './helpers/sessionHttp';

const DOCUMENTS = 8;
/** Answered publishes before the kill. */
const KILL_AFTER = 30;
const secret = `kill-secret-${Math.random().toString(36).slice(2)}-${'x'.repeat(32)}`;
let dataDir = '';
const running: SpawnedServer[] = [];

afterAll(async () => {
  for (const server of running) await server.stop('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ server: SpawnedServer; url: string }> {
  const server = await spawnServer({
    entry: 'dist/server.js',
    args: [],
    readyTimeoutMs: 90_000,
    env: { NODE_ENV: 'production', DATA_DIR: dataDir, AUTH_SECRET: secret, SIGNUPS_PER_IP_PER_HOUR: '10000' },
  });
  running.push(server);
  return { server, url: `http://127.0.0.1:${server.port}` };
}

interface Answer {
  status: number;
  replayed: boolean;
  body: { version?: { number: number; hash: string }; versions?: { number: number; hash: string }[]; document?: { id: string } };
}

function client(url: string, session: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Origin: url, Cookie: `samskriv_session=${session}`, 'Content-Type': 'application/json', ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      body: text ? JSON.parse(text) : {},
    };
  };
}

describe('publishing through a kill -9', () => {
  it('leaves every version whole or absent, numbers 1..n, and a retry finishes the cut-off publishes', { timeout: 240_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'samskriv-versions-kill-'));
    const first = await start();
    const token = /\/opsaetning\?token=([A-Za-z0-9_-]{43})/.exec(first.server.output())?.[1];
    expect(token).toBeTruthy();
    const setup = await fetch(`${first.url}/api/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: first.url },
      body: JSON.stringify({ token, email: 'admin@eksempel.dk', name: 'Ada Admin', password: PASSWORD }),
    });
    expect(setup.status).toBe(201);
    const session = sessionOf(setup);
    let send = client(first.url, session);

    const ids: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const created = await send('POST', '/api/documents', { title: `Plan ${i}`, template: 'projektforslag' });
      expect(created.status).toBe(201);
      const id = created.body.document!.id;
      expect((await send('PATCH', `/api/documents/${id}/state`, { state: 'in_review' })).status).toBe(200);
      ids.push(id);
    }

    // Every document publishes again and again (a new title each time, then back to a draft and to
    // review); the server is killed once enough publishes were answered, with requests still out.
    const answered = new Map<string, { number: number; hash: string }[]>(ids.map((id) => [id, []]));
    const lastKey = new Map<string, string>();
    let answeredCount = 0;
    let killed = false;
    let killing: Promise<unknown> | undefined;
    const cutOff: string[] = [];
    async function publishLoop(id: string): Promise<void> {
      for (let round = 0; !killed; round++) {
        const key = `publish-${id}-${round}`;
        lastKey.set(id, key);
        try {
          const answer = await send(
            'POST',
            `/api/documents/${id}/versions`,
            { summary: `Runde ${round}`, title: `Plan ${id} r${round}` },
            {
              'Idempotency-Key': key,
            },
          );
          expect(answer.status, id).toBe(201);
          answered.get(id)!.push(answer.body.version!);
          if (++answeredCount === KILL_AFTER) {
            killed = true;
            killing = first.server.stop('SIGKILL');
          }
          if (killed) return;
          expect((await send('PATCH', `/api/documents/${id}/state`, { state: 'draft' })).status).toBe(200);
          expect((await send('PATCH', `/api/documents/${id}/state`, { state: 'in_review' })).status).toBe(200);
        } catch (error) {
          if (!killed) throw error;
          cutOff.push(id);
          return;
        }
      }
    }
    await Promise.all(ids.map(publishLoop));
    await killing;
    // The kill came with requests still out (not after everything had finished).
    expect(cutOff.length).toBeGreaterThan(0);

    const second = await start();
    send = client(second.url, session);
    for (const id of ids) {
      const listed = (await send('GET', `/api/documents/${id}/versions`)).body.versions!;
      const numbers = listed.map((version) => version.number).reverse();
      expect(numbers, id).toEqual(numbers.map((_, index) => index + 1));
      // Every answered version is there as answered; at most one more (stored, its answer cut off).
      for (const version of answered.get(id)!)
        expect(
          listed.find((each) => each.number === version.number),
          id,
        ).toMatchObject(version);
      expect(listed.length - answered.get(id)!.length, id).toBeLessThanOrEqual(1);
    }
    // A retry of each document's last publish (same key): stored before the kill, it is answered again
    // and the move to final finished; otherwise it is published now. Either way the next number.
    const retried = new Map<string, number>();
    for (const id of ids) {
      const round = Number(lastKey.get(id)!.split('-').at(-1));
      const before = (await send('GET', `/api/documents/${id}/versions`)).body.versions!;
      const retry = await send(
        'POST',
        `/api/documents/${id}/versions`,
        { summary: `Runde ${round}`, title: `Plan ${id} r${round}` },
        {
          'Idempotency-Key': lastKey.get(id)!,
        },
      );
      // A document whose last answered publish was cut off before its move back to a draft is final: 201 replay; else 201 new.
      expect(retry.status, id).toBe(201);
      const lastAnswered = answered.get(id)!.at(-1);
      if (lastAnswered && before[0]?.number === lastAnswered.number && retry.replayed)
        expect(retry.body.version).toMatchObject(lastAnswered);
      retried.set(id, retry.body.version!.number);
      const after = (await send('GET', `/api/documents/${id}/versions`)).body.versions!;
      expect(after.map((version) => version.number).reverse(), id).toEqual(after.map((_, index) => index + 1));
      expect(after[0]!.number, id).toBe(retry.body.version!.number);
      // Final now: publishing again is refused until a new draft.
      expect((await send('POST', `/api/documents/${id}/versions`, { summary: 'igen' })).status, id).toBe(403);
    }
    await second.server.stop('SIGTERM');

    // On disk: every version whole, numbers 1..n.
    const store = new FileVersionStore({ dir: join(dataDir, 'versions') });
    const stored = await readdir(join(dataDir, 'versions'));
    expect(stored.sort()).toEqual([...ids].sort());
    for (const id of stored) {
      const numbers = (await store.list(id)).map((version) => version.number).reverse();
      expect(numbers, id).toEqual(Array.from({ length: retried.get(id)! }, (_, index) => index + 1));
      for (const number of numbers) {
        const version = (await store.get(id, number))!;
        expect(contentHash(version.title, version.content.body), `${id} ${number}`).toBe(version.hash);
      }
    }
    expect(store.damaged()).toEqual([]);
    await store.close();
  });
});
