import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { canonicalIndex, canonicalText } from '../../../lib/comments/anchors/canonicalText';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { bodyOf, paragraph, paragraphs, seededDoc } from './anchorsFixtures';

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const bold = (value: string): JSONContent => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
const hardBreak: JSONContent = { type: 'hardBreak' };
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (...blocks: JSONContent[]): JSONContent => ({ type: 'listItem', content: blocks });

/** Headings, nested lists, a blockquote, a code block, a rule, hard breaks, marks and empty paragraphs. */
const richBody = bodyOf(
  heading(1, 'Høring om stier'),
  { type: 'paragraph', content: [text('Første linje'), hardBreak, text('anden '), bold('fed'), text(' linje')] },
  {
    type: 'bulletList',
    content: [
      item(paragraph('Punkt et')),
      item(paragraph('Punkt to'), { type: 'orderedList', content: [item(paragraph('Under a')), item(paragraph('Under b'))] }),
    ],
  },
  { type: 'blockquote', content: [paragraph('Citat her')] },
  paragraph(''),
  { type: 'codeBlock', content: [text('const x = 1;\nconst y = 2;')] },
  { type: 'horizontalRule' },
  { type: 'paragraph', content: [hardBreak] },
  paragraph('Slut'),
);

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT);
const proseMirrorText = (doc: Y.Doc) => {
  const node = yXmlFragmentToProseMirrorRootNode(fragmentOf(doc), getSchema(bodyExtensions()));
  // Inline leaves (hard breaks) are one space; block leaves (horizontal rules) have no text.
  return node.textBetween(0, node.content.size, '\n', (leaf) => (leaf.isInline ? ' ' : ''));
};

describe('documentText', () => {
  it('joins text blocks at any depth with "\\n" and counts a hard break as one space', () => {
    const doc = seededDoc(richBody);
    const { text } = documentText(fragmentOf(doc));
    expect(text).toBe(
      [
        'Høring om stier',
        'Første linje anden fed linje',
        'Punkt et',
        'Punkt to',
        'Under a',
        'Under b',
        'Citat her',
        '',
        'const x = 1;\nconst y = 2;',
        ' ',
        'Slut',
      ].join('\n'),
    );
    // The same text ProseMirror's own textBetween gives for the same tree (the app's schema).
    expect(text).toBe(proseMirrorText(doc));
  });

  it('maps every offset to a Yjs position and back', () => {
    const doc = seededDoc(richBody);
    const model = documentText(fragmentOf(doc));
    for (let offset = 0; offset <= model.text.length; offset++) {
      for (const bias of ['start', 'end'] as const) {
        const location = model.locate(offset, bias);
        expect(location, `offset ${offset} ${bias}`).not.toBeNull();
        expect(model.offsetOf(location!.type, location!.index), `offset ${offset} ${bias}`).toBe(offset);
      }
    }
  });

  it('picks the run after an offset for range starts and the run before it for range ends', () => {
    const doc = seededDoc(bodyOf({ type: 'paragraph', content: [text('ab'), hardBreak, text('cd')] }));
    const paragraphElement = fragmentOf(doc).get(0) as Y.XmlElement;
    const [first, , second] = paragraphElement.toArray() as [Y.XmlText, Y.XmlElement, Y.XmlText];
    const model = documentText(fragmentOf(doc));
    expect(model.text).toBe('ab cd');
    expect(model.locate(1, 'start')).toEqual({ type: first, index: 1 });
    // Offset 2 sits between "ab" and the hard break.
    expect(model.locate(2, 'start')).toEqual({ type: paragraphElement, index: 1 });
    expect(model.locate(2, 'end')).toEqual({ type: first, index: 2 });
    // Offset 3 sits between the hard break and "cd".
    expect(model.locate(3, 'start')).toEqual({ type: second, index: 0 });
    expect(model.locate(3, 'end')).toEqual({ type: paragraphElement, index: 2 });
    expect(model.offsetOf(paragraphElement, 99)).toBe(5);
  });

  it('refuses offsets outside the text and types outside the body', () => {
    const doc = seededDoc(paragraphs('abc'));
    const model = documentText(fragmentOf(doc));
    expect(model.locate(-1)).toBeNull();
    expect(model.locate(4)).toBeNull();
    expect(model.locate(1.5)).toBeNull();
    expect(model.offsetOf(doc.getText('other'), 0)).toBeNull();
    expect(model.offsetOf(new Y.XmlText('loose'), 0)).toBeNull();
    expect(documentText(new Y.Doc().getXmlFragment(BODY_FRAGMENT))).toMatchObject({ text: '' });
    expect(documentText(new Y.Doc().getXmlFragment(BODY_FRAGMENT)).locate(0)).toBeNull();
  });

  it('positions between blocks map to the start of the next line', () => {
    const doc = seededDoc(paragraphs('ab', 'cd'));
    const model = documentText(fragmentOf(doc));
    expect(model.offsetOf(fragmentOf(doc), 0)).toBe(0);
    expect(model.offsetOf(fragmentOf(doc), 1)).toBe(3);
    expect(model.offsetOf(fragmentOf(doc), 2)).toBe(5);
  });
});

describe('canonicalText', () => {
  it('drops block separators and collapses whitespace, remembering where each character came from', () => {
    expect(canonicalText('Hello  brave\nnew\u00a0\tworld')).toBe('Hello bravenew world');
    expect(canonicalText('a \n b')).toBe('a b');
    const index = canonicalIndex('x\n  y');
    expect(index.text).toBe('x y');
    expect([...index.source]).toEqual([0, 2, 4]);
  });
});
