// @vitest-environment happy-dom
/**
 * The composer's "@" (app/_consultation/MentionField.tsx inside TextForm) rendered with React in
 * happy-dom: the listbox the textarea points at, arrow keys, Enter, Escape (the list, not the form),
 * the status, the hidden `mentions` field, and the share offer for someone who cannot read the
 * document. Requests go to a stand-in fetch; the pause before asking runs on fake timers.
 * tests/e2e/mentionsBrowser.test.ts runs the real thing in Chromium.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../../lib/i18n/messages';
import { LocaleProvider } from '../../../lib/i18n/useT';

const { TextForm } = await import('../../../app/_consultation/TextForm');
const { mentionIdsOf } = await import('../../../app/_consultation/MentionField');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;
let requests: { method: string; url: string; body: unknown }[] = [];
let people: unknown[] = [];
let canShare = false;

beforeEach(() => {
  vi.useFakeTimers();
  requests = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ method: init.method ?? 'GET', url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    const answer = init.method === 'POST' ? { person: { id: 'p_f', name: 'Frida' } } : { people, canShare };
    return new Response(JSON.stringify(answer), {
      status: init.method === 'POST' ? 201 : 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
});
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function render(
  onSubmit: (text: string, form: FormData) => string | null,
  onCancel: () => void,
  editing?: { readonly initial: string; readonly initialMentions: readonly { id: string; name: string }[] },
) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const form = createElement(TextForm, {
    label: 'Dit svar',
    submitLabel: 'Send svar',
    maxLength: 5000,
    mentionsIn: 'dok-1',
    onSubmit,
    onCancel,
    ...editing,
  });
  await act(async () => root!.render(createElement(LocaleProvider, { locale: 'da', messages: catalogues['da'] }, form)));
  return container;
}

const field = () => container!.querySelector('textarea')!;
const list = () => container!.querySelector<HTMLElement>('[role="listbox"]')!;
const options = () => [...container!.querySelectorAll('[role="option"]')];
const status = () => [...container!.querySelectorAll('[role="status"]')].map((element) => element.textContent).join('');

/** Types the whole text as the person would have it, caret at the end, and lets the pause pass. */
async function typeText(text: string) {
  await act(async () => {
    const element = field();
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(element, text);
    element.setSelectionRange(text.length, text.length);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(200);
  });
}

const key = (name: string) =>
  act(async () => {
    field().dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });

describe('MentionField', () => {
  it('suggests, moves with the arrow keys, chooses with Enter, and sends the chosen people still named', async () => {
    people = [
      { id: 'p_r', name: 'Rasmus Læser', canRead: true },
      { id: 'p_o', name: 'Olga Ejer', canRead: true },
    ];
    const sent: [string, string[]][] = [];
    const cancel = vi.fn();
    await render((text, form) => {
      sent.push([text, mentionIdsOf(form)]);
      return null;
    }, cancel);
    expect(list().hidden).toBe(true);
    expect(field().getAttribute('aria-autocomplete')).toBe('list');
    expect(field().getAttribute('aria-controls')).toBe(list().id);
    expect(field().getAttribute('aria-describedby')).toContain(container!.querySelector('.hint')!.id);

    await typeText('Tak @r');
    expect(requests).toEqual([{ method: 'GET', url: '/api/documents/dok-1/mentionable?q=r', body: undefined }]);
    expect(list().hidden).toBe(false);
    expect(list().getAttribute('aria-label')).toBe('Personer du kan nævne');
    expect(options().map((option) => option.textContent)).toEqual(['Rasmus Læser', 'Olga Ejer']);
    expect(field().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(status()).toContain('2 forslag.');
    await key('ArrowDown');
    expect(field().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(options().map((option) => option.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    // Both ends wrap around.
    await key('ArrowDown');
    expect(options().map((option) => option.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    await key('ArrowUp');
    expect(field().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);

    // Escape closes the list, not the form.
    await key('Escape');
    expect(list().hidden).toBe(true);
    expect(field().hasAttribute('aria-activedescendant')).toBe(false);
    expect(cancel).not.toHaveBeenCalled();

    await typeText('Tak @ra');
    await key('Enter');
    expect(field().value).toBe('Tak @Rasmus Læser ');
    expect(list().hidden).toBe(true);
    expect(status()).toContain('Rasmus Læser er nævnt.');
    expect((container!.querySelector('input[name="mentions"]') as HTMLInputElement).value).toBe('["p_r"]');

    await act(async () => container!.querySelector('form')!.requestSubmit());
    expect(sent).toEqual([['Tak @Rasmus Læser', ['p_r']]]);

    // Deleting the name from the text drops the mention.
    await typeText('Tak allesammen');
    expect((container!.querySelector('input[name="mentions"]') as HTMLInputElement).value).toBe('[]');
  });

  it('says someone cannot see the document, and shares it with them before mentioning them', async () => {
    people = [{ id: 'p_f', name: 'Frida', canRead: false }];
    canShare = true;
    await render(() => null, vi.fn());
    await typeText('@fr');
    expect(options().map((option) => option.textContent)).toEqual(['Frida (kan ikke se dokumentet)']);
    await key('Enter');
    expect(field().value).toBe('@fr');
    const group = container!.querySelector('[role="group"]')!;
    expect(group.textContent).toContain('Frida kan ikke se dokumentet.');
    const share = [...group.querySelectorAll('button')].find(
      (button) => button.textContent === 'Del dokumentet med Frida som kommentator',
    )!;
    expect(document.activeElement).toBe(share);
    await act(async () => share.click());
    expect(requests.at(-1)).toEqual({ method: 'POST', url: '/api/documents/dok-1/mentionable/share', body: { personId: 'p_f' } });
    expect(field().value).toBe('@Frida ');
    expect(document.activeElement).toBe(field());
    expect(status()).toContain('Dokumentet er delt med Frida, som nu er nævnt.');
    expect(container!.querySelector('[role="group"]')).toBeNull();
    expect((container!.querySelector('input[name="mentions"]') as HTMLInputElement).value).toBe('["p_f"]');
  });

  it('editing a comment starts from the people it mentions: kept while their name stays, dropped with it, joined by new ones', async () => {
    people = [{ id: 'p_o', name: 'Olga Ejer', canRead: true }];
    const sent: [string, string[]][] = [];
    await render(
      (text, form) => {
        sent.push([text, mentionIdsOf(form)]);
        return null;
      },
      vi.fn(),
      {
        initial: '@Rasmus Læser og @Bo: se her',
        initialMentions: [
          { id: 'p_r', name: 'Rasmus Læser' },
          { id: 'p_b', name: 'Bo' },
        ],
      },
    );
    expect(field().value).toBe('@Rasmus Læser og @Bo: se her');
    expect((container!.querySelector('input[name="mentions"]') as HTMLInputElement).value).toBe('["p_r","p_b"]');

    await typeText('@Rasmus Læser: se her, @ol');
    await key('Enter');
    expect(field().value).toBe('@Rasmus Læser: se her, @Olga Ejer ');
    await act(async () => container!.querySelector('form')!.requestSubmit());
    expect(sent).toEqual([['@Rasmus Læser: se her, @Olga Ejer', ['p_r', 'p_o']]]);
  });
});
