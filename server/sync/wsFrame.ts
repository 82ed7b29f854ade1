/**
 * One unmasked, final, binary WebSocket frame (RFC 6455 §5.2) holding `payload`: what `ws` would
 * put on the wire for a server's `send(payload)` without compression. Built once per broadcast
 * and written to every recipient's stream, instead of `ws` framing the same bytes per socket.
 */
export function wsFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82; // FIN + opcode 2 (binary)
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, header);
  return frame;
}
