/**
 * Owns one editing session's Y.Doc, local copy, WebsocketProvider and SaveTracker. Created per
 * component; `start()`/`stop()` run in an effect, so React StrictMode's mount–unmount–mount makes a
 * fresh session and destroys the first instead of leaking it. A tiny external store, so components
 * read the current session with useSyncExternalStore.
 *
 * Open order (STACK-NOTES): Y.Doc → the person's local copy (y-indexeddb, `documentDbName`) →
 * loaded → only then the WebSocket. A copy of the current epoch opens for editing at once, with no
 * wait for the server; a first open (no copy) waits for the server, which seeds templates (the
 * browser never does). A copy of another epoch (its history was reset on the server: the page's
 * epoch, the sync-token's, or a 4409 close says so) is never connected: its text is kept for the
 * person to copy, the copy is deleted, and the document opens afresh from the server.
 *
 * Published while open (close 4423, Close.published): the same Y.Doc and local copy go on in a
 * reader session (a fresh connection, judged again, gets view access). The text stays on screen,
 * and changes the server never confirmed stay in the local copy (a reader session never rewrites
 * its record of them), so nothing typed is lost if the document is ever edited again.
 *
 * Granted more while open (a reader made editor): the server closes the connection with
 * Close.accessRaised, the reconnect's fresh token says `edit`, and the same Y.Doc and local copy go
 * on in a writable session (no reload). Every token answer also says what the person may do and the
 * document's phase now (`access`, `state`), which the editor shows in words.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ACK_QUERY_PARAM, BODY_FRAGMENT, Close, EPOCH_QUERY_PARAM } from '../../lib/protocol';
import { SaveTracker } from '../../lib/sync/SaveTracker';
import { attachSaveTracker } from '../../lib/sync/attachSaveTracker';
import { documentDbName } from '../../lib/offline/localNames';
import { LocalCache } from '../../lib/offline/LocalCache';
import { LocalDocument, stateVectorOf, type StaleText } from '../../lib/offline/localDocument';
import { decideLocalCopy, epochForConnect } from '../../lib/offline/localDocumentEpoch';
import { restoreFromLocalCopy } from '../../lib/offline/localDocumentSyncState';
import { bodyBlocks, unsentText } from '../../lib/offline/localDocumentText';
import { syncServerUrl } from './syncServerUrl';
import { browserTokenPath } from '../../lib/auth/browserToken';
import { connectWithFixedToken, connectWithFreshTokens, fetchBrowserToken } from './connectWithFreshTokens';
import type { Access } from '../../lib/auth/syncToken';
import type { DocumentState } from '../../lib/access/model';

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
  /** The document's epoch as the server rendered the page; undefined when unknown. */
  readonly epoch?: number;
}

export interface Collaboration {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly tracker: SaveTracker;
  /** Opened from a local copy of the current epoch: it may be edited before the server answers. */
  readonly fromLocalCopy: boolean;
  /** Text kept from a local copy whose history was reset, until dismissed; null: none. */
  readonly rescued: StaleText | null;
  /** Forgets the rescued text (here and in the local copy). */
  dismissRescued(): void;
  /** Set once the document was published while open: this session reads only. */
  readonly published: PublishedWhileOpen | null;
  /** This session reads only (the page said so, the document was published, or access is lower). */
  readonly readOnly: boolean;
  /** What the latest sync token says the person may do now; null until one answered (and for embeds). */
  readonly access: Access | null;
  /** The document's phase as the latest sync token answer gave it; null until one answered. */
  readonly state: DocumentState | null;
  /** This session was opened for writing while the document was open (a grant raised). */
  readonly raised: boolean;
}

/** What the editor says when the document was published under it, or the person's access became lower. */
export interface PublishedWhileOpen {
  /** Local changes the server had not confirmed when it closed (kept in the local copy, not sent). */
  readonly unsaved: number;
  /** 'lowered': not published; the person may no longer write (a grant lowered while they were away). */
  readonly reason?: 'published' | 'lowered';
}

/** Text carried from a stale copy into the fresh session that replaces it. */
interface Carried {
  readonly blocks: readonly string[];
  /** Rescued text the stale copy still held from an earlier reset. */
  readonly earlier: string | null;
}

interface Session {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly tracker: SaveTracker;
  readonly local: LocalDocument | null;
  readonly fromLocalCopy: boolean;
  rescued: StaleText | null;
  readonly published: PublishedWhileOpen | null;
  readonly readOnly: boolean;
  readonly raised: boolean;
  /** The latest sync token answer's access and phase. */
  live: { access: Access | null; state: DocumentState | null };
  /** The epoch this session's connection names (null until the server accepted one). */
  epoch(): number | null;
  /** Ends everything but the local copy's data (the caller closes or erases `local`). */
  stopLive(): void;
}

export class CollaborationHolder {
  private current: Collaboration | null = null;
  private session: Session | null = null;
  /** Bumped by stop(): async steps of an older generation clean up after themselves. */
  private generation = 0;
  private running = false;
  /** The page's epoch is only a hint for the first session; after a reset it is out of date. */
  private pageEpoch: number | null;
  /** Whether new sessions read only: the page's word, until a token says the person may edit. */
  private readOnly: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: CollaborationOptions) {
    this.pageEpoch = options.epoch ?? null;
    this.readOnly = options.readOnly;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): Collaboration | null => this.current;

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.open(++this.generation, null);
  }

  stop(): void {
    this.running = false;
    this.generation++;
    const session = this.session;
    this.session = null;
    this.current = null;
    this.emit();
    if (session) {
      session.stopLive();
      void session.local?.close();
      session.doc.destroy();
    }
  }

  private async open(generation: number, carried: Carried | null): Promise<void> {
    const { personKey, documentId } = this.options;
    const doc = new Y.Doc();
    let local: LocalDocument | null = null;
    if (personKey !== null) {
      try {
        local = await LocalDocument.open(documentDbName(personKey, documentId), doc);
        void rememberLocalCopy(personKey, local.name);
      } catch (error) {
        // No IndexedDB (private windows, a broken store): the editor works online without a copy.
        console.warn('Samskriv: no local copy of this document', error);
      }
    }
    if (generation !== this.generation) {
      await local?.close();
      doc.destroy();
      return;
    }
    let pinned: number | null = null;
    if (local) {
      const decision = decideLocalCopy({ storedEpoch: local.storedEpoch, pageEpoch: this.pageEpoch, hasContent: local.hadContent });
      if (decision.kind === 'stale') {
        // Only changes the server never confirmed can be missing from its (reset) version. A reader's
        // copy keeps no record of them (it cannot make any), unless they could edit before.
        const unconfirmed =
          this.readOnly && !local.storedSyncState ? 0 : restoreFromLocalCopy(stateVectorOf(doc), local.storedSyncState).pending.length;
        const rescue = carried ?? this.rescue(doc, local.staleText, unconfirmed);
        await local.erase().catch(() => undefined);
        doc.destroy();
        if (generation === this.generation) await this.open(generation, rescue);
        return;
      }
      if (decision.kind === 'local') pinned = decision.epoch;
    } else if (this.options.token !== undefined) {
      pinned = this.pageEpoch;
    }
    this.begin(generation, doc, local, pinned, carried);
  }

  /**
   * What to keep of a stale copy: its text, when it holds changes the server never confirmed (all
   * others are in the server's version, which the reset kept), and text rescued earlier that the
   * person has not dismissed yet.
   */
  private rescue(doc: Y.Doc, earlier: StaleText | null, unconfirmed: number): Carried | null {
    const earlierText = earlier?.text || null;
    if (unconfirmed === 0) return earlierText ? { blocks: [], earlier: earlierText } : null;
    return { blocks: bodyBlocks(doc.getXmlFragment(BODY_FRAGMENT)), earlier: earlierText };
  }

  private begin(
    generation: number,
    doc: Y.Doc,
    local: LocalDocument | null,
    pinnedEpoch: number | null,
    carried: Carried | null,
    after?: { readonly previous: Session; readonly published: PublishedWhileOpen | null; readonly readOnly: boolean },
  ): void {
    const { documentId, token } = this.options;
    const published = after?.published ?? null;
    const readOnly = after ? after.readOnly : this.readOnly;
    const raised = after ? after.previous.raised || (after.previous.readOnly && !readOnly) : false;
    // A session that follows another (published, or granted more) continues the document on screen,
    // loaded if the one before had it loaded.
    const fromLocalCopy = after ? after.previous.fromLocalCopy || after.previous.tracker.hasSynced : pinnedEpoch !== null && local !== null;
    let pinned = pinnedEpoch;
    /** The epoch named by the connection in progress (pins a fresh doc once content arrives under it). */
    let connectingWith: number | null = pinned;

    const tracker = new SaveTracker({ online: navigator.onLine });
    const owned = new Set<number>([doc.clientID]);
    if (local && fromLocalCopy && !readOnly) {
      const restored = restoreFromLocalCopy(stateVectorOf(doc), local.storedSyncState);
      for (const change of restored.pending) owned.add(change.client);
      tracker.restore(restored);
    }
    const params: Record<string, string> = { [ACK_QUERY_PARAM]: '1' };
    if (token) params.token = token;
    if (pinned !== null) params[EPOCH_QUERY_PARAM] = String(pinned);
    const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, {
      params,
      disableBc: readOnly,
      connect: false,
      // The same presence goes on in the reader session (and the old one is not left running).
      ...(after && { awareness: after.previous.provider.awareness }),
    });
    const detach = attachSaveTracker(doc, provider, tracker);

    const online = () => tracker.onlineChanged(true);
    const offline = () => tracker.onlineChanged(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const keepSyncState = local && !readOnly ? tracker.subscribe(() => local.saveSyncState(tracker.saved(), owned)) : () => {};

    // Content from the server arrives only once it accepted the epoch we named: from then on this
    // doc's history belongs to that epoch, and every reconnect names it.
    const onRemote = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider || pinned !== null || connectingWith === null) return;
      pinned = connectingWith;
      provider.params = { ...provider.params, [EPOCH_QUERY_PARAM]: String(pinned) };
    };
    doc.on('update', onRemote);

    let rescued: StaleText | null = after ? after.previous.rescued : (local?.staleText ?? null);
    if (carried) {
      rescued = { text: joinRescued(carried.earlier, carried.blocks.join('\n')), compared: false, at: Date.now() };
      void local?.setStaleText(rescued);
    }
    // Provider events come only after connecting, once `session` below exists.
    const onSynced = (synced: boolean) => {
      if (!synced) return;
      // The server's step 2 came (an empty document sends no content): the epoch was accepted.
      if (pinned === null && connectingWith !== null) {
        pinned = connectingWith;
        provider.params = { ...provider.params, [EPOCH_QUERY_PARAM]: String(pinned) };
      }
      if (local && pinned !== null && local.storedEpoch !== pinned) void local.setEpoch(pinned);
      const shown = session.rescued;
      if (carried && shown && !shown.compared) {
        // Now the server's version is here: keep only what it lacks.
        const missing = unsentText(carried.blocks, bodyBlocks(doc.getXmlFragment(BODY_FRAGMENT)));
        session.rescued = { text: joinRescued(carried.earlier, missing), compared: true, at: shown.at };
        void local?.setStaleText(session.rescued);
        this.publish(session);
      }
    };
    provider.on('sync', onSynced);
    const onClosed = ({ code }: { code: number }) => {
      if (code === Close.staleEpoch.code) void this.replaceStale(generation, session);
      else if (code === Close.published.code) this.continueAsReader(generation, session);
    };
    provider.on('closed', onClosed);

    // Connect on the next task: React StrictMode's immediate unmount then cancels this instead of
    // opening a socket only to close it before the handshake.
    const stopConnecting = token
      ? connectWithFixedToken(provider)
      : connectWithFreshTokens(provider, () => fetchBrowserToken(browserTokenPath(documentId)), {
          beforeConnect: (result) => {
            const live = { access: result.access ?? null, state: result.state ?? null };
            if (live.access !== session.live.access || live.state !== session.live.state) {
              session.live = live;
              this.publish(session);
            }
            // Granted edit while reading: the same document goes on in a writable session.
            if (readOnly && published === null && result.access === 'edit') {
              this.continueWithAccess(generation, session, false);
              return false;
            }
            // Published while this editor was away (offline, asleep): it would connect as a reader
            // whose edits are dropped. It goes on as a reader at once, as after Close.published.
            if (!readOnly && result.state === 'final' && result.access !== undefined && result.access !== 'edit') {
              this.continueAsReader(generation, session);
              return false;
            }
            // Access lowered while it was away (a live connection gets Close.accessChanged): the same,
            // saying why, instead of an editor whose changes the server never takes ("Gemmer…" for ever).
            if (!readOnly && published === null && result.access !== undefined && result.access !== 'edit') {
              this.continueAsReader(generation, session, 'lowered');
              return false;
            }
            const epoch = epochForConnect(pinned, result.epoch ?? null);
            if (epoch === 'stale') {
              void this.replaceStale(generation, session);
              return false;
            }
            connectingWith = epoch;
            if (epoch !== null) {
              provider.params = { ...provider.params, [EPOCH_QUERY_PARAM]: String(epoch) };
              // Recorded before any content can arrive under it, so a copy never holds content of an
              // unknown epoch (a refused epoch leaves an empty copy, which the next open replaces).
              if (local && local.storedEpoch !== epoch && !local.hadContent) void local.setEpoch(epoch);
            }
            return true;
          },
        });

    const session: Session = {
      doc,
      provider,
      tracker,
      local,
      fromLocalCopy,
      rescued,
      published,
      readOnly,
      raised,
      live: after ? after.previous.live : { access: null, state: null },
      epoch: () => pinned,
      stopLive: () => {
        stopConnecting();
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
        keepSyncState();
        doc.off('update', onRemote);
        provider.off('sync', onSynced);
        provider.off('closed', onClosed);
        detach();
        provider.destroy();
      },
    };
    if (local) {
      // Another tab deleted the copy (signing out): this tab keeps no copy either.
      local.onClose(() => keepSyncState());
    }
    this.session = session;
    this.publish(session);
  }

  /** The open copy belongs to an older history: keep its text, delete it, open afresh from the server. */
  private async replaceStale(generation: number, session: Session): Promise<void> {
    if (generation !== this.generation || this.session !== session) return;
    const rescue = this.rescue(session.doc, session.rescued, session.tracker.pending);
    this.session = null;
    this.current = null;
    this.emit();
    session.stopLive();
    await session.local?.erase().catch(() => undefined);
    session.doc.destroy();
    // The page's epoch named the history just set aside.
    this.pageEpoch = null;
    if (generation === this.generation) await this.open(generation, rescue);
  }

  /**
   * The document was published while open: the same doc and local copy go on read-only, over a new
   * connection (with a fresh token, judged again: view). Not a reload: the text stays on screen.
   */
  private continueAsReader(generation: number, session: Session, reason: 'published' | 'lowered' = 'published'): void {
    if (generation !== this.generation || this.session !== session) return;
    const published: PublishedWhileOpen = session.published ?? { unsaved: session.tracker.pending, reason };
    session.stopLive();
    this.begin(generation, session.doc, session.local, session.epoch(), null, { previous: session, published, readOnly: true });
  }

  /**
   * The person may now do more (or less) than this session allows: the same doc and local copy go
   * on over a new connection (a fresh token), read-only or writable. Not a reload: the text and the
   * caret's document stay on screen.
   */
  private continueWithAccess(generation: number, session: Session, readOnly: boolean): void {
    if (generation !== this.generation || this.session !== session) return;
    this.readOnly = readOnly;
    session.stopLive();
    this.begin(generation, session.doc, session.local, session.epoch(), null, { previous: session, published: null, readOnly });
  }

  private publish(session: Session): void {
    if (this.session !== session) return;
    this.current = {
      doc: session.doc,
      provider: session.provider,
      tracker: session.tracker,
      fromLocalCopy: session.fromLocalCopy,
      rescued: session.rescued,
      published: session.published,
      readOnly: session.readOnly,
      access: session.live.access,
      state: session.live.state,
      raised: session.raised,
      dismissRescued: () => {
        if (this.session !== session) return;
        session.rescued = null;
        void session.local?.setStaleText(null);
        this.publish(session);
      },
    };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Lists the copy in the person's LocalCache, so signing out finds it where `indexedDB.databases()` is missing. */
async function rememberLocalCopy(personKey: string, name: string): Promise<void> {
  try {
    const cache = await LocalCache.open(personKey);
    try {
      await cache.rememberDatabase(name);
    } finally {
      cache.close();
    }
  } catch {
    // Without the note, browsers that list databases still find the copy.
  }
}

function joinRescued(earlier: string | null, text: string): string {
  return earlier ? (text ? `${earlier}\n${text}` : earlier) : text;
}
