/**
 * Owns one editing session's Y.Doc, WebsocketProvider and SaveTracker. Created per component;
 * `start()`/`stop()` run in an effect, so React StrictMode's mount–unmount–mount makes a fresh
 * doc and provider and destroys the first pair instead of leaking it. A tiny external store, so
 * components read the current session with useSyncExternalStore.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ACK_QUERY_PARAM } from '../../lib/protocol';
import { SaveTracker } from '../../lib/sync/SaveTracker';
import { attachSaveTracker } from '../../lib/sync/attachSaveTracker';
import { syncServerUrl } from './syncServerUrl';
import { browserTokenPath } from '../../lib/auth/browserToken';
import { connectWithFreshTokens, fetchBrowserToken } from './connectWithFreshTokens';

export interface CollaborationOptions {
  readonly documentId: string;
  /** Whose local copy this is (see CollaborativeEditorProps.personKey); null keeps none. */
  readonly personKey: string | null;
  /**
   * A fixed sync token (embeds). Without it, the editor fetches a short-lived token for the
   * session before every connect (connectWithFreshTokens).
   */
  readonly token?: string;
  /** Read-only connections keep BroadcastChannel off: it would leak local edits between tabs. */
  readonly readOnly: boolean;
}

export interface Collaboration {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly tracker: SaveTracker;
}

export class CollaborationHolder {
  private current: Collaboration | null = null;
  private teardown: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: CollaborationOptions) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): Collaboration | null => this.current;

  start(): void {
    if (this.current) return;
    const { documentId, token, readOnly } = this.options;
    const doc = new Y.Doc();
    const tracker = new SaveTracker({ online: navigator.onLine });
    const params: Record<string, string> = { [ACK_QUERY_PARAM]: '1' };
    if (token) params.token = token;
    const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, { params, disableBc: readOnly, connect: false });
    const detach = attachSaveTracker(doc, provider, tracker);
    const online = () => tracker.onlineChanged(true);
    const offline = () => tracker.onlineChanged(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Connect on the next task: React StrictMode's immediate unmount then cancels this instead of
    // opening a socket only to close it before the handshake.
    const stopConnecting = token
      ? cancellable(setTimeout(() => provider.connect(), 0))
      : connectWithFreshTokens(provider, () => fetchBrowserToken(browserTokenPath(documentId)));

    this.current = { doc, provider, tracker };
    this.teardown = () => {
      stopConnecting();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      detach();
      provider.destroy();
      doc.destroy();
    };
    this.emit();
  }

  stop(): void {
    const teardown = this.teardown;
    this.current = null;
    this.teardown = null;
    this.emit();
    teardown?.();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const cancellable = (timer: ReturnType<typeof setTimeout>) => () => clearTimeout(timer);
