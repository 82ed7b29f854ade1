/**
 * Plain text of a document body, block by block, for rescuing a person's text from a local copy
 * that cannot be merged (its history was reset on the server). Pure, over Yjs types only.
 */
import * as Y from 'yjs';

/** The text of every text block (paragraph, heading, list item's paragraph …) in document order. */
export function bodyBlocks(fragment: Y.XmlFragment): string[] {
  const blocks: string[] = [];
  const visit = (element: Y.XmlFragment | Y.XmlElement) => {
    let text: string | null = null;
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) {
        text = (text ?? '') + plainText(child);
      } else if (child instanceof Y.XmlElement) {
        if (text !== null) blocks.push(text);
        text = null;
        visit(child);
      }
    }
    if (text !== null) blocks.push(text);
    // An empty paragraph has no text child; it holds nothing worth rescuing.
  };
  visit(fragment);
  return blocks;
}

function plainText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/**
 * The blocks of the local copy that the server's version does not have word for word (each server
 * block accounts for one equal local block), without blank ones, one block per line. Empty when the
 * server has everything the copy had.
 */
export function unsentText(localBlocks: readonly string[], serverBlocks: readonly string[]): string {
  const available = new Map<string, number>();
  for (const block of serverBlocks) available.set(block, (available.get(block) ?? 0) + 1);
  const missing: string[] = [];
  for (const block of localBlocks) {
    const left = available.get(block) ?? 0;
    if (left > 0) available.set(block, left - 1);
    else if (block.trim() !== '') missing.push(block);
  }
  return missing.join('\n');
}
