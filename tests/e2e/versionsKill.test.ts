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

const DOCUMENTS = 12;
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

    // Every document published at once (one of them twice, as a double click); killed at the first answer.
    const key = (id: string) => ({ 'Idempotency-Key': `publish-${id}` });
    const answered = new Map<string, { number: number; hash: string }>();
    const inFlight = [...ids, ids[0]!].map((id) =>
      send('POST', `/api/documents/${id}/versions`, { summary: `Udgivet ${id}` }, key(id)).then(
        (answer) => {
          if (answer.status === 201) answered.set(id, answer.body.version!);
          return answer.status;
        },
        () => 'cut off' as const,
      ),
    );
    await Promise.race(inFlight);
    await first.server.stop('SIGKILL');
    const outcomes = await Promise.all(inFlight);
    expect(outcomes.every((outcome) => outcome === 201 || outcome === 'cut off')).toBe(true);

    const second = await start();
    send = client(second.url, session);
    for (const id of ids) {
      const listed = (await send('GET', `/api/documents/${id}/versions`)).body.versions!;
      expect(listed.length, id).toBeLessThanOrEqual(1);
      if (answered.has(id)) expect(listed[0], id).toMatchObject(answered.get(id)!);
    }
    // The retry: a version stored before the kill is answered again (and the move to final finished), otherwise made now.
    for (const id of ids) {
      const retry = await send('POST', `/api/documents/${id}/versions`, { summary: `Udgivet ${id}` }, key(id));
      expect(retry.status, id).toBe(201);
      expect(retry.body.version!.number, id).toBe(1);
      if (answered.has(id)) expect(retry.replayed, id).toBe(true);
      // Final now: publishing again is refused until a new draft.
      expect((await send('POST', `/api/documents/${id}/versions`, { summary: 'igen' })).status, id).toBe(403);
    }
    // Numbers go on after the restart.
    const [again] = ids;
    expect((await send('PATCH', `/api/documents/${again}/state`, { state: 'draft' })).status).toBe(200);
    expect((await send('PATCH', `/api/documents/${again}/state`, { state: 'in_review' })).status).toBe(200);
    const next = await send('POST', `/api/documents/${again}/versions`, { summary: 'Anden udgave', title: 'Plan 0, revideret' });
    expect(next).toMatchObject({ status: 201, body: { version: { number: 2 } } });
    await second.server.stop('SIGTERM');

    // On disk: every version whole, numbers 1..n.
    const store = new FileVersionStore({ dir: join(dataDir, 'versions') });
    const stored = await readdir(join(dataDir, 'versions'));
    expect(stored.sort()).toEqual([...ids].sort());
    for (const id of stored) {
      const numbers = (await store.list(id)).map((version) => version.number).reverse();
      expect(numbers, id).toEqual(id === again ? [1, 2] : [1]);
      for (const number of numbers) {
        const version = (await store.get(id, number))!;
        expect(contentHash(version.title, version.content.body), `${id} ${number}`).toBe(version.hash);
      }
    }
    expect(store.damaged()).toEqual([]);
    await store.close();
  });
});
