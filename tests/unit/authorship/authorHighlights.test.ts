// @vitest-environment happy-dom
/**
 * "Fremhæv forfattere" in a real Tiptap editor (happy-dom): the authorship answer becomes
 * decorations with a style per author and the name on each (never part of the document), they
 * follow edits, the author at the cursor is found, and the legend and "Hvem skrev dette?" agree.
 */
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Authorship } from '../../../lib/authorship/Authorship';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { translator } from '../../../lib/i18n/translator';
import { AuthorHighlights, highlightedAuthorsAt, setAuthorHighlights } from '../../../app/_authorship/AuthorHighlights';
import { authorsBetween, highlightsOf } from '../../../app/_authorship/highlightsOf';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
  document.body.innerHTML = '';
});

function editor(): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const created = new Editor({ element, extensions: [...bodyExtensions(), AuthorHighlights], content: '<p>Gammel Alice Bent</p>' });
  editors.push(created);
  return created;
}

// "Gammel " 1..8 unknown, "Alice " 8..14 Alice, "Bent" 14..18 Bent (positions in <p>…</p>).
const answer: Authorship = {
  ranges: [
    { kind: 'unknown', personId: null, name: 'Ukendt', from: 1, to: 8, at: null },
    { kind: 'person', personId: 'p_a', name: 'Alice Andersen', from: 8, to: 14, at: '2026-12-07T09:00:00.000Z' },
    { kind: 'former', personId: null, name: 'Tidligere deltager', from: 14, to: 18, at: '2026-12-07T10:00:00.000Z' },
  ],
  contributors: [
    {
      kind: 'person',
      personId: 'p_a',
      name: 'Alice Andersen',
      chars: 6,
      firstAt: '2026-12-07T09:00:00.000Z',
      lastAt: '2026-12-07T09:00:00.000Z',
    },
    {
      kind: 'former',
      personId: null,
      name: 'Tidligere deltager',
      chars: 4,
      firstAt: '2026-12-07T10:00:00.000Z',
      lastAt: '2026-12-07T10:00:00.000Z',
    },
  ],
  sessions: [],
};

describe('AuthorHighlights', () => {
  it('decorates each author’s text with a style and the name, and keeps the document as it was', () => {
    const e = editor();
    const before = JSON.stringify(e.getJSON());
    const { highlights, legend } = highlightsOf(answer, translator('en'));
    setAuthorHighlights(e, highlights);
    const marked = [...e.view.dom.querySelectorAll('.author-mark')];
    expect(marked.map((node) => [node.textContent, node.getAttribute('title'), node.className])).toEqual([
      ['Gammel ', 'Unknown', 'author-mark author-mark--unknown'],
      ['Alice ', 'Alice Andersen', 'author-mark author-mark--0'],
      ['Bent', 'Former participant', 'author-mark author-mark--1'],
    ]);
    expect(legend.map((entry) => [entry.name, entry.style, entry.chars])).toEqual([
      ['Alice Andersen', 0, 6],
      ['Former participant', 1, 4],
      ['Unknown', null, 7],
    ]);
    expect(JSON.stringify(e.getJSON())).toBe(before);
    expect(e.getHTML()).not.toContain('author');
  });

  it('follows edits, names the author at the cursor, and is removed by an empty set', () => {
    const e = editor();
    setAuthorHighlights(e, highlightsOf(answer, translator('da')).highlights);
    e.commands.insertContentAt(1, 'Nyt: ');
    expect(e.view.dom.querySelector('.author-mark--0')?.textContent).toBe('Alice ');
    e.commands.setTextSelection(e.state.doc.textContent.indexOf('Alice') + 3);
    expect(highlightedAuthorsAt(e)).toEqual(['Alice Andersen']);
    setAuthorHighlights(e, []);
    expect(e.view.dom.querySelector('.author-mark')).toBeNull();
  });

  it('answers "who wrote this" for a selection across authors, and for the caret', () => {
    const t = translator('da');
    expect(authorsBetween(answer, 5, 16, t)).toEqual(['Ukendt', 'Alice Andersen', 'Tidligere deltager']);
    expect(authorsBetween(answer, 10, 10, t)).toEqual(['Alice Andersen']);
  });
});
