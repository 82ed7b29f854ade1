import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { wsFrame } from '../../../server/sync/wsFrame';

/** What ws itself writes for a server's uncompressed binary send. */
function wsOwnFrame(payload: Uint8Array): Buffer {
  // Sender is exported by ws but not typed by @types/ws.
  const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };
  const parts = Sender.frame(Buffer.from(payload), {
    fin: true,
    opcode: 2,
    mask: false,
    readOnly: false,
    rsv1: false,
  });
  return Buffer.concat(parts);
}

describe('wsFrame', () => {
  it.each([0, 1, 125, 126, 127, 65535, 65536, 70000])('frames %i bytes exactly as ws does', (length) => {
    const payload = Uint8Array.from({ length }, (_, i) => i % 251);
    expect(wsFrame(payload).equals(wsOwnFrame(payload))).toBe(true);
  });
});
