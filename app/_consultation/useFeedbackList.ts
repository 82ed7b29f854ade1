'use client';
/**
 * The document's comments for the feedback panel, kept current outside the editor: fetched on
 * mount, when the editor's socket says the comments changed (commentChangeSignal; debounced, a
 * revision already shown is ignored), when the browser comes back online, and after the panel's
 * own writes (refresh).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentsResponse } from './commentViews';
import { onCommentChange } from './commentChangeSignal';
import { commentsPath } from './useCommentList';

export interface FeedbackList {
  readonly data: CommentsResponse | null;
  /** The last fetch failed: its error code; null when it worked. */
  readonly error: string | null;
  readonly refresh: () => void;
}

const DEBOUNCE_MS = 150;

export function useFeedbackList(documentId: string): FeedbackList {
  const [data, setData] = useState<CommentsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);

  const load = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        try {
          const response = await fetch(commentsPath(documentId), { credentials: 'same-origin', cache: 'no-store' });
          const body = (await response.json().catch(() => null)) as (CommentsResponse & { error?: { code?: string } }) | null;
          if (!alive.current) return;
          if (response.ok && body) {
            // Answers can overtake each other; never go back to an older list.
            if (body.revision >= shown.current) {
              shown.current = body.revision;
              setData(body);
            }
            setError(null);
          } else setError(body?.error?.code ?? 'internal');
        } catch {
          if (alive.current) setError('network');
        }
      } while (again.current && alive.current);
    } finally {
      running.current = false;
    }
  }, [documentId]);

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
    const stop = onCommentChange(documentId, (revision) => {
      if (revision > shown.current) schedule(DEBOUNCE_MS);
    });
    const onOnline = () => schedule(0);
    window.addEventListener('online', onOnline);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
      stop();
      window.removeEventListener('online', onOnline);
    };
  }, [documentId, schedule]);

  const refresh = useCallback(() => schedule(0), [schedule]);
  return { data, error, refresh };
}
