// @vitest-environment happy-dom
/**
 * The editor's "@" (app/_editor/mentionSuggestion.ts) on a real Tiptap editor with the body schema in
 * happy-dom: typing "@ra" asks for readers only, shows a listbox the editor's textbox points at, the
 * arrow keys move, Enter puts a mention node in the text (rendered "@Name", id kept), Escape closes.
 * The pause before asking runs on fake timers; requests go to a stand-in fetch.
 */
import { Editor } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { translator } from '../../../lib/i18n/translator';

const { mentionSuggestion } = await import('../../../app/_editor/mentionSuggestion');

let editor: Editor | null = null;
let requests: string[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  requests = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    const people = [
      { id: 'p_r', name: 'Rasmus Læser', canRead: true },
      { id: 'p_a', name: 'Ragna Andersen', canRead: true },
      { id: 'p_f', name: 'Rikke Fremmed', canRead: false },
    ];
    return new Response(JSON.stringify({ people, canShare: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
});
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function settle() {
  await vi.advanceTimersByTimeAsync(300);
}

const key = (name: string) => editor!.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

function start(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: bodyExtensions({ mentionSuggestion: mentionSuggestion('dok-1', translator('da')) }),
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Spørg ' }] }] },
  });
  editor.commands.focus('end');
  return editor.view.dom;
}

describe('the editor’s @', () => {
  it('lists readers only, moves with the arrow keys and puts a mention node in the text with Enter', async () => {
    const textbox = start();
    editor!.commands.insertContent('@ra');
    await settle();
    expect(requests).toEqual(['/api/documents/dok-1/mentionable?q=ra']);
    const list = document.querySelector('[role="listbox"]') as HTMLElement;
    expect(list.getAttribute('aria-label')).toBe('Personer du kan nævne');
    expect([...list.querySelectorAll('[role="option"]')].map((option) => option.textContent)).toEqual(['Rasmus Læser', 'Ragna Andersen']);
    expect(textbox.getAttribute('aria-controls')).toBe(list.id);
    expect(textbox.getAttribute('aria-activedescendant')).toBe(list.querySelector('[role="option"]')!.id);
    expect(document.querySelector('[role="status"]')!.textContent).toContain('2 forslag.');

    key('ArrowDown');
    expect(list.querySelectorAll('[role="option"]')[1]!.getAttribute('aria-selected')).toBe('true');
    expect(textbox.getAttribute('aria-activedescendant')).toBe(list.querySelectorAll('[role="option"]')[1]!.id);
    key('Enter');
    await settle();
    expect(editor!.getJSON().content?.[0]?.content).toEqual([
      { type: 'text', text: 'Spørg ' },
      { type: 'mention', attrs: { id: 'p_a', label: 'Ragna Andersen', mentionSuggestionChar: '@' } },
      { type: 'text', text: ' ' },
    ]);
    expect(editor!.getText()).toBe('Spørg @Ragna Andersen ');
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(textbox.hasAttribute('aria-activedescendant')).toBe(false);
    expect(textbox.hasAttribute('aria-controls')).toBe(false);
  });

  it('closes with Escape and leaves the text as typed', async () => {
    start();
    editor!.commands.insertContent('@r');
    await settle();
    expect(document.querySelector('[role="listbox"]')?.hasAttribute('hidden')).toBe(false);
    key('Escape');
    expect((document.querySelector('[role="listbox"]') as HTMLElement | null)?.hidden ?? true).toBe(true);
    expect(editor!.getText()).toBe('Spørg @r');
  });
});
