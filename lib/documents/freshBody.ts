/**
 * A document body with the same content and none of its history: the stored updates are applied
 * to a scratch Y.Doc and the body fragment is copied, node by node, into a new Y.Doc with a new
 * client id. Deleted text, its tombstones and every old item id are gone, so a replica that still
 * holds the old history shares nothing with the result (which is why the epoch must change with it).
 * The new client id is none of `retired`: the sync server refuses everything of those clients after
 * the reset, and the fresh body must not be mistaken for old history.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../protocol';

/** The fresh body as one Yjs update. Throws when the stored updates cannot be applied. */
export function freshBody(stored: readonly Uint8Array[], retired: ReadonlySet<number> = new Set()): Uint8Array {
  const old = new Y.Doc();
  const fresh = new Y.Doc();
  try {
    // Random 32-bit ids: a clash is rare, but a body written by a retired id would refuse every edit.
    while (retired.has(fresh.clientID)) fresh.clientID = Math.floor(Math.random() * 0x1_0000_0000);
    if (stored.length > 0) Y.applyUpdate(old, Y.mergeUpdates([...stored]));
    const nodes = old.getXmlFragment(BODY_FRAGMENT).toArray();
    // clone() copies elements, attributes and formatted text (deep) as unintegrated types. (Hooks,
    // which the editor never makes, are Y.Maps the typings leave out; Yjs inserts them alike.)
    if (nodes.length > 0)
      fresh.getXmlFragment(BODY_FRAGMENT).insert(
        0,
        nodes.map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      );
    return Y.encodeStateAsUpdate(fresh);
  } finally {
    old.destroy();
    fresh.destroy();
  }
}
