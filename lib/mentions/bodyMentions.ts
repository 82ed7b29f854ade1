/**
 * The mention nodes in a document's body, each with its own identity: the Yjs item that holds it
 * (`client:clock`). A node keeps that identity for life, so "a mention first appeared" is "a node
 * whose identity was not there before", and an event id built from it tells its person once, also
 * after a restart (the notification store refuses a second (person, event)). Read from the Yjs
 * types directly, never through a ProseMirror schema (which would delete what it cannot build).
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../protocol';

export interface BodyMention {
  /** `client:clock` of the node's Yjs item. */
  readonly key: string;
  /** The node's Yjs item id: which update brought it (the body watch tells only of nodes its own stored edits brought). */
  readonly client: number;
  readonly clock: number;
  readonly personId: string;
}

/** Nodes looked at at most (a huge body is read in full, but never more than this many elements). */
const MAX_ELEMENTS = 200_000;

export function bodyMentions(doc: Y.Doc): BodyMention[] {
  const found: BodyMention[] = [];
  const stack: Array<Y.XmlFragment | Y.XmlElement> = [doc.getXmlFragment(BODY_FRAGMENT)];
  let seen = 0;
  while (stack.length > 0 && seen < MAX_ELEMENTS) {
    const parent = stack.pop()!;
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      seen += 1;
      if (child.nodeName === 'mention') {
        const personId = child.getAttribute('id');
        const item = child._item;
        if (typeof personId === 'string' && personId !== '' && item)
          found.push({ key: `${item.id.client}:${item.id.clock}`, client: item.id.client, clock: item.id.clock, personId });
      } else stack.push(child);
    }
  }
  return found;
}
