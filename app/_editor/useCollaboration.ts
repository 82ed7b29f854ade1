import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollaborationHolder, type Collaboration, type CollaborationOptions } from './CollaborationHolder';

/**
 * The Y.Doc, provider and save tracker for one document, created in an effect (never during
 * render) and destroyed on unmount. Null until the effect has run. Options are read once: key
 * the component by document and token to switch documents.
 */
export function useCollaboration(options: CollaborationOptions): Collaboration | null {
  const [holder] = useState(() => new CollaborationHolder(options));
  useEffect(() => {
    holder.start();
    return () => holder.stop();
  }, [holder]);
  return useSyncExternalStore(holder.subscribe, holder.getSnapshot, () => null);
}
