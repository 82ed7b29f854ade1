/**
 * Whether a stored Yjs update (v1) may create a mention node: the node's name, "mention", is written
 * in the update as plain UTF-8 wherever an element of that name is created, so an update without
 * those bytes creates none. A byte scan, no decoding: the body watch asks it of every stored update
 * (text that happens to contain the word only costs one look at the document later).
 */
const NAME = new TextEncoder().encode('mention');
const FIRST = NAME[0]!;

export function mayHoldMention(update: Uint8Array): boolean {
  const last = update.length - NAME.length;
  for (let at = update.indexOf(FIRST); at !== -1 && at <= last; at = update.indexOf(FIRST, at + 1)) {
    let same = true;
    for (let i = 1; i < NAME.length; i++)
      if (update[at + i] !== NAME[i]) {
        same = false;
        break;
      }
    if (same) return true;
  }
  return false;
}
