// @vitest-environment happy-dom
/**
 * The notification UI's pieces rendered with React in happy-dom: the header's link names the unread
 * count in words and shows it as text; the follow toggle says what it changed; "Markér alle som
 * læst" says so, takes the focus to what it said, and asks for the page again. The requests go to
 * a stand-in fetch that records them (tests/e2e/notificationsBrowser.test.ts runs the real thing).
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../../lib/i18n/messages';
import { translator } from '../../../lib/i18n/translator';
import { LocaleProvider } from '../../../lib/i18n/useT';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const { NotificationBell } = await import('../../../app/_components/NotificationBell');
const { FollowToggle } = await import('../../../app/_notifications/FollowToggle');
const { MarkAllRead } = await import('../../../app/_notifications/MarkAllRead');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;
let requests: { method: string; url: string; body: unknown }[] = [];
let answerWith: unknown = {};

beforeEach(() => {
  requests = [];
  refresh.mockClear();
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ method: init.method ?? 'GET', url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(answerWith), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
});
afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  vi.unstubAllGlobals();
});

async function render(element: ReturnType<typeof createElement>) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(createElement(LocaleProvider, { locale: 'da', messages: catalogues['da'] }, element)));
  return container;
}

const click = (element: Element | null) => act(async () => (element as HTMLElement).click());

describe('NotificationBell', () => {
  it('names the unread count in words and shows it as text', async () => {
    const view = await render(createElement(NotificationBell, { unread: 3, t: translator('da') }));
    const link = view.querySelector('a')!;
    // Its name is its text: the visible words first, then "ulæste" for screen readers.
    expect(link.getAttribute('aria-label')).toBeNull();
    expect(link.getAttribute('href')).toBe('/notifikationer');
    expect(link.textContent).toBe('Notifikationer 3 ulæste');
    expect(link.querySelector('.visually-hidden')!.textContent).toBe(' ulæste');
  });

  it('says one in the singular, and nothing of a count when all are read', async () => {
    expect((await render(createElement(NotificationBell, { unread: 1, t: translator('da') }))).querySelector('a')!.textContent).toBe(
      'Notifikationer 1 ulæst',
    );
    await act(async () => root?.unmount());
    const none = (await render(createElement(NotificationBell, { unread: 0, t: translator('da') }))).querySelector('a')!;
    expect(none.textContent).toBe('Notifikationer');
  });
});

describe('FollowToggle', () => {
  it('follows and stops following, saying which it is now', async () => {
    const view = await render(createElement(FollowToggle, { documentId: 'dok-1', initial: { following: false, implicit: true } }));
    expect(view.querySelector('[role="status"]')!.textContent).toBe('Du følger ikke dokumentet.');
    answerWith = { following: true, implicit: false };
    await click(view.querySelector('button'));
    expect(requests).toEqual([{ method: 'PUT', url: '/api/documents/dok-1/follow', body: undefined }]);
    expect(view.querySelector('[role="status"]')!.textContent).toContain('Du følger dokumentet');
    // The bar's compact toggle: pressed while following, its full sentence in the status.
    expect(view.querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
    answerWith = { following: false, implicit: false };
    await click(view.querySelector('button'));
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE' });
    expect(view.querySelector('button')!.getAttribute('aria-pressed')).toBe('false');
    expect(view.querySelector('button')!.textContent).toBe('Følg');
  });
});

describe('MarkAllRead', () => {
  it('marks all read, says so where the focus goes, and renders the page again', async () => {
    const view = await render(createElement(MarkAllRead, { unread: 2 }));
    answerWith = { marked: 2, unread: 0 };
    await click(view.querySelector('button'));
    expect(requests).toEqual([{ method: 'POST', url: '/api/notifications/read', body: { all: true } }]);
    const status = view.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Alle notifikationer er markeret som læst.');
    expect(document.activeElement).toBe(status);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('offers nothing to do when nothing is unread', async () => {
    const view = await render(createElement(MarkAllRead, { unread: 0 }));
    expect(view.querySelector('button')).toBeNull();
  });
});
