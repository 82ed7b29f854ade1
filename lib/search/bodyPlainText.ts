/**
 * A document body's plain text for the index, read straight from its Yjs tree (no editor schema):
 * each text run's characters, a line break after every block, a mention's label as its words.
 * Bounded: at most `maxChars` characters (a huge body is indexed by its beginning).
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../protocol';

export const MAX_INDEXED_CHARS = 200_000;

export function bodyPlainText(doc: Y.Doc, maxChars = MAX_INDEXED_CHARS): string {
  const parts: string[] = [];
  let length = 0;
  const push = (text: string) => {
    if (length >= maxChars) return;
    parts.push(text);
    length += text.length;
  };
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (length >= maxChars) return;
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') push(op.insert);
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'mention') {
          const label = child.getAttribute('label');
          if (typeof label === 'string') push(` ${label} `);
          continue;
        }
        if (child.nodeName === 'hardBreak') {
          push(' ');
          continue;
        }
        walk(child);
        // A block ends a line (inline nodes are handled above).
        push('\n');
      }
    }
  };
  walk(doc.getXmlFragment(BODY_FRAGMENT));
  return parts
    .join('')
    .slice(0, maxChars)
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The plain text of a stored Yjs state, or of a stored body's updates (a fresh doc, destroyed after). */
export function statePlainText(state: Uint8Array | readonly Uint8Array[], maxChars = MAX_INDEXED_CHARS): string {
  const doc = new Y.Doc();
  try {
    if (state instanceof Uint8Array) Y.applyUpdate(doc, state);
    else doc.transact(() => state.forEach((update) => Y.applyUpdate(doc, update)));
    return bodyPlainText(doc, maxChars);
  } finally {
    doc.destroy();
  }
}
