// @vitest-environment happy-dom
/**
 * The consultation's editor extensions in a real Tiptap editor (happy-dom): highlights are
 * decorations (in the DOM, never in the document), follow edits, and report clicks; a read-only
 * editor gets a keyboard caret that moves and selects.
 */
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { CommentHighlights, commentHighlightsKey, setCommentHighlights } from '../../../app/_consultation/CommentHighlights';
import { ReadOnlyCaret } from '../../../app/_consultation/ReadOnlyCaret';

const editors: Editor[] = [];

function editor(options: { editable?: boolean; onActivate?: (id: string) => void } = {}): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const created = new Editor({
    element,
    editable: options.editable ?? true,
    extensions: [...bodyExtensions(), CommentHighlights.configure({ onActivate: options.onActivate ?? (() => undefined) }), ReadOnlyCaret],
    content: '<p>Der skal være fem bænke langs kajen.</p><p>Anden linje.</p>',
  });
  editors.push(created);
  return created;
}

/** ProseMirror position of `text` in the first paragraph (position 1 is its start). */
const at = (e: Editor, text: string) => 1 + e.state.doc.textContent.indexOf(text);

afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
  document.body.innerHTML = '';
});

describe('CommentHighlights', () => {
  it('draws highlights as decorations, with the active one emphasised, and keeps them out of the document', () => {
    const e = editor();
    const from = at(e, 'fem bænke');
    setCommentHighlights(e, [
      { threadId: 't1', from, to: from + 'fem bænke'.length, kind: 'comment', active: false },
      { threadId: 't2', from: at(e, 'kajen'), to: at(e, 'kajen') + 5, kind: 'suggestion', active: true },
    ]);
    const marked = [...e.view.dom.querySelectorAll('.comment-highlight')];
    expect(marked.map((node) => [node.textContent, node.getAttribute('data-thread-id'), node.className])).toEqual([
      ['fem bænke', 't1', 'comment-highlight comment-highlight--comment'],
      ['kajen', 't2', 'comment-highlight comment-highlight--suggestion comment-highlight--active'],
    ]);
    expect(JSON.stringify(e.getJSON())).not.toContain('highlight');
    expect(e.getHTML()).not.toContain('highlight');
  });

  it('follows edits before the passage, and is replaced by the next set', () => {
    const e = editor();
    const from = at(e, 'fem');
    setCommentHighlights(e, [{ threadId: 't1', from, to: from + 3, kind: 'comment', active: false }]);
    e.commands.insertContentAt(1, 'Ja! ');
    expect(e.view.dom.querySelector('.comment-highlight')?.textContent).toBe('fem');
    setCommentHighlights(e, []);
    expect(e.view.dom.querySelector('.comment-highlight')).toBeNull();
  });

  it('ignores ranges that do not fit the document', () => {
    const e = editor();
    setCommentHighlights(e, [
      { threadId: 'bad', from: 5, to: 5, kind: 'comment', active: false },
      { threadId: 'far', from: 3, to: 10_000, kind: 'comment', active: false },
    ]);
    expect(commentHighlightsKey.getState(e.state)?.find()).toEqual([]);
  });

  it('reports a click on a highlighted passage (the innermost one)', () => {
    const activated: string[] = [];
    const e = editor({ onActivate: (id) => activated.push(id) });
    const from = at(e, 'fem bænke');
    setCommentHighlights(e, [
      { threadId: 'outer', from: 1, to: at(e, 'kajen'), kind: 'comment', active: false },
      { threadId: 'inner', from, to: from + 3, kind: 'comment', active: false },
    ]);
    e.view.someProp('handleClick', (handle) => handle(e.view, from + 1, new MouseEvent('click')));
    expect(activated).toEqual(['inner']);
  });
});

describe('ReadOnlyCaret', () => {
  const press = (e: Editor, key: string, modifiers: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
    e.view.dom.dispatchEvent(event);
    return event.defaultPrevented;
  };
  const selected = (e: Editor) => e.state.doc.textBetween(e.state.selection.from, e.state.selection.to);

  it('moves a caret and selects by character, word and line in a read-only editor', () => {
    const e = editor({ editable: false });
    e.commands.setTextSelection(1);
    expect(press(e, 'ArrowRight', { shiftKey: true })).toBe(true);
    expect(press(e, 'ArrowRight', { shiftKey: true })).toBe(true);
    expect(selected(e)).toBe('De');
    press(e, 'ArrowRight', { shiftKey: true, ctrlKey: true });
    expect(selected(e)).toBe('Der');
    press(e, 'ArrowRight', { shiftKey: true, ctrlKey: true });
    expect(selected(e)).toBe('Der skal');
    press(e, 'End', { shiftKey: true });
    expect(selected(e)).toBe('Der skal være fem bænke langs kajen.');
    press(e, 'ArrowLeft');
    expect(e.state.selection.empty).toBe(true);
    press(e, 'a', { ctrlKey: true });
    expect(selected(e)).toContain('Anden linje.');
  });

  it('leaves other keys, and editable editors, alone', () => {
    const e = editor({ editable: false });
    expect(press(e, 'x')).toBe(false);
    const writable = editor({ editable: true });
    writable.commands.setTextSelection(1);
    expect(press(writable, 'ArrowRight', { shiftKey: true })).toBe(false);
  });
});
