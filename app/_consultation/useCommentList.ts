'use client';
/**
 * The document's comments, kept current: fetched on mount, on every "comments changed" message
 * from the sync socket (debounced; a message for a revision already shown is ignored), after
 * each reconnect of the socket, and when the browser comes back online. The last list is kept
 * on this device, so comments stay readable offline.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { CommentsResponse } from './commentViews';
import { listenForCommentChanges } from './listenForCommentChanges';
import { readCachedComments, writeCachedComments } from './commentCache';

export interface CommentList {
  readonly data: CommentsResponse | null;
  /** The list on screen came from this device's copy (the server could not be reached). */
  readonly fromCache: boolean;
  /** The last attempt to reach the server failed; the reason as an error code, or null. */
  readonly error: string | null;
  readonly refresh: () => void;
  /** Loads started so far (each fetch of the list counts one). */
  readonly loadsStarted: () => number;
  /** Which load the list on screen came from (0: none yet): a list from a load started after a write has it. */
  readonly shownLoad: number;
}

const DEBOUNCE_MS = 150;

export function commentsPath(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/comments`;
}

export function useCommentList(documentId: string, personKey: string | null, provider: WebsocketProvider): CommentList {
  const [data, setData] = useState<CommentsResponse | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const loads = useRef(0);
  const [shownLoad, setShownLoad] = useState(0);

  const load = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const loadNumber = ++loads.current;
        let next: CommentsResponse | null = null;
        let failure: string | null = null;
        try {
          const response = await fetch(commentsPath(documentId), { credentials: 'same-origin', cache: 'no-store' });
          if (response.ok) next = (await response.json()) as CommentsResponse;
          else {
            const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
            failure = body?.error?.code ?? (response.status >= 500 ? 'internal' : 'not_found');
          }
        } catch {
          failure = 'network';
        }
        if (!alive.current) return;
        if (next) {
          // Answers can overtake each other; never go back to an older list.
          if (next.revision >= shown.current) {
            shown.current = next.revision;
            setData(next);
            setShownLoad(loadNumber);
            setFromCache(false);
            void writeCachedComments(personKey, documentId, next);
          }
          setError(null);
        } else {
          setError(failure);
          if (failure === 'network' && shown.current < 0) {
            const cached = await readCachedComments(personKey, documentId);
            if (cached && alive.current && shown.current < 0) {
              setData(cached);
              setFromCache(true);
            }
          }
        }
      } while (again.current && alive.current);
    } finally {
      running.current = false;
    }
  }, [documentId, personKey]);

  const schedule = useCallback(
    (delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void load(), delay);
    },
    [load],
  );

  useEffect(() => {
    alive.current = true;
    schedule(0);
    const stopListening = listenForCommentChanges(provider, (revision) => {
      if (revision > shown.current) schedule(DEBOUNCE_MS);
    });
    // Every (re)connect may have missed changes while the socket was down.
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') schedule(DEBOUNCE_MS);
    };
    provider.on('status', onStatus);
    const onOnline = () => schedule(0);
    const onOffline = () => setError('network');
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
      stopListening();
      provider.off('status', onStatus);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider, schedule]);

  const refresh = useCallback(() => schedule(0), [schedule]);
  const loadsStarted = useCallback(() => loads.current, []);
  return { data, fromCache, error, refresh, loadsStarted, shownLoad };
}
