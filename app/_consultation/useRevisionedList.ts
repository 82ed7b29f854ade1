'use client';
/**
 * A revisioned list from the server (an answer with a `revision` that only grows), kept current:
 * fetched on mount, on every change notice (debounced; a notice for a revision already shown is
 * ignored, a notice without a revision always loads), and when the browser comes back online. Only
 * the latest load runs at a time (a load asked for meanwhile runs once after it), and an answer
 * older than the list on screen never replaces it (answers can overtake each other). When the
 * server cannot be reached and nothing is shown yet, the device's copy (readCache) is shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Revisioned {
  readonly revision: number;
}

/** Hears change notices: a revision, or none for "changes may have been missed" (a reconnect). */
export type ChangeSubscription = (notice: (revision?: number) => void) => () => void;

export interface RevisionedListOptions<T extends Revisioned> {
  /** Subscribes to change notices; returns the function that stops listening. Keep it stable (useCallback). */
  readonly subscribe: ChangeSubscription;
  /** This device's copy, shown when the server cannot be reached before anything else was. */
  readonly readCache?: () => Promise<T | null>;
  /** Keeps each newly shown list on this device. */
  readonly writeCache?: (list: T) => void;
  /** The browser going offline counts as the error 'network' at once (not only when a load fails). */
  readonly offlineIsError?: boolean;
}

export interface RevisionedList<T extends Revisioned> {
  readonly data: T | null;
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

export const CHANGE_DEBOUNCE_MS = 150;

export function useRevisionedList<T extends Revisioned>(path: string, options: RevisionedListOptions<T>): RevisionedList<T> {
  const [data, setData] = useState<T | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shownLoad, setShownLoad] = useState(0);
  const shown = useRef(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const loads = useRef(0);
  // The cache functions may change identity every render; the latest ones are used.
  const cache = useRef(options);
  useEffect(() => {
    cache.current = options;
  });
  const { subscribe, offlineIsError = false } = options;

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
        let next: T | null = null;
        let failure: string | null = null;
        try {
          const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
          if (response.ok) next = (await response.json()) as T;
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
            cache.current.writeCache?.(next);
          }
          setError(null);
        } else {
          setError(failure);
          const readCache = cache.current.readCache;
          if (failure === 'network' && shown.current < 0 && readCache) {
            const cached = await readCache();
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
  }, [path]);

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
    const stop = subscribe((revision) => {
      if (revision === undefined || revision > shown.current) schedule(CHANGE_DEBOUNCE_MS);
    });
    const onOnline = () => schedule(0);
    const onOffline = () => setError('network');
    window.addEventListener('online', onOnline);
    if (offlineIsError) window.addEventListener('offline', onOffline);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
      stop();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [subscribe, schedule, offlineIsError]);

  const refresh = useCallback(() => schedule(0), [schedule]);
  const loadsStarted = useCallback(() => loads.current, []);
  return { data, fromCache, error, refresh, loadsStarted, shownLoad };
}
