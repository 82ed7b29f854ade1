/**
 * compareBodies on hand-made bodies: what counts as one change, and that it covers exactly the
 * words that changed (positions checked against the documents, not just the texts).
 */
import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { compareBodies, type BodyChange } from '../../../lib/versions/compare/compareBodies';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks && { marks }) });
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: value ? [text(value)] : [] });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const paragraphs = (...values: string[]): JSONContent => doc(...values.map(paragraph));

/** What a change covers, as the texts of the documents between its positions. */
function covered(oldBody: JSONContent, newBody: JSONContent): Array<{ kind: string; old: string; new: string }> {
  const { oldDoc, newDoc, changes } = compareBodies(oldBody, newBody);
  return changes.map((change) => ({
    kind: change.kind,
    old: oldDoc.textBetween(change.fromA, change.toA, '|'),
    new: newDoc.textBetween(change.fromB, change.toB, '|'),
  }));
}

describe('compareBodies', () => {
  it('finds nothing between equal bodies', () => {
    const body = doc({ type: 'heading', attrs: { level: 1 }, content: [text('Titel')] }, paragraph('Første afsnit.'));
    expect(compareBodies(body, structuredClone(body)).changes).toEqual([]);
  });

  it('marks one changed word as exactly that word, at its positions', () => {
    const { changes, oldDoc, newDoc } = compareBodies(
      paragraphs('Intro.', 'Kommunen vil bygge en ny skole i byen.'),
      paragraphs('Intro.', 'Kommunen vil bygge en stor skole i byen.'),
    );
    expect(changes).toHaveLength(1);
    const change = changes[0] as BodyChange;
    expect(change).toMatchObject({ index: 1, kind: 'replace', deletedText: 'ny', insertedText: 'stor' });
    // Paragraph 2 starts after "Intro." (8 positions) plus its own opening.
    const start = 8 + 1 + 'Kommunen vil bygge en '.length;
    expect([change.fromA, change.toA, change.fromB, change.toB]).toEqual([start, start + 2, start, start + 4]);
    expect(oldDoc.textBetween(change.fromA, change.toA)).toBe('ny');
    expect(newDoc.textBetween(change.fromB, change.toB)).toBe('stor');
  });

  it('marks a word changed in part as the whole word, and leaves the punctuation beside it', () => {
    expect(covered(paragraphs('Vi bygger en skole.'), paragraphs('Vi bygger en skolen.'))).toEqual([
      { kind: 'replace', old: 'skole', new: 'skolen' },
    ]);
    expect(covered(paragraphs('Æbler, pærer og blommer'), paragraphs('Æbler, pærer og blåbær'))).toEqual([
      { kind: 'replace', old: 'blommer', new: 'blåbær' },
    ]);
  });

  it('keeps nearby changes apart (the changeset alone merges them with the word between)', () => {
    expect(covered(paragraphs('den gamle og den røde bil'), paragraphs('den nye og den blå bil'))).toEqual([
      { kind: 'replace', old: 'gamle', new: 'nye' },
      { kind: 'replace', old: 'røde', new: 'blå' },
    ]);
  });

  it('stays word-precise far apart in a long body (beyond the changeset diff’s size limit)', () => {
    const many = Array.from({ length: 400 }, (_, i) => `Afsnit nummer ${i} handler om emne ${i % 7}.`);
    const changed = [...many];
    changed[0] = changed[0]!.replace('handler', 'fortæller');
    changed[399] = changed[399]!.replace('emne', 'sagen');
    changed[200] = changed[200]!.replace('om', 'især om');
    expect(covered(paragraphs(...many), paragraphs(...changed))).toEqual([
      { kind: 'replace', old: 'handler', new: 'fortæller' },
      { kind: 'insert', old: '', new: 'især ' },
      { kind: 'replace', old: 'emne', new: 'sagen' },
    ]);
  });

  it('shows a rewritten sentence as one replacement, not words alternating around unchanged spaces', () => {
    expect(covered(paragraphs('Vi mødes hver tirsdag.'), paragraphs('Bestyrelsen holder møde månedligt.'))).toEqual([
      { kind: 'replace', old: 'Vi mødes hver tirsdag', new: 'Bestyrelsen holder møde månedligt' },
    ]);
  });

  it('matches unchanged paragraphs first: a paragraph replaced by another is a deletion and an insertion', () => {
    expect(
      covered(
        paragraphs('Start.', 'Dette afsnit udgår.', 'Det er vigtigt.'),
        paragraphs('Start.', 'Det er vigtigt.', 'Et nyt afsnit & mere.'),
      ),
    ).toEqual([
      { kind: 'delete', old: 'Dette afsnit udgår.', new: '' },
      { kind: 'insert', old: '', new: 'Et nyt afsnit & mere.' },
    ]);
  });

  it('marks an inserted paragraph as the whole node', () => {
    const { changes, newDoc } = compareBodies(paragraphs('Et.', 'Tre.'), paragraphs('Et.', 'To.', 'Tre.'));
    expect(changes).toHaveLength(1);
    const change = changes[0] as BodyChange;
    expect(change).toMatchObject({ kind: 'insert', insertedText: 'To.', deletedText: '' });
    const inserted = newDoc.child(1);
    expect([change.fromB, change.toB]).toEqual([5, 5 + inserted.nodeSize]);
  });

  it('marks a deleted paragraph as the whole node', () => {
    const { changes, oldDoc } = compareBodies(paragraphs('Et.', 'To.', 'Tre.'), paragraphs('Et.', 'Tre.'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'delete', deletedText: 'To.', fromA: 5, toA: 5 + oldDoc.child(1).nodeSize });
  });

  it('shows a moved paragraph as deleted where it was and inserted where it is', () => {
    expect(covered(paragraphs('Alfa a.', 'Beta b.', 'Gamma c.'), paragraphs('Gamma c.', 'Alfa a.', 'Beta b.'))).toEqual([
      { kind: 'insert', old: '', new: 'Gamma c.' },
      { kind: 'delete', old: 'Gamma c.', new: '' },
    ]);
  });

  it('counts bold added to a word as a formatting change of that word only', () => {
    const before = doc({ type: 'paragraph', content: [text('Det er vigtigt at læse')] });
    const after = doc({
      type: 'paragraph',
      content: [text('Det er '), text('vigtigt', [{ type: 'bold' }]), text(' at læse')],
    });
    expect(covered(before, after)).toEqual([{ kind: 'format', old: 'vigtigt', new: 'vigtigt' }]);
  });

  it('counts a link target changed as a formatting change', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href, target: '_blank', rel: null, class: null } }];
    const before = doc({ type: 'paragraph', content: [text('Se '), text('planen', link('https://a.example/')), text('.')] });
    const after = doc({ type: 'paragraph', content: [text('Se '), text('planen', link('https://b.example/')), text('.')] });
    expect(covered(before, after)).toEqual([{ kind: 'format', old: 'planen', new: 'planen' }]);
  });

  it('counts a heading’s new level as one formatting change of the block, not of its text', () => {
    const heading = (level: number) => doc({ type: 'heading', attrs: { level }, content: [text('Formål')] }, paragraph('Tekst.'));
    const { changes } = compareBodies(heading(2), heading(3));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'format', fromA: 0, toA: 1, fromB: 0, toB: 1, deletedText: '', insertedText: '' });
  });

  it('shows a paragraph split in two as one change at the split', () => {
    expect(covered(paragraphs('Første del. Anden del.'), paragraphs('Første del.', 'Anden del.'))).toEqual([
      { kind: 'replace', old: ' ', new: '|' },
    ]);
  });

  it('marks an item added to a list as the whole item', () => {
    const list = (...items: string[]) =>
      doc({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) });
    const { changes, newDoc } = compareBodies(list('æbler', 'pærer'), list('æbler', 'bananer', 'pærer'));
    expect(changes).toHaveLength(1);
    const item = newDoc.child(0).child(1);
    expect(changes[0]).toMatchObject({ kind: 'insert', insertedText: 'bananer' });
    expect(changes[0]!.toB - changes[0]!.fromB).toBe(item.nodeSize);
  });

  it('never splits a character outside the BMP', () => {
    expect(covered(paragraphs('smil 😀 nu'), paragraphs('smil 😃 nu'))).toEqual([{ kind: 'replace', old: '😀', new: '😃' }]);
  });

  it('refuses a body with a node the editor does not have', () => {
    expect(() => compareBodies(doc({ type: 'script', content: [] }), paragraphs('x'))).toThrow();
  });
});
