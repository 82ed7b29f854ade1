import { useEffect, useSyncExternalStore } from 'react';
import type { SaveTracker } from '../../lib/sync/SaveTracker';
import type { SyncStatus } from '../../lib/sync/SyncStatus';
import { leavingOnPurpose } from '../_shared/leaveOnPurpose';

/** Local changes the server has not confirmed (0 while saved). */
export function pendingOf(status: SyncStatus): number {
  return status.kind === 'saved' ? 0 : (status.pending ?? 0);
}

export function useSyncStatus(tracker: SaveTracker): { status: SyncStatus; hasSynced: boolean } {
  const status = useSyncExternalStore(tracker.subscribe, () => tracker.status());
  const hasSynced = useSyncExternalStore(tracker.subscribe, () => tracker.hasSynced);
  return { status, hasSynced };
}

/** Asks before the tab closes while edits are not yet stored on the server. */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!leavingOnPurpose()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
