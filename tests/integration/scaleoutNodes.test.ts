/**
 * Several real nodes on one PostgreSQL and one Redis (the services project starts them): three
 * server processes (server/main.ts --sync-only, each its own empty DATA_DIR) and one node in this
 * process (startServer, sync-only as well). A sync-only process serves no HTTP routes, so comments
 * and sign-outs are made through the services of the in-process node: the same code a node runs
 * behind its HTTP routes, and what it publishes leaves through its own Redis bus like any node's.
 * Stock y-websocket clients on every node; edits and comment notices converge everywhere; kill -9
 * of one node while clients type through a round-robin TCP "load balancer": its clients reconnect
 * to a live node, nothing acknowledged (`saved`) is lost, everyone converges, and a fresh process
 * reads the same document; a sign-out on one node closes that session's sockets on the others.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import { anchorFromRange } from '../../lib/comments/anchors/anchorFromRange';
import type { Participant } from '../../lib/comments/Participant';
import { loadConfig } from '../../lib/config';
import { BODY_FRAGMENT, Close, MessageType } from '../../lib/protocol';
import { getServices } from '../../lib/services';
import { createLogger } from '../../server/logger';
import { createAccountService } from '../../server/people';
import { actorOf } from '../../server/people/actorOf';
import { PgAccountStore } from '../../server/postgres/PgAccountStore';
import { PgDocumentStore } from '../../server/postgres/PgDocumentStore';
import { startServer, type RunningServer } from '../../server/startServer';
import { cheapHasher } from '../helpers/cheapHasher';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { freshDatabase } from '../helpers/freshDatabase';
import { privateRedis } from '../helpers/privateRedis';
import { startCuttableProxy } from '../helpers/cuttableProxy';
import { startRoundRobinProxy } from '../helpers/roundRobinProxy';
import { spawnServer, type SpawnedServer } from '../helpers/spawnServer';
import { waitFor, type WaitOptions } from '../helpers/waitFor';
import type { DocumentId } from '../../lib/documentId';

const SECRET = 'scaleout-nodes-integration-secret-0123456789';
/** A safety net only (a hang becomes a readable failure); every wait is for an event. */
const PATIENCE: WaitOptions = { timeoutMs: 90_000 };
const PROJECT_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const database = await freshDatabase({ migrate: false });
// The servers use the fixed channel names of production: a Redis of this file's own.
const redis = await privateRedis();
const dirs: string[] = [];

function emptyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-scaleout-node-'));
  dirs.push(dir);
  return dir;
}

const nodeEnv = () => ({
  DATABASE_URL: database.url,
  REDIS_URL: redis.url,
  AUTH_SECRET: SECRET,
  SEED_DEMO: 'false',
  DATA_DIR: emptyDataDir(),
  // Updates stored and left unpublished are published by the live nodes after this long (15 s by default).
  SYNC_RELAY_STALE_MS: '500',
});

const spawned: SpawnedServer[] = [];
async function spawnNode(): Promise<SpawnedServer> {
  const node = await spawnServer({ env: nodeEnv(), readyTimeoutMs: 120_000 });
  spawned.push(node);
  return node;
}

let nodes: SpawnedServer[];
let inProcess: RunningServer;
let karen: { personId: string; cookie: (sessionId: string) => string; signIn(): Promise<string>; participant: Participant };

beforeAll(async () => {
  // Three processes starting at once on an empty database: the migration lock lets one migrate.
  nodes = await Promise.all([spawnNode(), spawnNode(), spawnNode()]);
  expect(nodes.filter((node) => node.logs.some((line) => line.msg === 'migrated the PostgreSQL schema'))).toHaveLength(1);
  inProcess = await startServer({
    config: loadConfig({ ...nodeEnv(), HOST: '127.0.0.1', PORT: '0' }),
    projectDir: PROJECT_DIR,
    syncOnly: true,
    logger: createLogger('warn'),
  });

  // Sign-up and sign-in as another node would do them (a cheap hasher: scrypt is not under test).
  const store = new PgAccountStore(database.pool);
  const accounts = createAccountService({ store, passwords: cheapHasher() });
  const person = await accounts.signUp({ email: 'karen@kommune.dk', password: 'et langt kodeord 123', name: 'Karen' });
  const stored = (await store.getPerson(person.id))!;
  karen = {
    personId: person.id,
    cookie: (sessionId) => `${SESSION_COOKIE}=${sessionId}`,
    async signIn() {
      const signedIn = await accounts.signIn({ email: 'karen@kommune.dk', password: 'et langt kodeord 123', ip: '127.0.0.1' });
      if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
      return signedIn.sessionId;
    },
    participant: { kind: 'person', actor: await actorOf(store, stored), name: 'Karen', organisation: null, ip: '127.0.0.1' },
  };
}, 300_000);

afterAll(async () => {
  await Promise.all(spawned.map((node) => node.stop('SIGKILL')));
  await inProcess?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 120_000);

const urlOf = (port: number) => `ws://127.0.0.1:${port}/sync`;

async function createDocument(title: string): Promise<DocumentId> {
  const meta = await getServices().documents.create({
    title,
    template: 'projektforslag',
    createdBy: { id: karen.personId, name: 'Karen' },
  });
  return meta.id as DocumentId;
}

const typed = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).toString();
const clockOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;

/** A stock provider with `?ack=1`: it records every `saved` ack and `commentsChanged` notice it gets. */
interface AckingClient extends TestProvider {
  readonly name: string;
  /** Per Yjs client, the highest clock a `saved` ack confirmed as durable. */
  readonly acked: Map<number, number>;
  readonly notices: number[];
  /** Calls `recheck` on every ack, notice, update and (re)sync; returns the unsubscribe. */
  watch(recheck: () => void): () => void;
}

function ackingClient(name: string, port: number, documentId: string, sessionId: string): AckingClient {
  const client = connectProvider(urlOf(port), documentId, { cookie: karen.cookie(sessionId), ack: true });
  onTestFinished(() => client.destroy());
  const acked = new Map<number, number>();
  const notices: number[] = [];
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of watchers) watcher();
  };
  client.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    for (const [who, clock] of Y.decodeStateVector(decoding.readVarUint8Array(decoder))) {
      if (clock > (acked.get(who) ?? 0)) acked.set(who, clock);
    }
    notify();
  };
  client.provider.messageHandlers[MessageType.commentsChanged] = (_encoder, decoder) => {
    notices.push(decoding.readVarUint(decoder));
    notify();
  };
  return {
    ...client,
    name,
    acked,
    notices,
    watch(recheck) {
      watchers.add(recheck);
      client.doc.on('update', recheck);
      client.provider.on('sync', recheck);
      client.provider.on('status', recheck);
      return () => {
        watchers.delete(recheck);
        client.doc.off('update', recheck);
        client.provider.off('sync', recheck);
        client.provider.off('status', recheck);
      };
    },
  };
}

/** Waits until `check` holds, re-checking on any event of any of `clients`. */
function waitForClients<T>(clients: readonly AckingClient[], check: () => T | null | undefined | false, what: string): Promise<T> {
  return waitFor(
    check,
    (recheck) => {
      const stops = clients.map((client) => client.watch(recheck));
      return () => stops.forEach((stop) => stop());
    },
    { what, ...PATIENCE },
  );
}

/** Every client has the same text and the same state vector, and it holds every one of `words`. */
function converged(clients: readonly AckingClient[], words: readonly string[], what: string): Promise<string> {
  return waitForClients(
    clients,
    () => {
      const text = typed(clients[0]!.doc);
      const vector = Y.encodeStateVector(clients[0]!.doc).toString();
      const same = clients.every((client) => typed(client.doc) === text && Y.encodeStateVector(client.doc).toString() === vector);
      return same && words.every((word) => text.includes(word)) ? text : null;
    },
    what,
  );
}

/** A paragraph of the client's own, into which it types words (as a person types into the editor). */
function typist(client: AckingClient) {
  const body = client.doc.getXmlFragment(BODY_FRAGMENT);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  body.insert(body.length, [paragraph]);
  /** Every word typed, with the client's clock once it was in the doc (acked when an ack reaches it). */
  const words: Array<{ word: string; clock: number }> = [];
  return {
    words,
    type(word: string) {
      text.insert(text.length, `${word} `);
      words.push({ word, clock: clockOf(client.doc) });
    },
    ackedWords: () => words.filter(({ clock }) => (client.acked.get(client.doc.clientID) ?? 0) >= clock).map(({ word }) => word),
  };
}

/** What PostgreSQL holds for a document, read by this process (not a node): its text and state vector. */
async function stored(documentId: string): Promise<{ text: string; vector: string }> {
  const store = new PgDocumentStore(database.pool);
  const updates = (await store.load(documentId)) ?? [];
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return { text: typed(doc), vector: Y.encodeStateVector(doc).toString() };
}

describe('three server processes and an in-process node on one PostgreSQL and one Redis', { timeout: 300_000 }, () => {
  it('converges edits made through every node on every client and in PostgreSQL, and relays comment notices to every node', async () => {
    const documentId = await createDocument('Klyngehøring');
    const sessionId = await karen.signIn();
    const ports = [...nodes.map((node) => node.port), inProcess.port];
    const clients = ports.flatMap((port, n) => [0, 1].map((i) => ackingClient(`node${n}-${i}`, port, documentId, sessionId)));
    await Promise.all(clients.map((client) => client.synced()));
    // The template's body, seeded on the server (the title is the page's, not the body's).
    expect(typed(clients[0]!.doc)).toContain('Formål');

    const words = clients.map((client) => `ord-fra-${client.name}`);
    clients.forEach((client, i) => typist(client).type(words[i]!));
    const text = await converged(clients, words, 'every client to hold every node’s edit');

    // Acknowledged means stored: once every client had its own edit acked, PostgreSQL has them all.
    await waitForClients(
      clients,
      () => clients.every((client) => (client.acked.get(client.doc.clientID) ?? 0) >= clockOf(client.doc)),
      'every client’s edit acknowledged',
    );
    expect(await stored(documentId)).toEqual({ text, vector: Y.encodeStateVector(clients[0]!.doc).toString() });

    // A comment made on the in-process node reaches every node's clients as commentsChanged.
    const anchor = anchorFromRange(clients[0]!.doc, 0, 'Formål'.length);
    const { revision } = await getServices().comments.create(karen.participant, documentId, { kind: 'comment', anchor, text: 'Godt!' });
    await waitForClients(clients, () => clients.every((client) => client.notices.includes(revision)), 'the comment notice on every node');
    expect(clients.map((client) => client.notices)).toEqual(clients.map(() => [revision]));
  });

  it('closes a signed-out session’s sockets on every other node, and only those', async () => {
    const documentId = await createDocument('Udlogning');
    const leaving = await karen.signIn();
    const staying = await karen.signIn();
    const ports = nodes.map((node) => node.port);
    const signedOut = ports.map((port, n) => ackingClient(`ud-${n}`, port, documentId, leaving));
    const others = ports.map((port, n) => ackingClient(`bliver-${n}`, port, documentId, staying));
    await Promise.all([...signedOut, ...others].map((client) => client.synced()));

    // The sign-out happens in the in-process node (its services, its access events, its bus).
    await getServices().accounts.signOut(leaving);
    const closes = await Promise.all(signedOut.map((client) => client.closed()));
    expect(closes).toEqual(signedOut.map(() => Close.unauthenticated));
    expect(others.map((client) => client.closes)).toEqual(others.map(() => []));
    // Still live: an edit through the staying session on one node reaches it on the others.
    typist(others[0]!).type('stadig-her');
    await converged(others, ['stadig-her'], 'an edit after the sign-out on the staying sockets');
    expect(others.map((client) => client.closes)).toEqual(others.map(() => []));
  });

  it('keeps every acknowledged edit and converges when a node is killed with -9 while clients type through all of them', async () => {
    const documentId = await createDocument('Nedbrud');
    const sessionId = await karen.signIn();
    const balancer = await startRoundRobinProxy(nodes.map((node) => node.port));
    onTestFinished(() => balancer.close());

    // Six clients through the balancer, one after another: two on each node.
    const clients: AckingClient[] = [];
    for (let i = 0; i < 6; i++) {
      const client = ackingClient(`lb-${i}`, balancer.port, documentId, sessionId);
      await client.synced();
      clients.push(client);
    }
    expect([...balancer.open().values()]).toEqual([2, 2, 2]);
    const typists = new Map(clients.map((client) => [client, typist(client)]));

    // The load: every client types a word every few milliseconds until it is stopped. It is the
    // workload, not a synchronisation: every wait below is for acks, closes and syncs.
    const typing = new Map<AckingClient, NodeJS.Timeout>();
    const startTyping = (client: AckingClient) => {
      let n = 0;
      typing.set(
        client,
        setInterval(() => typists.get(client)!.type(`${client.name}-${n++}`), 15),
      );
    };
    const stopTyping = (client: AckingClient) => clearInterval(typing.get(client));
    onTestFinished(() => clients.forEach(stopTyping));
    clients.forEach(startTyping);

    await waitForClients(
      clients,
      () => clients.every((client) => typists.get(client)!.ackedWords().length >= 5),
      'five acked words per client',
    );

    // lb-0 and lb-3 are on nodes[0] (round robin, in order). lb-0 stops, sees all it typed
    // acknowledged and closes for good (a closed laptop): nobody will send its words again, so
    // they are only there if what a node acknowledged was stored and relayed. lb-3 types on
    // through the kill and must reconnect to a live node through the balancer.
    // (lb-0 does not close at the kill with words in flight: words stored and not yet published
    // reach the other nodes only by the relay ledger's sweep, which the last test covers.)
    const victim = nodes[0]!;
    const [laptop, rejoined] = [clients[0]!, clients[3]!];
    stopTyping(laptop);
    const laptopWords = typists.get(laptop)!.words.map(({ word }) => word);
    await waitForClients([laptop], () => typists.get(laptop)!.ackedWords().length === laptopWords.length, 'lb-0’s words acknowledged');
    laptop.destroy();
    const survivors = clients.filter((client) => client !== laptop);
    const dropped = new Set<AckingClient>();
    for (const client of survivors) client.provider.on('connection-close', () => dropped.add(client));
    const ackedAtKill = new Map(survivors.map((client) => [client, typists.get(client)!.ackedWords()]));
    expect(await victim.stop('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });

    await waitForClients(survivors, () => dropped.has(rejoined), 'lb-3 to lose its socket');
    // It reconnects through the balancer to a live node, and is acknowledged there again.
    const ackedBeforeRejoin = typists.get(rejoined)!.ackedWords().length;
    await waitForClients(
      survivors,
      () => rejoined.provider.synced && typists.get(rejoined)!.ackedWords().length >= ackedBeforeRejoin + 5,
      'the killed node’s client to sync with a live node and be acknowledged there',
    );
    expect([...dropped]).toEqual([rejoined]);
    expect(balancer.open().get(victim.port)).toBe(0);

    survivors.forEach(stopTyping);
    const everyWord = [
      ...survivors.flatMap((client) => typists.get(client)!.words.map(({ word }) => word)),
      ...laptopWords,
      ...[...ackedAtKill.values()].flat(),
    ];
    // Everything typed by a client still here, and everything acknowledged before the kill.
    const text = await converged(survivors, everyWord, 'every survivor to converge on every word typed and acked');
    await waitForClients(
      survivors,
      () => survivors.every((client) => (client.acked.get(client.doc.clientID) ?? 0) >= clockOf(client.doc)),
      'every survivor’s last word acknowledged',
    );
    const vector = Y.encodeStateVector(survivors[0]!.doc).toString();
    expect(await stored(documentId)).toEqual({ text, vector });

    // A fresh process (an empty data dir) serves the same document.
    const fresh = await spawnNode();
    const reader = ackingClient('fresh', fresh.port, documentId, sessionId);
    await reader.synced();
    expect(typed(reader.doc)).toBe(text);
    expect(Y.encodeStateVector(reader.doc).toString()).toBe(vector);
  });

  // A node that dies between storing an update and publishing it: made deterministic by cutting the
  // node's link to Redis (its XADD waits) before killing it. The edit is in PostgreSQL (and
  // acknowledged), marked unpublished; the live nodes publish it once it has waited SYNC_RELAY_STALE_MS (the relay
  // ledger's sweep), so a room already open on a live node gets it without reloading.
  it('an edit stored but never published by a node that then died reaches the rooms open on the live nodes', async () => {
    const documentId = await createDocument('Forældreløs');
    const sessionId = await karen.signIn();
    const link = await startCuttableProxy(Number(new URL(redis.url).port));
    onTestFinished(() => link.close());
    const doomed = await spawnServer({
      env: { ...nodeEnv(), REDIS_URL: `redis://127.0.0.1:${link.port}` },
      readyTimeoutMs: 120_000,
    });
    spawned.push(doomed);
    const [live, other] = [nodes[1]!, nodes[2]!];
    const writer = ackingClient('doomed', doomed.port, documentId, sessionId);
    const watcher = ackingClient('live', live.port, documentId, sessionId);
    const marker = ackingClient('other', other.port, documentId, sessionId);
    const all = [writer, watcher, marker];
    await Promise.all(all.map((client) => client.synced()));
    const words = typist(writer);
    words.type('før');
    await converged(all, ['før'], 'the first edit everywhere');

    link.cut();
    words.type('forældreløs');
    // Acknowledged once durable in PostgreSQL, though the bus does not have it ("Gemt" holds across
    // nodes: any node reads it from there), and relayed to the node's own clients meanwhile.
    await waitForClients(
      [writer],
      () => (writer.acked.get(writer.doc.clientID) ?? 0) >= clockOf(writer.doc),
      'the edit acknowledged while the node cannot reach Redis',
    );
    expect((await stored(documentId)).text).toContain('forældreløs');
    writer.destroy();
    await doomed.stop('SIGKILL');

    // The live nodes publish it (each room it reaches relays it to its clients), and later edits build on it.
    await converged([watcher, marker], ['før', 'forældreløs'], 'the orphaned edit on both live nodes');
    typist(marker).type('markør');
    const text = await converged([watcher, marker], ['før', 'forældreløs', 'markør'], 'a later edit on the live nodes');
    expect((await stored(documentId)).text).toBe(text);
  });

  it('a history reset on one node ends the old copies on every node, and none of the old history comes back', async () => {
    const documentId = await createDocument('Nulstilles i klyngen');
    const sessionId = await karen.signIn();
    // nodes[0] was killed above: the two live processes.
    const [first, second] = [nodes[1]!, nodes[2]!];
    const old = [ackingClient('old-1', first.port, documentId, sessionId), ackingClient('old-2', second.port, documentId, sessionId)];
    await Promise.all(old.map((client) => client.synced()));
    typist(old[0]!).type('gammel');
    await converged(old, ['gammel'], 'the old history on both nodes');
    const retired = new Set(Y.decodeStateVector(Y.encodeStateVector(old[0]!.doc)).keys());
    const closes = old.map((client) => client.closed());

    // Reset on the in-process node, which holds no room for the document: the two others end theirs.
    await getServices().documents.resetHistory(documentId);
    expect(await Promise.all(closes)).toEqual([Close.staleEpoch, Close.staleEpoch]);
    old.forEach((client) => client.destroy());

    const fresh = [ackingClient('new-1', first.port, documentId, sessionId), ackingClient('new-2', second.port, documentId, sessionId)];
    await Promise.all(fresh.map((client) => client.synced()));
    for (const client of fresh) {
      expect(typed(client.doc)).toContain('gammel');
      expect([...Y.decodeStateVector(Y.encodeStateVector(client.doc)).keys()].filter((id) => retired.has(id))).toEqual([]);
    }
    typist(fresh[0]!).type('ny');
    const text = await converged(fresh, ['gammel', 'ny'], 'an edit after the reset on both nodes');
    expect((await stored(documentId)).text).toBe(text);
  });
});
