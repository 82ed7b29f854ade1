'use client';
/**
 * The start page's view of what is on this device: per document whether it opens offline, and
 * keeping or removing it. Documents marked "available offline" are brought up to date in the
 * background each time the list is opened online. One thing at a time: the tasks run in order.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PersonKey } from '../../lib/offline/localNames';
import { LocalCopyError, type LocalCopyFailure } from '../_offline/localCopy';
import {
  isAvailableOffline,
  keepOffline,
  offlineSupported,
  readDeviceState,
  removeFromDevice,
  type DeviceState,
} from '../_offline/offlineShelf';

export type OfflineActivity =
  | { readonly kind: 'idle' }
  | { readonly kind: 'fetching' }
  | { readonly kind: 'removing' }
  | { readonly kind: 'removed' }
  | { readonly kind: 'keepFailed'; readonly reason: LocalCopyFailure }
  | { readonly kind: 'removeFailed'; readonly reason: LocalCopyFailure };

export interface OfflineItem {
  readonly available: boolean;
  readonly kept: boolean;
  readonly activity: OfflineActivity;
}

export interface OfflineShelf {
  /** False before the device was read, and in browsers that cannot work offline (then nothing is shown). */
  readonly ready: boolean;
  item(documentId: string): OfflineItem;
  keep(documentId: string, title: string): void;
  remove(documentId: string): void;
}

const IDLE: OfflineActivity = { kind: 'idle' };
const failureOf = (error: unknown): LocalCopyFailure => (error instanceof LocalCopyError ? error.reason : 'unreachable');

export function useOfflineShelf(personKey: PersonKey, documentIds: readonly string[]): OfflineShelf {
  const [device, setDevice] = useState<DeviceState | null>(null);
  const [activities, setActivities] = useState<ReadonlyMap<string, OfflineActivity>>(new Map());
  // By value: a server refresh with the same documents changes nothing here.
  const idsKey = documentIds.join('\n');
  const ids = useMemo(() => (idsKey === '' ? [] : idsKey.split('\n')), [idsKey]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const enqueue = useCallback((task: () => Promise<void>) => {
    // A failure to read the device leaves the list without offline details; it must not stop the next task.
    queue.current = queue.current.then(task).catch(() => undefined);
  }, []);
  const setActivity = (documentId: string, activity: OfflineActivity) =>
    setActivities((current) => new Map(current).set(documentId, activity));

  useEffect(() => {
    if (!offlineSupported()) return;
    let cancelled = false;
    enqueue(async () => {
      const state = await readDeviceState(personKey, ids);
      if (cancelled) return;
      setDevice(state);
      if (!navigator.onLine) return;
      // Kept documents on this list are fetched again, quietly, one at a time.
      for (const id of ids) {
        if (cancelled) return;
        if (state.kept.has(id)) await keepOffline(personKey, id, null).catch(() => undefined);
      }
      if (!cancelled) setDevice(await readDeviceState(personKey, ids));
    });
    return () => {
      cancelled = true;
    };
  }, [personKey, ids, enqueue]);

  const keep = useCallback(
    (documentId: string, title: string) => {
      setActivity(documentId, { kind: 'fetching' });
      enqueue(async () => {
        try {
          await keepOffline(personKey, documentId, title);
          setActivity(documentId, IDLE);
        } catch (error) {
          setActivity(documentId, { kind: 'keepFailed', reason: failureOf(error) });
        }
        setDevice(await readDeviceState(personKey, ids));
      });
    },
    [personKey, ids, enqueue],
  );

  const remove = useCallback(
    (documentId: string) => {
      setActivity(documentId, { kind: 'removing' });
      enqueue(async () => {
        try {
          await removeFromDevice(personKey, documentId);
          setActivity(documentId, { kind: 'removed' });
        } catch (error) {
          setActivity(documentId, { kind: 'removeFailed', reason: failureOf(error) });
        }
        setDevice(await readDeviceState(personKey, ids));
      });
    },
    [personKey, ids, enqueue],
  );

  const item = useCallback(
    (documentId: string): OfflineItem => ({
      available: device !== null && isAvailableOffline(device, documentId),
      kept: device?.kept.has(documentId) ?? false,
      activity: activities.get(documentId) ?? IDLE,
    }),
    [device, activities],
  );

  return { ready: device !== null, item, keep, remove };
}
