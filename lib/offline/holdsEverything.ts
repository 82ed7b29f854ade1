/**
 * Whether one Y.Doc (the server's copy) already holds everything in another (a local copy): every
 * insertion and every deletion. Applying the local state to a scratch copy of the server's then
 * changes nothing. Deleting a local copy is safe only then.
 */
import * as Y from 'yjs';

export function holdsEverything(server: Y.Doc, local: Y.Doc): boolean {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(server));
    let changed = false;
    probe.on('update', () => (changed = true));
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(local));
    return !changed;
  } finally {
    probe.destroy();
  }
}
