import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { ObservableV2 } from 'lib0/observable';
import { MessageType } from '../../../lib/protocol.js';
import { SaveTracker } from '../../../lib/sync/SaveTracker.js';
import { attachSaveTracker, type TrackedProvider } from '../../../lib/sync/attachSaveTracker.js';

type Events = {
  status: (event: { status: 'connected' | 'disconnected' | 'connecting' }) => void;
  sync: (synced: boolean) => void;
  closed: (event: { code: number; reason: string }) => void;
};

/** The provider surface attachSaveTracker uses, driven by hand. */
class FakeProvider extends ObservableV2<Events> {
  messageHandlers: TrackedProvider['messageHandlers'] = [];
  synced = false;
  wsconnected = false;

  /** Delivers a `saved` frame the way y-websocket's readMessage does. */
  receiveSaved(stateVector: Uint8Array): void {
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.saved);
    encoding.writeVarUint8Array(frame, stateVector);
    const decoder = decoding.createDecoder(encoding.toUint8Array(frame));
    const type = decoding.readVarUint(decoder);
    const handler = this.messageHandlers[type];
    if (!handler) throw new Error('no handler');
    handler(encoding.createEncoder(), decoder, this as never, true, type);
  }
}

function setup() {
  const doc = new Y.Doc();
  const provider = new FakeProvider();
  const tracker = new SaveTracker({ now: () => 1 });
  const detach = attachSaveTracker(doc, provider as unknown as TrackedProvider, tracker);
  provider.wsconnected = true;
  provider.emit('status', [{ status: 'connected' }]);
  provider.synced = true;
  provider.emit('sync', [true]);
  return { doc, provider, tracker, detach };
}

describe('attachSaveTracker', () => {
  it('is saved once the server acknowledges the state vector that covers the local edits', () => {
    const { doc, provider, tracker } = setup();
    doc.getText('t').insert(0, 'hej');
    doc.getText('t').insert(3, ' med dig');
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 2 });

    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    provider.receiveSaved(Y.encodeStateVector(server));
    expect(tracker.status()).toEqual({ kind: 'saved', savedAt: 1 });
  });

  it('stays saving while the acknowledgement lags behind the local clock', () => {
    const { doc, provider, tracker } = setup();
    doc.getText('t').insert(0, 'a');
    const lagging = Y.encodeStateVector(doc);
    doc.getText('t').insert(1, 'b');
    provider.receiveSaved(lagging);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
  });

  it('ignores remote updates and tracks deletions', () => {
    const { doc, provider, tracker } = setup();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'fra en anden');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider);
    expect(tracker.pending).toBe(0);

    doc.getText('t').delete(0, 4);
    expect(tracker.status()).toEqual({ kind: 'saving', pending: 1 });
    provider.receiveSaved(Y.encodeStateVector(doc));
    expect(tracker.pending).toBe(0);
  });

  it('reports final closes and detaches cleanly', () => {
    const { doc, provider, tracker, detach } = setup();
    provider.emit('closed', [{ code: 4404, reason: 'document not found' }]);
    expect(tracker.status()).toMatchObject({ kind: 'closed', code: 4404 });
    detach();
    expect(provider.messageHandlers[MessageType.saved]).toBeUndefined();
    doc.getText('t').insert(0, 'x');
    expect(tracker.pending).toBe(0);
  });
});
