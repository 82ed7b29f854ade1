import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presenceList, samePresence, type PresentPerson } from '../../lib/sync/presenceList';
import { resolveColour } from '../../lib/sync/presenceColour';

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

interface LocalUser {
  readonly name?: unknown;
  readonly color?: unknown;
  readonly preferredColor?: unknown;
}

/**
 * Keeps this browser's caret colour different from everyone else's in the document
 * (lib/sync/presenceColour.ts): re-resolved on every awareness change. The colour the editor set
 * first (colourFor of the person) is kept as `user.preferredColor`; the editor may set the user
 * again (a new editor), which starts over from it.
 */
export function useDistinctColour(awareness: Awareness): void {
  useEffect(() => {
    let preferred: string | null = null;
    const resolve = () => {
      const user = (awareness.getLocalState() as { user?: LocalUser } | null)?.user;
      if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return;
      preferred = typeof user.preferredColor === 'string' ? user.preferredColor : (preferred ?? user.color);
      const color = resolveColour(awareness.getStates(), awareness.clientID, { name: user.name, preferred });
      if (color !== user.color || user.preferredColor !== preferred) {
        awareness.setLocalStateField('user', { ...user, color, preferredColor: preferred });
      }
    };
    resolve();
    awareness.on('change', resolve);
    return () => awareness.off('change', resolve);
  }, [awareness]);
}
