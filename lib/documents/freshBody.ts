/**
 * A document body with the same content and none of its history: the stored updates are applied
 * to a scratch Y.Doc and the body fragment is copied, node by node, into a new Y.Doc with a new
 * client id. Deleted text, its tombstones and every old item id are gone, so a replica that still
 * holds the old history shares nothing with the result (which is why the epoch must change with it).
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../protocol';

/** The fresh body as one Yjs update. Throws when the stored updates cannot be applied. */
export function freshBody(stored: readonly Uint8Array[]): Uint8Array {
  const old = new Y.Doc();
  const fresh = new Y.Doc();
  try {
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
