/**
 * Walks the body fragment as y-tiptap turns it into ProseMirror: every visible character and
 * leaf node with its ProseMirror position and the Yjs id (client, clock) of the item holding it.
 * Positions follow ProseMirror's rules (a non-leaf node takes one position to open and one to
 * close, a leaf node one, a character one UTF-16 unit; Yjs counts strings in the same units), so
 * the ranges the authorship read gives are positions in the editor's document.
 */
import type { Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';

export interface WalkedRun {
  /** ProseMirror position of the first unit. */
  readonly pos: number;
  /** Units (characters or one leaf node). */
  readonly length: number;
  readonly client: number;
  /** The clock of the first unit; unit i has clock + i. */
  readonly clock: number;
  /** Whether the run is text (false: a leaf node such as a line break or a mention). */
  readonly text: boolean;
}

export function walkBody(fragment: Y.XmlFragment, schema: Schema, visit: (run: WalkedRun) => void): void {
  let pos = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types differ only in their event type
  const walk = (type: Y.AbstractType<any>): void => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentString) {
        visit({ pos, length: item.length, client: item.id.client, clock: item.id.clock, text: true });
        pos += item.length;
      } else if (content instanceof Y.ContentType) {
        const child = content.type;
        if (child instanceof Y.XmlText) {
          walk(child);
        } else if (child instanceof Y.XmlElement) {
          const nodeType = schema.nodes[child.nodeName];
          // A node the schema does not know is left out of the editor's document, as y-tiptap does.
          if (!nodeType) continue;
          if (nodeType.isLeaf) {
            visit({ pos, length: 1, client: item.id.client, clock: item.id.clock, text: false });
            pos += 1;
          } else {
            pos += 1;
            walk(child);
            pos += 1;
          }
        }
      }
      // Formatting marks take no position.
    }
  };
  walk(fragment);
}
