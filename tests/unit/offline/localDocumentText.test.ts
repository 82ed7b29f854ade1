import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyBlocks, unsentText } from '../../../lib/offline/localDocumentText';

function paragraph(...parts: (string | [string, object])[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  text.applyDelta(parts.map((part) => (typeof part === 'string' ? { insert: part } : { insert: part[0], attributes: part[1] })));
  element.insert(0, [text]);
  return element;
}

describe('bodyBlocks', () => {
  it('gives the plain text of every block in order, lists and formatting included', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Formål')]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Punkt ', ['ét', { bold: {} }])]);
    list.insert(0, [item]);
    fragment.insert(0, [heading, paragraph('Vi vil ', ['spise', { italic: {} }], ' sammen.'), new Y.XmlElement('paragraph'), list]);
    expect(bodyBlocks(fragment)).toEqual(['Formål', 'Vi vil spise sammen.', '', 'Punkt ét']);
  });
});

describe('unsentText', () => {
  it('keeps only the blocks the server does not have word for word', () => {
    expect(unsentText(['Formål', 'Vi vil spise sammen hver uge.', 'Økonomi'], ['Formål', 'Vi vil spise sammen.', 'Økonomi'])).toBe(
      'Vi vil spise sammen hver uge.',
    );
  });

  it('counts repeated blocks, and drops blank ones', () => {
    expect(unsentText(['Ja', 'Ja', '  ', 'Nej'], ['Ja'])).toBe('Ja\nNej');
  });

  it('is empty when the server has everything', () => {
    expect(unsentText(['a', 'b'], ['b', 'a', 'c'])).toBe('');
  });
});
