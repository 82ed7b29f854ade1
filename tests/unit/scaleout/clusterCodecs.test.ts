import { describe, expect, it } from 'vitest';
import { decodeNotice, encodeNotice } from '../../../server/scaleout/noticeCodec';
import { decodeAccessChange, encodeAccessChange } from '../../../server/scaleout/accessChangeCodec';

describe('notices on the bus', () => {
  it('carry the node id and a presence update or a revision, byte for byte', () => {
    const update = new Uint8Array([1, 2, 3, 250]);
    expect(decodeNotice(encodeNotice('node-a', { kind: 'presence', update }))).toEqual({
      nodeId: 'node-a',
      notice: { kind: 'presence', update },
    });
    expect(decodeNotice(encodeNotice('b', { kind: 'commentsChanged', revision: 123456 }))).toEqual({
      nodeId: 'b',
      notice: { kind: 'commentsChanged', revision: 123456 },
    });
  });

  it('are refused whole when malformed: unknown kind, cut short, trailing bytes', () => {
    const good = encodeNotice('a', { kind: 'commentsChanged', revision: 7 });
    expect(decodeNotice(new Uint8Array([1, 97, 9, 1]))).toBeNull();
    expect(decodeNotice(good.slice(0, -1))).toBeNull();
    expect(decodeNotice(new Uint8Array([...good, 0]))).toBeNull();
    expect(decodeNotice(new Uint8Array())).toBeNull();
  });
});

describe('access changes on the bus', () => {
  it('round-trip every kind', () => {
    for (const change of [
      { kind: 'sessions', personId: 'p_1', reason: 'signed_out', sessionIdHashes: ['h1'], keptSessionIdHash: 'h2' },
      { kind: 'sessions', personId: 'p_1', reason: 'disabled' },
      { kind: 'document', documentId: 'doc-1' },
      { kind: 'apiKey', keyId: 'k_1' },
    ] as const) {
      expect(decodeAccessChange(encodeAccessChange('n1', change))).toEqual({ nodeId: 'n1', change });
    }
  });

  it('refuse what is not one (so a stray publish closes nobody’s socket)', () => {
    for (const text of [
      '',
      'null',
      '{',
      '{"n":"a"}',
      '{"n":"a","change":{"kind":"everyone"}}',
      '{"n":"","change":{"kind":"apiKey","keyId":"k"}}',
    ]) {
      expect(decodeAccessChange(text)).toBeNull();
    }
  });
});
