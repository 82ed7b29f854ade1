/**
 * Two sync servers (nodes) in this process, each with its own rooms, sharing one document store,
 * metadata store and account store (standing in for the shared database), joined by a real Redis:
 * stock y-websocket providers on either node see each other's edits, presence and comment
 * notices; a revocation on one node closes the socket on the other; a node cut off from Redis
 * catches up by stream id when it is back.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as decoding from 'lib0/decoding';
import { Close, MessageType } from '../../lib/protocol';
import { hashSessionId } from '../../lib/auth/sessionId';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { externalSubject } from '../../lib/platformApi/schemas';
import { TEST_SECRET } from '../helpers/tokens';
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../server/storage/MemoryMetadataStore';
import { RedisClusterBus, type RedisClusterBusOptions } from '../../server/scaleout/RedisClusterBus';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { waitFor, waitForAwareness, waitForDoc } from '../helpers/waitFor';
import { startRedis, type TestRedis } from '../helpers/startRedis';
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy';
import { recordingLogger, type RecordingLogger } from '../helpers/recordingLogger';

let redis: TestRedis;
let tests = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

interface Cluster {
  readonly a: TestSyncServer;
  readonly b: TestSyncServer;
  /** Between node B and Redis, when asked for. */
  readonly proxy: CuttableProxy | null;
  /** What node B's bus logged. */
  readonly busLogB: RecordingLogger;
}

async function bus(
  url: string,
  prefix: string,
  options: Partial<RedisClusterBusOptions> = {},
  logger = recordingLogger(),
): Promise<RedisClusterBus> {
  const connected = await RedisClusterBus.connect({ url, prefix, logger, ...options });
  onTestFinished(() => connected.close());
  return connected;
}

/** Two nodes on shared stores; node B reaches Redis through a proxy the test can cut. */
async function twoNodes(options: { proxied?: boolean; bus?: Partial<RedisClusterBusOptions> } = {}): Promise<Cluster> {
  const prefix = `t${++tests}-${process.pid}:`;
  const store = new MemoryDocumentStore();
  const metadata = new MemoryMetadataStore();
  const proxy = options.proxied ? await startCuttableProxy(redis.port) : null;
  if (proxy) onTestFinished(() => proxy.close());
  const urlB = proxy ? `redis://127.0.0.1:${proxy.port}` : redis.url;
  const a = await startSyncServer({ store, metadata, cluster: await bus(redis.url, prefix, options.bus) });
  const busLogB = recordingLogger();
  const b = await startSyncServer({
    store,
    metadata,
    accountStore: a.accountStore,
    apiKeyStore: a.apiKeyStore,
    cluster: await bus(urlB, prefix, options.bus, busLogB),
  });
  return { a, b, proxy, busLogB };
}

function client(node: TestSyncServer, id: string, token: string, options: { ack?: boolean } = {}): TestProvider {
  const provider = connectProvider(node.url, id, { token, ...options });
  onTestFinished(() => provider.destroy());
  return provider;
}

const text = (p: TestProvider) => p.doc.getText('t').toString();
const hasText = (p: TestProvider, expected: string, what: string) =>
  waitForDoc(p.doc, (d) => d.getText('t').toString() === expected, { what });

describe('two nodes over Redis', () => {
  it('converges edits made through either node on every client of both', async () => {
    const { a, b } = await twoNodes();
    const id = await a.createDocument('klynge-1');
    const token = await a.token(id, 'edit');
    const onA = [client(a, id, token), client(a, id, token)];
    const onB = [client(b, id, token), client(b, id, token)];
    await Promise.all([...onA, ...onB].map((p) => p.synced()));

    onA[0]?.doc.getText('t').insert(0, 'fra A ');
    await Promise.all(onB.map((p) => hasText(p, 'fra A ', 'node A’s edit on node B')));
    onB[0]?.doc.getText('t').insert(text(onB[0]).length, 'fra B');
    await Promise.all([...onA, ...onB].map((p) => hasText(p, 'fra A fra B', 'both edits everywhere')));

    // Concurrent edits on both nodes converge too.
    onA[1]?.doc.getText('t').insert(0, '1');
    onB[1]?.doc.getText('t').insert(0, '2');
    const expected = await waitFor(
      () => {
        const texts = [...onA, ...onB].map(text);
        return texts.every((t) => t === texts[0] && t.length === 'fra A fra B'.length + 2) ? texts[0] : null;
      },
      (recheck) => {
        for (const p of [...onA, ...onB]) p.doc.on('update', recheck);
        return () => {
          for (const p of [...onA, ...onB]) p.doc.off('update', recheck);
        };
      },
      { what: 'concurrent edits converged' },
    );
    expect(expected).toMatch(/^(12|21)fra A fra B$/);

    // Stored once, by the node that received each edit: a fresh client on node B reads it all.
    await a.sync.close();
    const fresh = client(b, id, token);
    await hasText(fresh, expected ?? '', 'the stored text after node A went away');
  });

  it('relays presence across nodes, to clients there and to one that joins later', async () => {
    const { a, b } = await twoNodes();
    const id = await a.createDocument('klynge-2');
    const token = await a.token(id, 'edit');
    const onA = client(a, id, token);
    const onB = client(b, id, token);
    await Promise.all([onA.synced(), onB.synced()]);
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    const fromA = onA.doc.clientID;
    await waitForAwareness(onB.provider.awareness, (states) => states.get(fromA)?.cursor !== undefined, { what: 'A’s cursor on B' });
    // The server wrote the name from the token, on node A; node B relays it as it is.
    expect(onB.provider.awareness.getStates().get(fromA)?.user).toMatchObject({ name: 'Ekstern Bruger' });

    const late = client(b, id, token);
    await waitForAwareness(late.provider.awareness, (states) => states.get(fromA)?.cursor !== undefined, {
      what: 'A’s cursor at a client that joined B later',
    });

    onA.destroy();
    await waitForAwareness(onB.provider.awareness, (states) => !states.has(fromA), { what: 'A’s presence gone on B' });
  });

  it('tells `?ack=1` clients on the other node that the comments changed', async () => {
    const { a, b } = await twoNodes();
    const id = await a.createDocument('klynge-3');
    const token = await a.token(id, 'edit');
    const onB = client(b, id, token, { ack: true });
    const heard: number[] = [];
    let recheck = () => {};
    onB.provider.messageHandlers[MessageType.commentsChanged] = (_encoder, decoder) => {
      heard.push(decoding.readVarUint(decoder));
      recheck();
    };
    onB.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => void decoding.readVarUint8Array(decoder);
    await onB.synced();
    expect(a.sync.notifyCommentsChanged(id, 4)).toBe(0);
    a.sync.notifyCommentsChanged(id, 5);
    await waitFor(
      () => heard.length >= 2,
      (again) => {
        recheck = again;
        return () => (recheck = () => {});
      },
      { what: 'two notices on node B' },
    );
    expect(heard).toEqual([4, 5]);
  });

  it('closes the socket on node B when node A revokes the session, or the grant', async () => {
    const { a, b } = await twoNodes();
    const id = await a.createDocument('klynge-4');
    const signedOut = await a.person('Bent Hansen');
    const staying = await a.person('Dorte Dam');
    const byCookie = connectProvider(b.url, id, { cookie: signedOut.cookie });
    const other = connectProvider(b.url, id, { cookie: staying.cookie });
    onTestFinished(() => {
      byCookie.destroy();
      other.destroy();
    });
    await Promise.all([byCookie.synced(), other.synced()]);

    a.events.emitAccessRevoked({
      personId: signedOut.personId,
      reason: 'signed_out',
      sessionIdHashes: [hashSessionId(signedOut.sessionId)],
    });
    expect(await byCookie.closed()).toEqual(Close.unauthenticated);
    expect(other.closes).toEqual([]);

    // A document's access changed on node A (its grants, in the shared metadata): node B re-checks.
    await a.documents.setGrants(id, [{ subject: 'person', personId: 'p_test', role: 'owner' }]);
    expect(await other.closed()).toEqual(Close.forbidden);
  });

  it('closes the connections of a revoked API key’s tokens on node B when node A revokes it', async () => {
    const { a, b } = await twoNodes();
    const admin = await a.person('Admin', { team: false, role: 'admin' });
    const { apiKey } = await a.apiKeys.create(admin.personId, { name: 'Nabo-platform' });
    // The platform's edit token brings its own document into being, on node B.
    const platformToken = await mintSyncToken(
      { sub: externalSubject(apiKey.id, 'bruger-1'), name: 'Platformbruger', doc: 'platform-doc', access: 'edit', kid: apiKey.id },
      TEST_SECRET,
      300,
    );
    const onB = client(b, 'platform-doc', platformToken);
    await onB.synced();
    await a.apiKeys.revoke(admin.personId, apiKey.id);
    expect(await onB.closed()).toEqual(Close.invalidToken);
  });

  it('catches a node up by stream id after its Redis connection dropped and came back', async () => {
    const { a, b, proxy } = await twoNodes({ proxied: true });
    const id = await a.createDocument('klynge-5');
    const token = await a.token(id, 'edit');
    const writer = client(a, id, token, { ack: true });
    writer.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => void decoding.readVarUint8Array(decoder);
    const witness = client(a, id, token);
    const onB = client(b, id, token);
    await Promise.all([writer.synced(), witness.synced(), onB.synced()]);
    writer.doc.getText('t').insert(0, 'før ');
    await hasText(onB, 'før ', 'the first edit on B');

    proxy?.cut();
    writer.doc.getText('t').insert(4, 'under afbrydelsen');
    // Stored and published by node A (its own other client has it); node B cannot have read it.
    await hasText(witness, 'før under afbrydelsen', 'the edit on node A');
    expect(text(onB)).toBe('før ');

    proxy?.restore();
    await hasText(onB, 'før under afbrydelsen', 'the missed edit on B after the connection came back');
    // Live again, not only caught up.
    writer.doc.getText('t').insert(0, '… ');
    await hasText(onB, '… før under afbrydelsen', 'a later edit on B');
  });

  it('reloads from the store when the stream dropped updates the node had not read', async () => {
    // Streams keep about 10 entries: 200 edits while node B is cut off overflow it (trimmed in nodes of 100).
    // Each edit waits until the witness has it, so each is its own group commit and its own stream entry.
    const { a, b, proxy, busLogB } = await twoNodes({ proxied: true, bus: { streamMaxLength: 10, readCount: 10 } });
    const id = await a.createDocument('klynge-6');
    const token = await a.token(id, 'edit');
    const writer = client(a, id, token);
    const witness = client(a, id, token);
    const onB = client(b, id, token);
    await Promise.all([writer.synced(), witness.synced(), onB.synced()]);
    proxy?.cut();
    for (let i = 0; i < 200; i++) {
      writer.doc.getText('t').insert(i, String(i % 10));
      await hasText(witness, text(writer), `edit ${i + 1} on node A`);
    }
    const written = text(writer);
    expect(text(onB)).toBe('');
    proxy?.restore();
    await hasText(onB, written, 'every edit on B, from the store');
    expect(busLogB.lines.filter((line) => line.msg?.startsWith('fell behind'))).toHaveLength(1);
  });
});
