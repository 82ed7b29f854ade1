// @vitest-environment happy-dom
/**
 * The "Historik" panel rendered with React in happy-dom beside a real Tiptap editor, over a stubbed
 * `fetch` of the authorship answer: it loads only when opened, lists the sessions newest first with
 * names, "Fremhæv forfattere" decorates the editor and shows the legend, "Hvem skrev dette?" names
 * the selection's author, and closing the panel removes the highlights.
 */
import { Editor } from '@tiptap/core';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { catalogues } from '../../../lib/i18n/messages';
import { LocaleProvider } from '../../../lib/i18n/useT';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Authorship } from '../../../lib/authorship/Authorship';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { AuthorHighlights } from '../../../app/_authorship/AuthorHighlights';
import { HistoryPanel } from '../../../app/_authorship/HistoryPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// <p>Annas tekst. Bents tekst.</p>: "Annas tekst. " 1..14, "Bents tekst." 14..26.
const ANSWER: Authorship = {
  ranges: [
    { kind: 'person', personId: 'p_a', name: 'Anna Jensen', from: 1, to: 14, at: '2026-12-07T09:00:00.000Z' },
    { kind: 'person', personId: 'p_b', name: 'Bent Hansen', from: 14, to: 26, at: '2026-12-07T10:00:00.000Z' },
  ],
  contributors: [
    {
      kind: 'person',
      personId: 'p_a',
      name: 'Anna Jensen',
      chars: 13,
      firstAt: '2026-12-07T09:00:00.000Z',
      lastAt: '2026-12-07T09:05:00.000Z',
    },
    {
      kind: 'person',
      personId: 'p_b',
      name: 'Bent Hansen',
      chars: 12,
      firstAt: '2026-12-07T10:00:00.000Z',
      lastAt: '2026-12-07T10:00:00.000Z',
    },
  ],
  sessions: [
    { kind: 'person', personId: 'p_a', name: 'Anna Jensen', from: '2026-12-07T09:00:00.000Z', to: '2026-12-07T09:05:00.000Z', edits: 4 },
    { kind: 'person', personId: 'p_b', name: 'Bent Hansen', from: '2026-12-07T10:00:00.000Z', to: '2026-12-07T10:00:00.000Z', edits: 1 },
  ],
};

let editor: Editor;
let root: Root;
let container: HTMLElement;
const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(JSON.stringify(ANSWER), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({ element, extensions: [...bodyExtensions(), AuthorHighlights], content: '<p>Annas tekst. Bents tekst.</p>' });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  editor.destroy();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const button = (name: string): HTMLButtonElement =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name) ??
  (() => {
    throw new Error(`no button ${name}`);
  })();

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('HistoryPanel', () => {
  // A generous bound: the first render pulls React DOM and Tiptap in, slow on a loaded machine (only a hang reaches it).
  it('loads when opened, shows the timeline, highlights with a legend, and answers “Hvem skrev dette?”', { timeout: 60_000 }, async () => {
    await act(async () =>
      root.render(
        createElement(
          LocaleProvider,
          { locale: 'da', messages: catalogues.da },
          createElement(HistoryPanel, { documentId: 'dok', editor }),
        ),
      ),
    );
    expect(container.querySelector('h2')?.textContent).toBe('Historik');
    expect(fetched).toEqual([]);

    await act(async () => button('Vis historik').click());
    await flush();
    expect(fetched).toEqual(['/api/documents/dok/authorship']);
    const sessions = [...container.querySelectorAll('[data-testid="history-timeline"] li')].map((li) => li.textContent);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatch(/^Bent Hansen: .*, 1 ændring$/);
    expect(sessions[1]).toMatch(/^Anna Jensen: .* til .*, 4 ændringer$/);

    const toggle = container.querySelector<HTMLInputElement>('[data-testid="highlight-authors"]')!;
    await act(async () => toggle.click());
    const marks = [...editor.view.dom.querySelectorAll('.author-mark')].map((node) => [node.textContent, node.getAttribute('title')]);
    expect(marks).toEqual([
      ['Annas tekst. ', 'Anna Jensen'],
      ['Bents tekst.', 'Bent Hansen'],
    ]);
    expect([...container.querySelectorAll('[data-testid="author-legend"] li')].map((li) => li.textContent)).toEqual([
      'Anna Jensen: 13 tegn',
      'Bent Hansen: 12 tegn',
    ]);

    // The caret in Bent's words: named for keyboard and screen reader users; and asked about.
    await act(async () => void editor.commands.setTextSelection({ from: 16, to: 20 }));
    expect(container.querySelector('[data-testid="author-here"]')?.textContent).toBe('Ved markøren: Bent Hansen.');
    await act(async () => button('Hvem skrev dette?').click());
    await flush();
    expect(container.querySelector('[data-testid="who-wrote"]')?.textContent).toBe('Skrevet af: Bent Hansen.');

    // Closing the panel takes the highlights away; the document never had them.
    await act(async () => button('Skjul historik').click());
    expect(editor.view.dom.querySelector('.author-mark')).toBeNull();
    expect(editor.getHTML()).toBe('<p>Annas tekst. Bents tekst.</p>');
  });
});
