/** A raw `ws` client for the sync endpoint: sends whatever bytes a test wants, hostile ones included. */
import WebSocket from 'ws';

export interface RawSocket {
  readonly ws: WebSocket;
  /** Frames received from the server. */
  readonly frames: Uint8Array[];
  /** Resolves with the close code and reason when the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

export function openRawSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<RawSocket> {
  const ws = new WebSocket(url, options);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  // A server that closes while we still send (the 64 MiB frame) makes writes fail: expected.
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
    void closed.then(({ code }) => reject(new Error(`closed with ${code} before opening`)));
  });
}
