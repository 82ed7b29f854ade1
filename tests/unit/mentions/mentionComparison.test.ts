/** The compare view shows a mention as "@Name", inserted or deleted like the words around it. */
import type { JSONContent } from '@tiptap/core';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translator';
import { compareBodies } from '../../../lib/versions/compare/compareBodies';
import { renderComparison } from '../../../lib/versions/compare/renderComparison';

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const mention = (id: string, label: string): JSONContent => ({ type: 'mention', attrs: { id, label } });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

function marks(html: string): string[] {
  const window = new Window();
  window.document.body.innerHTML = html;
  return [...window.document.querySelectorAll('ins, del')].map(
    (element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').replace(/\s+/g, ' ').trim()}`,
  );
}

describe('a mention in the compare view', () => {
  it('is shown as "@Name" where it was inserted, and where it was deleted', () => {
    const without = doc(text('Spørg om tallene.'));
    const withIda = doc(text('Spørg '), mention('p_ida', 'Ida Holm'), text(' om tallene.'));
    const inserted = renderComparison(compareBodies(without, withIda), 'inline', translator('da'));
    if (inserted.view !== 'inline') throw new Error('inline expected');
    expect(marks(inserted.html).join(' | ')).toContain('@Ida Holm');
    expect(inserted.html).toContain('Spørg');

    const deleted = renderComparison(compareBodies(withIda, without), 'inline', translator('da'));
    if (deleted.view !== 'inline') throw new Error('inline expected');
    expect(marks(deleted.html).join(' | ')).toMatch(/^del: Slettet: .*@Ida Holm/);
  });
});
