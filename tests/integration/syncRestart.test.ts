/**
 * Durability through the real file store: a fresh client after restarting the sync server on the
 * same data gets identical state, and the automerge-paper trace, replayed keystroke by keystroke
 * through the server, ends at exactly its endContent, also after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { BODY_FRAGMENT, MessageType } from '../../lib/protocol';
import { applyPatch, loadTrace } from '../../lib/traces/loadTrace';
import type { MetadataStore } from '../../lib/storage/MetadataStore';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { startSyncServer, type StartSyncServerOptions, type TestSyncServer } from '../helpers/startSyncServer';
import { waitFor, waitForDoc } from '../helpers/waitFor';

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-sync-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(dir: string, metadata?: MetadataStore, limits?: StartSyncServerOptions['limits']): Promise<TestSyncServer> {
  return startSyncServer({
    store: new FileDocumentStore({ dir, groupCommitMs: 2 }),
    ...(metadata ? { metadata } : {}),
    ...(limits ? { limits } : {}),
  });
}

async function freshClient(server: TestSyncServer, id: string): Promise<TestProvider> {
  const client = connectProvider(server.url, id, { cookie: await server.cookie('Frisk') });
  await client.synced();
  return client;
}

describe('restart on the same data', () => {
  it('gives a fresh client identical state after the sync server restarts', async () => {
    const dir = dataDir();
    const first = await start(dir);
    const id = await first.createDocument('genstart', 'Før genstart');
    const alice = connectProvider(first.url, id, { cookie: await first.cookie('Alice') });
    const bob = connectProvider(first.url, id, { cookie: await first.cookie('Bob') });
    await Promise.all([alice.synced(), bob.synced()]);
    const body = alice.doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i < 30; i++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`afsnit ${i} `)]);
      body.insert(body.length, [paragraph]);
    }
    body.delete(3, 1);
    bob.doc.getText('noter').insert(0, 'Bobs noter');
    await waitForDoc(bob.doc, (d) => d.getXmlFragment(BODY_FRAGMENT).length === body.length);
    await waitForDoc(alice.doc, (d) => d.getText('noter').length > 0);
    const expectedVector = Y.encodeStateVector(alice.doc);
    const expectedBody = body.toString();
    alice.destroy();
    bob.destroy();
    await first.close();

    const second = await start(dir, first.metadata);
    const fresh = await freshClient(second, id);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(expectedVector);
    expect(fresh.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe(expectedBody);
    expect(fresh.doc.getText('noter').toString()).toBe('Bobs noter');
    fresh.destroy();
  });
});

describe('the automerge-paper trace through the server', () => {
  it('replays keystroke by keystroke to exactly endContent, also after a restart', async () => {
    const trace = loadTrace('tests/fixtures/traces/automerge-paper.json.gz');
    const dir = dataDir();
    const first = await start(dir);
    const id = await first.createDocument('automerge-paper');
    const writer = connectProvider(first.url, id, { cookie: await first.cookie('Kleppmann'), ack: true });
    const observer = connectProvider(first.url, id, { cookie: await first.cookie('Observer') });
    await Promise.all([writer.synced(), observer.synced()]);

    let acks = 0;
    const ackListeners = new Set<() => void>();
    writer.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      decoding.readVarUint8Array(decoder);
      acks++;
      for (const listener of ackListeners) listener();
    };
    // Every local update is one frame to the server (the provider is connected): count them.
    let sent = 0;
    writer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== writer.provider) sent++;
    });
    const acksBefore = acks;

    const text = writer.doc.getText('trace');
    let edits = 0;
    const BATCH = 5000;
    for (const txn of trace.txns) {
      for (const patch of txn.patches) {
        // Outside any transaction: every keystroke is its own Yjs update and its own frame.
        applyPatch(text, patch, true);
        edits++;
      }
      // Let the server catch up now and then (flow control on the acks), rather than queueing 260k frames.
      if (edits % BATCH === 0 || edits === 259_778) {
        const target = acksBefore + sent;
        await waitFor(
          () => acks >= target,
          (recheck) => {
            ackListeners.add(recheck);
            return () => ackListeners.delete(recheck);
          },
          { what: `acks for ${edits} edits`, timeoutMs: 60_000 },
        );
      }
    }
    expect(edits).toBe(259_778);
    expect(sent).toBeGreaterThanOrEqual(edits);
    expect(text.toString()).toBe(trace.endContent);
    // Relays keep the writer's order: once the observer sees this marker, it has every keystroke.
    writer.doc.getMap('replay').set('done', true);
    await waitForDoc(observer.doc, (d) => d.getMap('replay').get('done') === true, { what: 'the observer', timeoutMs: 60_000 });
    expect(observer.doc.getText('trace').toString()).toBe(trace.endContent);

    const late = await freshClient(first, id);
    expect(late.doc.getText('trace').toString()).toBe(trace.endContent);
    for (const client of [writer, observer, late]) client.destroy();
    await first.close();

    const second = await start(dir, first.metadata);
    const fresh = await freshClient(second, id);
    expect(fresh.doc.getText('trace').toString()).toBe(trace.endContent);
    fresh.destroy();
  }, 180_000);
});
