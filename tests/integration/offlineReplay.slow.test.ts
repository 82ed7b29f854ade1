/**
 * Two people write offline from each other, then reconnect to the real sync server with stock
 * y-websocket providers. The seph-blog1 editing trace (tests/fixtures/traces, CC BY 4.0, Joseph
 * Gentle's editing-traces) is split between them: a first client writes the first half and all
 * sync it; then, disconnected, A replays the even and B the odd transactions of the second half,
 * each on its own copy. Each lacks the other's keystrokes, so positions land near, not at, where
 * the author typed (clamped to the text), and the two interleave through the same paragraphs and
 * delete each other's base text. After reconnecting, both replicas and the server hold the same
 * text, and every character is accounted for by the item that inserted it: each side's surviving
 * insertions appear in the merged text exactly as on that side, and a base character survives
 * exactly when neither side deleted it. (It is not the trace's endContent: the edits were concurrent.)
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadTrace, TraceReplayer, type Patch } from '../../lib/traces/loadTrace';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { startSyncServer } from '../helpers/startSyncServer';
import { waitFor, waitForDoc, waitForDocs } from '../helpers/waitFor';

const TEXT = 'trace';

/** One visible character and the item (client, clock) that inserted it. */
interface Character {
  readonly client: number;
  readonly clock: number;
  readonly char: string;
}

/** Walks the Y.Text's items (its internal linked list): every visible UTF-16 unit with its id. */
function characters(text: Y.Text): Character[] {
  const out: Character[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    for (let i = 0; i < str.length; i++) out.push({ client: item.id.client, clock: item.id.clock + i, char: str[i] as string });
  }
  return out;
}

const ofClient = (chars: readonly Character[], client: number) => chars.filter((c) => c.client === client);
const key = (c: Character) => `${c.client}:${c.clock}`;

/**
 * One Yjs transaction per trace transaction (as an editor makes them), or all in one. Positions are
 * clamped to the text: a side that lacks the other's keystrokes has a shorter text than the trace.
 */
function replay(doc: Y.Doc, patches: readonly (readonly Patch[])[], oneTransaction = false): void {
  const replayer = new TraceReplayer(doc.getText(TEXT));
  const apply = ([position, deleted, inserted]: Patch) => {
    const at = Math.min(position, replayer.length);
    replayer.apply([at, Math.min(deleted, replayer.length - at), inserted]);
  };
  if (oneTransaction) doc.transact(() => patches.forEach((txn) => txn.forEach(apply)));
  else for (const txn of patches) doc.transact(() => txn.forEach(apply));
}

const synced = (client: TestProvider) =>
  waitFor(
    () => client.provider.synced,
    (recheck) => {
      client.provider.on('sync', recheck);
      return () => client.provider.off('sync', recheck);
    },
    { what: 'a sync' },
  );

describe('offline replay of seph-blog1 split between two clients', () => {
  it('converges on one text on both clients and the server, with every character accounted for', async () => {
    const trace = loadTrace('tests/fixtures/traces/seph-blog1.json.gz');
    const txns = trace.txns.map((txn) => txn.patches);
    const middle = Math.floor(txns.length / 2);
    const server = await startSyncServer();
    const id = await server.createDocument('spor-offline');
    const token = await server.token(id, 'edit');

    // The common base: the first half, written by a first client and stored on the server.
    const first = connectProvider(server.url, id, { token });
    await first.synced();
    // Sent as one update: it is the common starting point, not the subject of the test.
    first.doc.transact(() => {
      first.doc.getText(TEXT).insert(0, trace.startContent);
      replay(first.doc, txns.slice(0, middle), true);
    });
    const baseText = first.doc.getText(TEXT).toString();
    const baseClient = first.doc.clientID;

    const a = connectProvider(server.url, id, { token });
    const b = connectProvider(server.url, id, { token });
    await Promise.all([a.synced(), b.synced()]);
    await waitForDoc(a.doc, (d) => d.getText(TEXT).toString() === baseText, { what: 'the base on A' });
    await waitForDoc(b.doc, (d) => d.getText(TEXT).toString() === baseText, { what: 'the base on B' });
    first.destroy();

    // Offline from each other (and from the server).
    a.provider.disconnect();
    b.provider.disconnect();
    const secondHalf = txns.slice(middle);
    replay(
      a.doc,
      secondHalf.filter((_, i) => i % 2 === 0),
    );
    replay(
      b.doc,
      secondHalf.filter((_, i) => i % 2 === 1),
    );
    const beforeA = characters(a.doc.getText(TEXT));
    const beforeB = characters(b.doc.getText(TEXT));
    expect(beforeA.map((c) => c.char).join('')).toBe(a.doc.getText(TEXT).toString());

    // Back online.
    a.provider.connect();
    b.provider.connect();
    await Promise.all([synced(a), synced(b)]);
    const same = () => a.doc.getText(TEXT).toString() === b.doc.getText(TEXT).toString();
    // Re-checked on an update of either: whichever receives the other's edits last makes it true.
    await waitForDocs([a.doc, b.doc], same, { what: 'A and B to hold each other’s edits', timeoutMs: 60_000 });
    const merged = a.doc.getText(TEXT).toString();
    expect(b.doc.getText(TEXT).toString()).toBe(merged);
    expect(merged).not.toBe(trace.endContent);

    // The server holds the same: a fresh client gets it from there.
    const reader = connectProvider(server.url, id, { token });
    await reader.synced();
    await waitForDoc(reader.doc, (d) => d.getText(TEXT).toString() === merged, { what: 'the merged text from the server' });
    const stored = new Y.Doc();
    await server.store.flush(id);
    for (const update of (await server.store.load(id)) ?? []) Y.applyUpdate(stored, update);
    expect(stored.getText(TEXT).toString()).toBe(merged);

    // Every character accounted for.
    const after = characters(a.doc.getText(TEXT));
    expect(after.map((c) => c.char).join('')).toBe(merged);
    expect(ofClient(after, a.doc.clientID)).toEqual(ofClient(beforeA, a.doc.clientID));
    expect(ofClient(after, b.doc.clientID)).toEqual(ofClient(beforeB, b.doc.clientID));
    const keptByA = new Set(ofClient(beforeA, baseClient).map(key));
    const keptByB = new Set(ofClient(beforeB, baseClient).map(key));
    const keptByBoth = ofClient(beforeA, baseClient).filter((c) => keptByB.has(key(c)));
    expect(ofClient(after, baseClient)).toEqual(keptByBoth);
    expect(after.length).toBe(ofClient(beforeA, a.doc.clientID).length + ofClient(beforeB, b.doc.clientID).length + keptByBoth.length);
    // Both sides really wrote, both deleted base text the other kept, and their text interleaves.
    expect(ofClient(beforeA, a.doc.clientID).length).toBeGreaterThan(5_000);
    expect(ofClient(beforeB, b.doc.clientID).length).toBeGreaterThan(5_000);
    expect(keptByA.size).toBeLessThan(baseText.length);
    expect(keptByB.size).toBeLessThan(baseText.length);
    expect([...keptByA].some((k) => !keptByB.has(k)) && [...keptByB].some((k) => !keptByA.has(k))).toBe(true);
    const runs = after.filter((c, i) => i > 0 && c.client !== after[i - 1]?.client).length;
    expect(runs).toBeGreaterThan(1000);

    a.destroy();
    b.destroy();
    reader.destroy();
  });
});
