'use client';
/**
 * React access to the person's outbox: `useOutbox(personKey)` gives the tab's shared Outbox (null
 * until it is open, for personKey null, or where IndexedDB is unavailable); `useOutboxSnapshot`
 * re-renders on every change of the queue, also changes made in other tabs.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Outbox, OutboxSnapshot } from '../../lib/offline/Outbox';
import { acquireOutbox } from './sharedOutbox';

export function useOutbox(personKey: string | null): Outbox | null {
  const [opened, setOpened] = useState<{ readonly personKey: string; readonly outbox: Outbox } | null>(null);
  useEffect(() => {
    if (!personKey) return;
    const handle = acquireOutbox(personKey);
    let active = true;
    handle.promise.then(
      (outbox) => {
        if (active) setOpened({ personKey, outbox });
      },
      (error: unknown) => console.error('The outbox could not be opened', error),
    );
    return () => {
      active = false;
      handle.release();
    };
  }, [personKey]);
  return opened && opened.personKey === personKey ? opened.outbox : null;
}

const CLOSED: OutboxSnapshot = { entries: [], sendingId: null, open: false };

export function useOutboxSnapshot(outbox: Outbox | null): OutboxSnapshot {
  const subscribe = useCallback((onChange: () => void) => (outbox ? outbox.subscribe(() => onChange()) : () => undefined), [outbox]);
  const getSnapshot = useCallback(() => outbox?.getSnapshot() ?? CLOSED, [outbox]);
  return useSyncExternalStore(subscribe, getSnapshot, () => CLOSED);
}
