/**
 * The stock y-websocket WebsocketProvider in Node, as other platforms and the browser use it:
 * server URL `…/sync`, room = document id, `?token=` or a session cookie.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { ACK_QUERY_PARAM } from '../../lib/protocol';
import { waitFor, waitForSynced } from './waitFor';

export interface ProviderOptions {
  readonly token?: string;
  /** A whole Cookie header, e.g. from `sessionCookie()`. */
  readonly cookie?: string;
  /** Opt into `saved` acks (`?ack=1`). */
  readonly ack?: boolean;
  readonly doc?: Y.Doc;
  /** More query parameters (e.g. `{ epoch: '2' }`). */
  readonly params?: Readonly<Record<string, string>>;
}

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

export interface TestProvider {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Every close the server sent (code and reason), in order. */
  readonly closes: CloseInfo[];
  synced(): Promise<true>;
  /** Resolves with the first close the server sent. */
  closed(): Promise<CloseInfo>;
  destroy(): void;
}

/** `ws` with a fixed Cookie header, in the shape WebsocketProvider constructs (url, protocols). */
function websocketWithCookie(cookie: string): unknown {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  };
}

export function connectProvider(serverUrl: string, documentId: string, options: ProviderOptions = {}): TestProvider {
  const doc = options.doc ?? new Y.Doc();
  const params: Record<string, string> = { ...options.params };
  if (options.token !== undefined) params.token = options.token;
  if (options.ack) params[ACK_QUERY_PARAM] = '1';
  const provider = new WebsocketProvider(serverUrl, documentId, doc, {
    params,
    // The browser's WebSocket and ws differ only in types here.
    WebSocketPolyfill: (options.cookie ? websocketWithCookie(options.cookie) : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: CloseInfo[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  let destroyed = false;
  return {
    doc,
    provider,
    closes,
    synced: () => waitForSynced(provider),
    closed: () =>
      waitFor(
        () => closes[0],
        (recheck) => {
          provider.on('connection-close', recheck);
          return () => provider.off('connection-close', recheck);
        },
        { what: `a close of ${documentId}` },
      ),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}
