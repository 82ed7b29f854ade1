// @vitest-environment happy-dom
/**
 * "Gem til offline brug" on the start page, rendered with React in happy-dom: the checkbox's name
 * and state, what the person is told in each situation (in Danish and English), and that ticking
 * and unticking call the right action while a busy box cannot be changed.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../../lib/i18n/messages';
import { LocaleProvider } from '../../../lib/i18n/useT';
import { OfflineToggle } from '../../../app/_start/OfflineToggle';
import type { OfflineActivity, OfflineItem } from '../../../app/_start/useOfflineShelf';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
});

const TITLE = 'Madpakker til toget';

async function render(item: OfflineItem, locale: 'da' | 'en' = 'da') {
  const calls: string[] = [];
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      createElement(
        LocaleProvider,
        { locale: locale, messages: catalogues[locale] },
        createElement(OfflineToggle, { title: TITLE, item, onKeep: () => calls.push('keep'), onRemove: () => calls.push('remove') }),
      ),
    ),
  );
  const box = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
  const state = container.querySelector('[role="status"]') as HTMLElement;
  return { box, state, calls, container };
}

const item = (available: boolean, kept: boolean, activity: OfflineActivity = { kind: 'idle' }): OfflineItem => ({
  available,
  kept,
  activity,
});

describe('OfflineToggle', () => {
  it('names the box after the document, and says nothing for a document not on the device', async () => {
    const { box, state, container } = await render(item(false, false));
    expect(box.getAttribute('aria-label')).toBe(`Gem til offline brug: ${TITLE}`);
    expect(container.querySelector('label')?.textContent).toContain('Gem til offline brug');
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(false);
    expect(state.textContent).toBe('');
    expect(box.getAttribute('aria-describedby')).toBe(state.id);
  });

  it('ticking asks to keep it; unticking a kept one asks to remove it', async () => {
    const first = await render(item(false, false));
    await act(async () => first.box.click());
    expect(first.calls).toEqual(['keep']);
    await act(async () => root?.unmount());

    const second = await render(item(true, true));
    expect(second.box.checked).toBe(true);
    expect(second.state.textContent).toBe('Tilgængelig offline');
    await act(async () => second.box.click());
    expect(second.calls).toEqual(['remove']);
  });

  it('shows the way while busy, and cannot be changed then', async () => {
    const fetching = await render(item(false, false, { kind: 'fetching' }));
    expect(fetching.box.checked).toBe(true);
    expect(fetching.box.disabled).toBe(true);
    expect(fetching.state.textContent).toBe('Henter …');
    await act(async () => root?.unmount());

    const removing = await render(item(true, true, { kind: 'removing' }));
    expect(removing.box.checked).toBe(false);
    expect(removing.box.disabled).toBe(true);
    expect(removing.state.textContent).toBe('Fjerner …');
  });

  it('says why it could not keep or remove a document', async () => {
    const cases: [OfflineActivity, boolean, string][] = [
      [{ kind: 'keepFailed', reason: 'unreachable' }, false, 'Kunne ikke hentes: serveren kan ikke nås. Prøv igen, når du er online.'],
      [{ kind: 'keepFailed', reason: 'refused' }, false, 'Kunne ikke hentes: du har ikke (længere) adgang til dokumentet.'],
      [
        { kind: 'removeFailed', reason: 'unsaved' },
        true,
        'Ikke fjernet: ændringer på denne enhed er endnu ikke gemt på serveren. Prøv igen om lidt.',
      ],
      [
        { kind: 'removeFailed', reason: 'unreachable' },
        true,
        'Ikke fjernet: serveren skal først have alle ændringer fra denne enhed. Prøv igen, når du er online.',
      ],
      [
        { kind: 'removeFailed', reason: 'refused' },
        true,
        'Ikke fjernet: du har ikke længere adgang til dokumentet, så ændringer på denne enhed kan ikke nå serveren.',
      ],
      [
        { kind: 'keepFailed', reason: 'stale' },
        false,
        'Dokumentets historik er blevet nulstillet. Åbn dokumentet for at se og kopiere den tekst, der kun findes på denne enhed.',
      ],
      [
        { kind: 'keepFailed', reason: 'unavailable' },
        false,
        'Browseren tillader ikke, at dokumenter gemmes på denne enhed (for eksempel i et privat vindue).',
      ],
      [{ kind: 'removed' }, false, `${TITLE} er fjernet fra enheden.`],
    ];
    for (const [activity, available, text] of cases) {
      const { state } = await render(item(available, available, activity));
      expect(state.textContent).toBe(text);
      expect(state.dataset.state).not.toBe('busy');
      await act(async () => root?.unmount());
    }
  });

  it('speaks English in the English locale', async () => {
    const { box, state } = await render(item(true, true), 'en');
    expect(box.getAttribute('aria-label')).toBe(`Keep for offline use: ${TITLE}`);
    expect(state.textContent).toBe('Available offline');
  });
});
