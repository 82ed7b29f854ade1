/** The body watch's per-update check (lib/mentions/mayHoldMention.ts) over real Yjs updates. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mayHoldMention } from '../../../lib/mentions/mayHoldMention';
import { BODY_FRAGMENT } from '../../../lib/protocol';

function updatesOf(change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array[] {
  const doc = base ?? new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  change(doc);
  return updates;
}

describe('mayHoldMention', () => {
  it('is true for an update that creates a mention node, false for typing, formatting and deleting', () => {
    const doc = new Y.Doc();
    const [created] = updatesOf((d) => {
      const paragraph = new Y.XmlElement('paragraph');
      const mention = new Y.XmlElement('mention');
      mention.setAttribute('id', 'p_ida');
      paragraph.insert(0, [new Y.XmlText('Spørg '), mention]);
      d.getXmlFragment(BODY_FRAGMENT).push([paragraph]);
    }, doc);
    expect(mayHoldMention(created!)).toBe(true);

    const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    const typing = updatesOf(() => (paragraph.get(0) as Y.XmlText).insert(0, 'Husk at '), doc);
    const bold = updatesOf(() => (paragraph.get(0) as Y.XmlText).format(0, 4, { bold: true }), doc);
    const removed = updatesOf(() => paragraph.delete(1, 1), doc);
    for (const update of [...typing, ...bold, ...removed]) expect(mayHoldMention(update)).toBe(false);
    expect(mayHoldMention(new Uint8Array())).toBe(false);
    expect(mayHoldMention(new TextEncoder().encode('mentio'))).toBe(false);
  });

  it('may be true for text that holds the word (one look too many, never one too few)', () => {
    const [typed] = updatesOf((d) => d.getXmlFragment(BODY_FRAGMENT).push([new Y.XmlText('a mention of it')]));
    expect(mayHoldMention(typed!)).toBe(true);
  });
});
