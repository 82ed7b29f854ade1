// @vitest-environment happy-dom
/**
 * useRevisionedList rendered with React in happy-dom over a stubbed `fetch` whose answers the test
 * releases one by one: it loads on mount, ignores a notice for a revision already shown, loads
 * (debounced, once) on newer notices and on notices without a revision, never goes back to an
 * older answer that arrives late, runs one load at a time, and shows the device's copy when the
 * server cannot be reached before anything was shown.
 */
import { act, createElement, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANGE_DEBOUNCE_MS,
  useRevisionedList,
  type RevisionedList,
  type RevisionedListOptions,
} from '../../../app/_consultation/useRevisionedList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface List {
  readonly revision: number;
  readonly items: readonly string[];
}

interface PendingFetch {
  readonly url: string;
  readonly answer: (response: Response | Error) => void;
}

let root: Root;
let pending: PendingFetch[];
let latest: RevisionedList<List>;
let notice: ((revision?: number) => void) | undefined;
let stopped: number;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const subscribe = (listener: (revision?: number) => void) => {
  notice = listener;
  return () => {
    stopped += 1;
    notice = undefined;
  };
};

function Probe({ options }: { options: RevisionedListOptions<List> }) {
  const list = useRevisionedList<List>('/api/list', options);
  useEffect(() => {
    latest = list;
  });
  return null;
}

async function render(options: RevisionedListOptions<List> = { subscribe }): Promise<void> {
  await act(async () => root.render(createElement(Probe, { options })));
}

/** Runs due timers and settles the promises they start. */
async function tick(ms = 0): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

async function answer(index: number, response: Response | Error): Promise<void> {
  await act(async () => {
    pending[index]!.answer(response);
    await vi.advanceTimersByTimeAsync(0);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  pending = [];
  stopped = 0;
  notice = undefined;
  vi.stubGlobal('fetch', (url: string) => {
    return new Promise<Response>((resolve, reject) => {
      pending.push({ url, answer: (response) => (response instanceof Error ? reject(response) : resolve(response)) });
    });
  });
  root = createRoot(document.createElement('div'));
});

afterEach(async () => {
  await act(async () => root.unmount());
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('useRevisionedList', () => {
  it('loads on mount and on newer notices only, debounced into one load', async () => {
    await render();
    await tick();
    expect(pending.map((p) => p.url)).toEqual(['/api/list']);
    await answer(0, json({ revision: 3, items: ['a'] }));
    expect(latest.data).toEqual({ revision: 3, items: ['a'] });
    expect(latest.shownLoad).toBe(1);
    expect(latest.error).toBeNull();

    act(() => notice!(3)); // already shown
    await tick(CHANGE_DEBOUNCE_MS);
    expect(pending).toHaveLength(1);

    act(() => notice!(4));
    act(() => notice!(5));
    await tick(CHANGE_DEBOUNCE_MS - 1);
    expect(pending).toHaveLength(1);
    await tick(1);
    expect(pending).toHaveLength(2);
    await answer(1, json({ revision: 5, items: ['a', 'b'] }));
    expect(latest.data?.items).toEqual(['a', 'b']);
    expect(latest.loadsStarted()).toBe(2);

    act(() => notice!()); // a reconnect: changes may have been missed
    await tick(CHANGE_DEBOUNCE_MS);
    expect(pending).toHaveLength(3);
  });

  it('runs one load at a time and never goes back to an older answer', async () => {
    await render();
    await tick();
    act(() => latest.refresh());
    await tick();
    // The first load is still running: the refresh waits for it.
    expect(pending).toHaveLength(1);
    await answer(0, json({ revision: 7, items: ['new'] }));
    expect(pending).toHaveLength(2);
    await answer(1, json({ revision: 6, items: ['old'] }));
    expect(latest.data).toEqual({ revision: 7, items: ['new'] });
    expect(latest.shownLoad).toBe(1);
  });

  it('reports the error code, and shows the device copy when the server cannot be reached', async () => {
    const written: List[] = [];
    const options: RevisionedListOptions<List> = {
      subscribe,
      readCache: async () => ({ revision: 2, items: ['cached'] }),
      writeCache: (list) => written.push(list),
      offlineIsError: true,
    };
    await render(options);
    await tick();
    await answer(0, new TypeError('offline'));
    expect(latest.error).toBe('network');
    expect(latest.data?.items).toEqual(['cached']);
    expect(latest.fromCache).toBe(true);

    act(() => latest.refresh());
    await tick();
    await answer(1, json({ error: { code: 'forbidden' } }, 403));
    expect(latest.error).toBe('forbidden');

    act(() => latest.refresh());
    await tick();
    await answer(2, json({ revision: 4, items: ['fresh'] }));
    expect(latest.fromCache).toBe(false);
    expect(latest.error).toBeNull();
    expect(written).toEqual([{ revision: 4, items: ['fresh'] }]);

    act(() => window.dispatchEvent(new Event('offline')));
    expect(latest.error).toBe('network');
  });

  it('without offlineIsError, going offline is no error until a load fails', async () => {
    await render();
    await tick();
    await answer(0, json({ revision: 1, items: ['a'] }));
    act(() => window.dispatchEvent(new Event('offline')));
    expect(latest.error).toBeNull();
  });

  it('stops listening when unmounted', async () => {
    await render();
    await tick();
    await act(async () => root.unmount());
    expect(stopped).toBe(1);
    root = createRoot(document.createElement('div'));
  });
});
