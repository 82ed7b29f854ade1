/**
 * Plain text of a document body, block by block, for rescuing a person's text from a local copy
 * that cannot be merged (its history was reset on the server). Pure, over Yjs types only.
 */
import type * as Y from 'yjs';
import { documentText } from '../comments/anchors/documentText';

/**
 * The text of every text block (paragraph, heading, list item's paragraph …) in document order: the
 * lines of the body's plain text as anchors count it (documentText; a hard break is a space).
 */
export function bodyBlocks(fragment: Y.XmlFragment): string[] {
  const { text } = documentText(fragment);
  return text === '' ? [] : text.split('\n');
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
