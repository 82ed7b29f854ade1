import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../../lib/protocol';
import { RemotePresence, decodeAwarenessEntries } from '../../../server/scaleout/RemotePresence';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../../server/sync/awarenessRewrite';

const update = (...entries: AwarenessEntry[]) => encodeAwarenessEntries(entries, entries.length);

/** The entries of an awareness frame (MessageType.awareness, then the update). */
function entriesOf(frame: Uint8Array | null): AwarenessEntry[] {
  if (!frame) return [];
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
  return decodeAwarenessEntries(decoding.readVarUint8Array(decoder)) ?? [];
}

describe('RemotePresence', () => {
  it('keeps the newest state per client and honours removals at the same clock', () => {
    const presence = new RemotePresence({ timeoutMs: 60_000, replayMaxBytes: 10_000 });
    expect(presence.encodeAll()).toBeNull();
    expect(presence.apply(update({ clientId: 1, clock: 2, json: '{"a":2}' }, { clientId: 2, clock: 1, json: '{"b":1}' }))).toBe(true);
    // An older message arriving late changes nothing.
    presence.apply(update({ clientId: 1, clock: 1, json: '{"a":1}' }));
    expect(entriesOf(presence.encodeAll())).toEqual([
      { clientId: 1, clock: 2, json: '{"a":2}' },
      { clientId: 2, clock: 1, json: '{"b":1}' },
    ]);
    presence.apply(update({ clientId: 2, clock: 1, json: 'null' }));
    // A late copy of the removed state does not bring it back.
    presence.apply(update({ clientId: 2, clock: 1, json: '{"b":1}' }));
    expect(entriesOf(presence.encodeAll())).toEqual([{ clientId: 1, clock: 2, json: '{"a":2}' }]);
  });

  it('leaves out states nobody renewed within the timeout, and stays within the replay budget', () => {
    let now = 0;
    const presence = new RemotePresence({ timeoutMs: 1000, replayMaxBytes: 12 }, () => now);
    presence.apply(update({ clientId: 1, clock: 1, json: '{"a":"123"}' }, { clientId: 2, clock: 1, json: '{"bb":"1234567"}' }));
    expect(entriesOf(presence.encodeAll()).map((e) => e.clientId)).toEqual([1]);
    now = 1001;
    expect(presence.encodeAll()).toBeNull();
  });

  it('refuses malformed updates whole', () => {
    const presence = new RemotePresence({ timeoutMs: 1000, replayMaxBytes: 1000 });
    const good = update({ clientId: 1, clock: 1, json: '{}' });
    expect(presence.apply(good.slice(0, -1))).toBe(false);
    expect(presence.apply(new Uint8Array([...good, 1]))).toBe(false);
    expect(presence.apply(new Uint8Array([200]))).toBe(false);
    expect(presence.encodeAll()).toBeNull();
  });
});
