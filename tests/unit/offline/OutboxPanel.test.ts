// @vitest-environment happy-dom
/**
 * The outbox panel rendered with React in happy-dom over a real Outbox (fake-indexeddb, scripted
 * fetch): the waiting count, a refused entry with what, why and the person's text, copying, and
 * dismissing with focus kept in the panel.
 */
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../../lib/i18n/messages';
import { LocaleProvider } from '../../../lib/i18n/useT';
import { t, translator } from '../../../lib/i18n/translator';
import { Outbox } from '../../../lib/offline/Outbox';
import { OutboxView } from '../../../app/_outbox/OutboxPanel';
import { acquireOutbox } from '../../../app/_outbox/sharedOutbox';
import { eventually, FakeClock, FakeServer, freshPerson, networkDown, refusal } from './outboxFakes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;
const outboxes: Outbox[] = [];

afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = null;
  await Promise.all(outboxes.splice(0).map((outbox) => outbox.close()));
});

async function setUp(locale: 'da' | 'en' = 'da') {
  const clock = new FakeClock();
  const server = new FakeServer();
  server.handler = (request) =>
    (request.body as { text: string }).text === 'Cykelstien bør gå langs åen.'
      ? refusal(403, 'forbidden', 'Du har ikke adgang til at gøre det.')
      : networkDown();
  const outbox = await Outbox.open(freshPerson(), {
    fetch: server.fetch,
    now: clock.nowFn,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    locks: null,
    onlineEvents: null,
  });
  outboxes.push(outbox);
  const comment = (documentId: string, text: string) =>
    outbox.enqueue({
      documentId,
      kind: 'comment',
      method: 'POST',
      url: `/api/documents/${documentId}/comments`,
      body: { text },
      label: `“${text.slice(0, 20)}”`,
      text,
    });
  await comment('doc1', 'Cykelstien bør gå langs åen.');
  await comment('doc1', 'Husk bænkene.');
  await comment('doc2', 'Et andet dokument.');
  await outbox.whenIdle();

  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(
      createElement(
        LocaleProvider,
        { locale: locale, messages: catalogues[locale] },
        createElement(OutboxView, { outbox, documentId: 'doc1' }),
      ),
    );
  });
  return { outbox, container };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('OutboxPanel', () => {
  it('shows what waits and what was refused, and why, with the text to copy', async () => {
    const { container } = await setUp();
    expect(text(container.querySelector('h2'))).toBe(t('outbox.heading'));
    expect(text(container.querySelector('[data-testid="outbox-pending"]'))).toBe(t('outbox.pending.one'));
    expect(container.querySelector('[data-testid="outbox-pending"]')!.getAttribute('role')).toBe('status');
    expect(text(container.querySelector('[role="alert"]'))).toBe(t('outbox.refused.alert.one'));

    const refusedItems = container.querySelectorAll('[data-testid="outbox-refused"]');
    expect(refusedItems).toHaveLength(1);
    const item = refusedItems[0]!;
    expect(text(item)).toContain(`${t('outbox.kind.comment')}: “Cykelstien bør gå la”`);
    expect(text(item)).toContain(`${t('outbox.refused.why')}: ${t('error.forbidden')}`);
    const field = item.querySelector('textarea')!;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe('Cykelstien bør gå langs åen.');
    // The textarea is labelled, and the buttons say which entry they act on.
    expect(text(container.querySelector(`label[for="${field.id}"]`))).toBe(t('outbox.refused.text'));
    const [copy, dismiss] = [...item.querySelectorAll('button')];
    expect(text(copy)).toBe(t('outbox.copy'));
    expect(text(container.querySelector(`#${CSS.escape(copy!.getAttribute('aria-describedby')!)}`))).toContain('Cykelstien');

    // The pending list, behind a disclosure, says why it has not gone yet.
    expect(text(container.querySelector('details'))).toContain(t('outbox.lastError.network'));
    expect(text(container.querySelector('details'))).not.toContain('Et andet dokument');

    await act(async () => copy!.click());
    await act(async () => eventually(() => text(container.querySelector('[data-testid="outbox-announcement"]')) !== ''));
    expect(await navigator.clipboard.readText()).toBe('Cykelstien bør gå langs åen.');
    expect(text(container.querySelector('[data-testid="outbox-announcement"]'))).toBe(t('outbox.copied'));

    await act(async () => dismiss!.click());
    await act(async () => eventually(() => container.querySelectorAll('[data-testid="outbox-refused"]').length === 0));
    expect(text(container.querySelector('[data-testid="outbox-announcement"]'))).toBe(t('outbox.dismissed'));
    expect(document.activeElement).toBe(container.querySelector('[data-testid="outbox"]'));
    expect(text(container.querySelector('[role="alert"]'))).toBe('');
  });

  it('cancels a waiting action on request', async () => {
    const { container, outbox } = await setUp();
    const cancel = [...container.querySelectorAll<HTMLButtonElement>('details button')].find(
      (button) => text(button) === t('outbox.cancel'),
    )!;
    await act(async () => cancel.click());
    await act(async () => eventually(() => outbox.list('doc1').every((entry) => entry.state === 'refused')));
    expect(text(container.querySelector('[data-testid="outbox-pending"]'))).toBe('');
    expect(text(container.querySelector('[data-testid="outbox-announcement"]'))).toBe(t('outbox.cancelled'));
  });

  it('speaks English when the locale is English', async () => {
    const { container } = await setUp('en');
    const en = translator('en');
    expect(text(container.querySelector('[data-testid="outbox-pending"]'))).toBe(en('outbox.pending.one'));
    expect(text(container.querySelector('[data-testid="outbox-refused"]'))).toContain(en('error.forbidden'));
  });
});

describe('shared outbox per person', () => {
  it('hands every component of a tab the same Outbox and reopens one that was closed underneath', async () => {
    const person = freshPerson();
    const first = acquireOutbox(person);
    const second = acquireOutbox(person);
    expect(second.promise).toBe(first.promise);
    const outbox = await first.promise;
    outboxes.push(outbox);
    await outbox.close();
    const third = acquireOutbox(person);
    expect(third.promise).not.toBe(first.promise);
    const reopened = await third.promise;
    outboxes.push(reopened);
    expect(reopened.isOpen).toBe(true);
    first.release();
    second.release();
    third.release();
  });
});
