import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presenceList, samePresence, type PresentPerson } from '../../lib/sync/presenceList';

/** An external store over awareness whose snapshot changes only when the list itself does. */
function createPresenceStore(awareness: Awareness) {
  let snapshot = presenceList(awareness.getStates(), awareness.clientID);
  return {
    subscribe(listener: () => void) {
      const onChange = () => {
        const next = presenceList(awareness.getStates(), awareness.clientID);
        if (samePresence(next, snapshot)) return;
        snapshot = next;
        listener();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    getSnapshot: () => snapshot,
  };
}

/** The people in the document, from awareness. */
export function usePresence(awareness: Awareness): readonly PresentPerson[] {
  const store = useMemo(() => createPresenceStore(awareness), [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
