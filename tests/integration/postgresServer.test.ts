/**
 * The real server process with DATABASE_URL: it migrates an empty database at start, a person
 * signed up and a document created through the services on that database (as another node would)
 * are served, what a stock y-websocket client types is in PostgreSQL before anyone sees it, and
 * after kill -9 a new process with an EMPTY data dir serves the text again: nothing came from disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { createDocumentService } from '../../server/documents/createDocumentService';
import { createAccountService } from '../../server/people';
import { PgAccountStore } from '../../server/postgres/PgAccountStore';
import { PgDocumentStore } from '../../server/postgres/PgDocumentStore';
import { PgMetadataStore } from '../../server/postgres/PgMetadataStore';
import { cheapHasher } from '../helpers/cheapHasher';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { freshDatabase } from '../helpers/freshDatabase';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { waitForDoc } from '../helpers/waitFor';

const SECRET = 'postgres-integration-secret-0123456789abcdef';
const database = await freshDatabase({ migrate: false });
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function emptyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-pg-node-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startNode(): Promise<SpawnedServer> {
  const server = await spawnServer({ env: { DATABASE_URL: database.url, DATA_DIR: emptyDataDir(), AUTH_SECRET: SECRET } });
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

function client(server: SpawnedServer, documentId: string, sessionId: string): TestProvider {
  const provider = connectProvider(`ws://127.0.0.1:${server.port}/sync`, documentId, { cookie: `${SESSION_COOKIE}=${sessionId}` });
  cleanups.push(() => provider.destroy());
  return provider;
}

const typed = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).toString();

describe('a server on PostgreSQL', () => {
  it('migrates an empty database, serves what the services stored there, and keeps what was typed through kill -9; stops cleanly on SIGTERM', async () => {
    const first = await startNode();
    expect(first.logs.some((line) => line.msg === 'migrated the PostgreSQL schema')).toBe(true);

    const accountStore = new PgAccountStore(database.pool);
    const accounts = createAccountService({ store: accountStore, passwords: cheapHasher() });
    const person = await accounts.signUp({ email: 'karen@kommune.dk', password: 'et langt kodeord 123', name: 'Karen' });
    const signedIn = await accounts.signIn({ email: 'karen@kommune.dk', password: 'et langt kodeord 123', ip: '127.0.0.1' });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
    const documents = createDocumentService({ store: new PgDocumentStore(database.pool), metadata: new PgMetadataStore(database.pool) });
    const meta = await documents.create({
      title: 'Fællesspisning',
      template: 'projektforslag',
      createdBy: { id: person.id, name: person.name },
    });
    await documents.close();

    const writer = client(first, meta.id, signedIn.sessionId);
    const observer = client(first, meta.id, signedIn.sessionId);
    await Promise.all([writer.synced(), observer.synced()]);
    // The template's body, seeded into PostgreSQL (the title is the page's, not the body's).
    expect(typed(writer.doc)).toContain('Formål');
    const body = writer.doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i < 20; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Afsnit ${i}: vi spiser sammen hver uge. `)]);
      body.insert(body.length, [paragraph]);
    }
    const expected = typed(writer.doc);
    // Relayed only once stored: when the observer has it all, PostgreSQL has it all.
    await waitForDoc(observer.doc, (doc) => typed(doc) === expected, { what: 'the observer to see every paragraph' });
    const { rows } = await database.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM document_updates WHERE document_id = $1',
      [meta.id],
    );
    expect(rows[0]!.count).toBeGreaterThan(0);

    expect(await first.stop('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });
    writer.destroy();
    observer.destroy();

    const second = await startNode();
    expect(second.logs.some((line) => line.msg === 'migrated the PostgreSQL schema')).toBe(false);
    const fresh = client(second, meta.id, signedIn.sessionId);
    await fresh.synced();
    // The log since the snapshot comes before step 2 (Room.answerStep1); this waits for the text itself.
    await waitForDoc(fresh.doc, (doc) => typed(doc) === expected, { what: 'the fresh client to have every paragraph' });
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(writer.doc));
    fresh.destroy();
    // A graceful stop closes the stores and the pool, and exits 0.
    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('refuses to start, with a sentence, when the database cannot be reached', async () => {
    const url = new URL(database.url);
    url.port = '1';
    await expect(
      spawnServer({ env: { DATABASE_URL: url.href, DATA_DIR: emptyDataDir(), AUTH_SECRET: SECRET }, readyTimeoutMs: 30_000 }),
    ).rejects.toThrow(/the database named by DATABASE_URL could not be used/);
  });
});
