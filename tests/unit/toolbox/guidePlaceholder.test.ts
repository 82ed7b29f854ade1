// @vitest-environment happy-dom
/**
 * The guiding text in the editor (issue 14): an empty guided paragraph shows its guide through a
 * decoration (class and data attribute for the CSS placeholder), not as text; writing there hides
 * it; Enter after written text makes a plain paragraph; getHTML and a copy never carry the guide.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { templateContent } from '../../../lib/documents/templates';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

const GUIDE = 'Hvad vil projektet opnå, og for hvem?';

describe('guide placeholders in the editor', () => {
  it('shows the guide of an empty paragraph as a decoration, and hides it once written in', () => {
    editor = new Editor({
      element: document.createElement('div'),
      extensions: bodyExtensions(),
      content: templateContent('projektforslag'),
    });
    const first = () => editor!.view.dom.querySelector('h2 + p')!;
    expect(first().classList.contains('guided-empty')).toBe(true);
    expect(first().getAttribute('data-guide')).toBe(GUIDE);
    expect(first().textContent).toBe('');
    expect(editor.getText()).not.toContain(GUIDE);
    expect(editor.getHTML()).not.toContain(GUIDE);
    // The impact chain's steps are guided too.
    expect(editor.view.dom.querySelectorAll('li.impact-step p.guided-empty')).toHaveLength(5);

    // Write into the first section (position inside the first guided paragraph).
    let inside = -1;
    editor.state.doc.descendants((node, pos) => {
      if (inside < 0 && node.type.name === 'paragraph' && node.attrs['guide'] === GUIDE) inside = pos + 1;
      return inside < 0;
    });
    editor.chain().setTextSelection(inside).insertContent('Fællesspisning').run();
    expect(first().textContent).toBe('Fællesspisning');
    expect(first().classList.contains('guided-empty')).toBe(false);
    expect(first().hasAttribute('data-guide')).toBe(false);

    // Enter at its end: the new paragraph has no guide.
    editor
      .chain()
      .setTextSelection(inside + 'Fællesspisning'.length)
      .splitBlock()
      .run();
    const next = editor.state.doc.resolve(editor.state.selection.from).parent;
    expect(next.type.name).toBe('paragraph');
    expect(next.attrs['guide']).toBeNull();

    // Emptied again: the guide comes back.
    editor
      .chain()
      .setTextSelection({ from: inside, to: inside + 'Fællesspisning'.length })
      .deleteSelection()
      .run();
    expect(first().getAttribute('data-guide')).toBe(GUIDE);
  });

  it('inserts an impact chain with five guided steps', () => {
    editor = new Editor({
      element: document.createElement('div'),
      extensions: bodyExtensions(),
      content: { type: 'doc', content: [{ type: 'paragraph' }] },
    });
    expect(editor.commands.insertImpactChain()).toBe(true);
    const chain: JSONContent = editor.getJSON().content!.find((node) => node.type === 'impactChain')!;
    expect(chain.content!.map((step) => step.attrs?.['step'])).toEqual(['input', 'activities', 'output', 'outcome', 'impact']);
    expect(editor.view.dom.querySelectorAll('ol.impact-chain[aria-label="Effektkæde"] > li p.guided-empty')).toHaveLength(5);
  });
});
