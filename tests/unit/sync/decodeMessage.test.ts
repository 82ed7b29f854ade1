import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMessage } from '../../../server/sync/decodeMessage';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../../../server/sync/encodeMessage';

const bytes = (...values: number[]) => new Uint8Array(values);

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hej');
  return Y.encodeStateAsUpdate(doc);
}

describe('decodeMessage: well-formed frames', () => {
  it('reads sync step 1 with its state vector', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const sv = Y.encodeStateVector(doc);
    const result = decodeMessage(encodeSyncStep1(sv));
    expect(result).toEqual({ ok: true, message: { type: 'syncStep1', stateVector: sv } });
  });

  it('reads an empty state vector (a fresh client)', () => {
    expect(decodeMessage(bytes(0, 0, 1, 0))).toEqual({ ok: true, message: { type: 'syncStep1', stateVector: bytes(0) } });
  });

  it('reads sync step 2 and update as views of the frame, without copying', () => {
    const update = someUpdate();
    const frame = encodeSyncUpdate(update);
    const result = decodeMessage(frame);
    expect(result.ok && result.message.type === 'update' && result.message.update).toEqual(update);
    if (result.ok && result.message.type === 'update') expect(result.message.update.buffer).toBe(frame.buffer);
    const step2 = decodeMessage(encodeSyncStep2(update));
    expect(step2.ok && step2.message.type).toBe('syncStep2');
  });

  it('reads awareness and query-awareness', () => {
    expect(decodeMessage(encodeAwareness(bytes(0)))).toEqual({ ok: true, message: { type: 'awareness', update: bytes(0) } });
    expect(decodeMessage(bytes(3))).toEqual({ ok: true, message: { type: 'queryAwareness' } });
  });
});

describe('decodeMessage: every malformed shape is an error, never an exception', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['an empty frame', bytes(), 'empty'],
    ['a truncated message-type varint', bytes(0x80), 'truncated-varint'],
    ['a truncated sync sub-type', bytes(0), 'truncated-varint'],
    ['a truncated length varint', bytes(0, 2, 0xff), 'truncated-varint'],
    ['a varint longer than 8 bytes', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 'varint-too-long'],
    ['an overlong varint that lib0 would read as NaN', new Uint8Array([...new Array(160).fill(0x80), 0]), 'varint-too-long'],
    ['a varint beyond 2^53', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 'varint-too-long'],
    ['an absurd payload length', bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3), 'length-exceeds-frame'],
    ['a length one past the end', bytes(0, 2, 3, 0, 0), 'length-exceeds-frame'],
    ['trailing garbage after an update', new Uint8Array([...encodeSyncUpdate(bytes(0, 0)), 7]), 'trailing-bytes'],
    ['trailing garbage after awareness', bytes(1, 1, 0, 9), 'trailing-bytes'],
    ['trailing bytes after query-awareness', bytes(3, 0), 'trailing-bytes'],
    ['an unknown message type', bytes(42, 0), 'unknown-message-type'],
    ['an auth message (server to client only)', bytes(2, 0, 0), 'unknown-message-type'],
    ['a saved ack (server to client only)', bytes(100, 1, 0), 'unknown-message-type'],
    ['an unknown sync sub-type', bytes(0, 3, 0), 'unknown-sync-type'],
    ['a state vector with a lying count', bytes(0, 0, 2, 5, 1), 'bad-state-vector'],
    ['a state vector with trailing bytes', bytes(0, 0, 3, 0, 1, 2), 'bad-state-vector'],
    ['a state vector with a truncated clock', bytes(0, 0, 3, 1, 1, 0x80), 'bad-state-vector'],
  ];
  it.each(cases)('refuses %s', (_name, frame, error) => {
    expect(decodeMessage(frame)).toEqual({ ok: false, error });
  });

  it('never throws on random bytes', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    // A throw fails the test by itself; one expect per frame would cost more than the decoding.
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const frame = Uint8Array.from({ length: 1 + (i % 40) }, random);
      if (!decodeMessage(frame).ok) refused++;
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('cannot be made to read beyond its view into a larger buffer', () => {
    // The frame is a view into a bigger buffer whose next bytes would satisfy the claimed length.
    const backing = new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]);
    const frame = backing.subarray(0, 5);
    expect(decodeMessage(frame)).toEqual({ ok: false, error: 'length-exceeds-frame' });
  });
});
