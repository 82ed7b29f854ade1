/**
 * The outbox in a real browser (Debian's Chromium): real IndexedDB, Web Locks, BroadcastChannel
 * and fetch. The library is bundled with esbuild and served with a tiny API from node:http (no app
 * build needed): two tabs of one person never send an entry twice, entries survive a reload, and
 * clearLocalData removes exactly one person's databases and the samskriv- caches.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/launchChromium';
import type { Outbox } from '../../lib/offline/Outbox';
import type { outboxRef } from '../../lib/offline/OutboxReference';
import type { LocalCache, cacheKeys } from '../../lib/offline/LocalCache';
import type { clearLocalData } from '../../lib/offline/clearLocalData';
import type { documentDbName } from '../../lib/offline/localNames';

const lib = (file: string) => fileURLToPath(new URL(`../../lib/offline/${file}`, import.meta.url));

interface Received {
  readonly url: string;
  readonly clientKey: string | undefined;
  readonly text: string | undefined;
}

let browser: Browser;
let server: Server;
let origin: string;
let bundle: string;
const received: Received[] = [];
let mode: 'ok' | 'unavailable' = 'ok';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: `
        import { Outbox } from ${JSON.stringify(lib('Outbox.ts'))};
        import { outboxRef } from ${JSON.stringify(lib('OutboxReference.ts'))};
        import { LocalCache, cacheKeys } from ${JSON.stringify(lib('LocalCache.ts'))};
        import { clearLocalData } from ${JSON.stringify(lib('clearLocalData.ts'))};
        import { documentDbName } from ${JSON.stringify(lib('localNames.ts'))};
        (window as unknown as TestWindow).offline = { Outbox, outboxRef, LocalCache, cacheKeys, clearLocalData, documentDbName };
      `,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  bundle = result.outputFiles[0]!.text;

  server = createServer(async (request, response) => {
    if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><meta charset="utf-8"><title>outbox</title><script src="/bundle.js"></script>');
      return;
    }
    if (request.method === 'GET' && request.url === '/bundle.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      response.end(bundle);
      return;
    }
    if (!request.url?.startsWith('/api/')) {
      response.writeHead(404);
      response.end();
      return;
    }
    const text = await readBody(request);
    const body = text === '' ? {} : (JSON.parse(text) as { clientKey?: string; text?: string });
    received.push({ url: request.url!, clientKey: body.clientKey, text: body.text });
    if (mode === 'unavailable') {
      response.writeHead(503, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'internal', message: 'Nede' } }));
      return;
    }
    // Latency, not synchronisation: it widens the window in which two tabs would overlap if nothing kept them apart.
    await new Promise((resolve) => setTimeout(resolve, 30));
    response.writeHead(201, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ comment: { id: `c-${received.length}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'offline' in window);
  return page;
}

/** The page's globals (set by the bundle and by the tests). */
type TestWindow = Window & {
  offline: {
    Outbox: typeof Outbox;
    outboxRef: typeof outboxRef;
    LocalCache: typeof LocalCache;
    cacheKeys: typeof cacheKeys;
    clearLocalData: typeof clearLocalData;
    documentDbName: typeof documentDbName;
  };
  outbox: Outbox;
};

describe('Outbox in Chromium', () => {
  it('two tabs of one person send every entry exactly once, in order, under Web Locks', async () => {
    received.length = 0;
    const context = await browser.newContext();
    const [tabA, tabB] = [await openTab(context), await openTab(context)];
    expect(await tabA.evaluate(() => typeof navigator.locks?.request)).toBe('function');
    for (const tab of [tabA, tabB]) {
      await tab.evaluate(async () => {
        (window as unknown as TestWindow).outbox = await (window as unknown as TestWindow).offline.Outbox.open('tabs-person');
      });
    }
    // Both tabs enqueue at the same time; a reply in tab B refers to a comment queued in tab A.
    const parentId = await tabA.evaluate(async () => {
      const entries = [];
      for (let i = 1; i <= 4; i++) {
        entries.push(
          await (window as unknown as TestWindow).outbox.enqueue({
            documentId: 'd1',
            kind: 'comment',
            method: 'POST',
            url: '/api/documents/d1/comments',
            body: { text: `A${i}` },
            label: `A${i}`,
            text: `A${i}`,
          }),
        );
      }
      return entries[0]!.id;
    });
    await tabB.evaluate(async (parent) => {
      await (window as unknown as TestWindow).outbox.enqueue({
        documentId: 'd1',
        kind: 'reply',
        method: 'POST',
        url: `/api/documents/d1/comments/${(window as unknown as TestWindow).offline.outboxRef(parent)}/replies`,
        body: { text: 'B-svar' },
        label: 'svar',
        text: 'B-svar',
      });
      await (window as unknown as TestWindow).outbox.retryNow();
    }, parentId);
    await tabA.evaluate(() => (window as unknown as TestWindow).outbox.retryNow());

    for (const tab of [tabA, tabB]) {
      await tab.waitForFunction(() => (window as unknown as TestWindow).outbox.list().length === 0);
    }
    // Both outboxes idle: nothing is in flight, so a double send would have been received by now.
    for (const tab of [tabA, tabB]) await tab.evaluate(() => (window as unknown as TestWindow).outbox.whenIdle());
    expect(received.map((request) => request.text)).toEqual(['A1', 'A2', 'A3', 'A4', 'B-svar']);
    expect(new Set(received.map((request) => request.clientKey)).size).toBe(5);
    expect(received[4]!.url).toBe('/api/documents/d1/comments/c-1/replies');
    await context.close();
  });

  it('keeps queued entries across a reload and sends them when the server is back', async () => {
    received.length = 0;
    mode = 'unavailable';
    const context = await browser.newContext();
    const tab = await openTab(context);
    const id = await tab.evaluate(async () => {
      (window as unknown as TestWindow).outbox = await (window as unknown as TestWindow).offline.Outbox.open('reload-person');
      const entry = await (window as unknown as TestWindow).outbox.enqueue({
        documentId: 'd1',
        kind: 'comment',
        method: 'POST',
        url: '/api/documents/d1/comments',
        body: { text: 'før genindlæsning' },
        label: 'k',
        text: 'før genindlæsning',
      });
      await (window as unknown as TestWindow).outbox.whenIdle();
      return entry.id;
    });
    expect(received).toHaveLength(1);
    await tab.reload();
    await tab.waitForFunction(() => 'offline' in window);
    mode = 'ok';
    const after = await tab.evaluate(async () => {
      (window as unknown as TestWindow).outbox = await (window as unknown as TestWindow).offline.Outbox.open('reload-person');
      const before = (window as unknown as TestWindow).outbox
        .list()
        .map((entry) => ({ id: entry.id, state: entry.state, attempts: entry.attempts }));
      await (window as unknown as TestWindow).outbox.retryNow();
      await (window as unknown as TestWindow).outbox.whenIdle();
      return { before, left: (window as unknown as TestWindow).outbox.list().length };
    });
    expect(after.before).toEqual([{ id, state: 'pending', attempts: expect.any(Number) }]);
    expect(after.left).toBe(0);
    expect(received.map((request) => request.clientKey)).toEqual(expect.arrayContaining([id]));
    expect(received.at(-1)!.clientKey).toBe(id);
    await context.close();
  });

  it('clearLocalData deletes one person’s databases and the samskriv- caches, with their connections open in two tabs', async () => {
    const context = await browser.newContext();
    const [tab, other] = [await openTab(context), await openTab(context)];
    await other.evaluate(async () => {
      (window as unknown as TestWindow).outbox = await (window as unknown as TestWindow).offline.Outbox.open('alice');
    });
    const result = await tab.evaluate(async () => {
      const { Outbox, LocalCache, cacheKeys, clearLocalData, documentDbName } = (window as unknown as TestWindow).offline;
      (window as unknown as TestWindow).outbox = await Outbox.open('alice');
      const cache = await LocalCache.open('alice');
      await cache.set(cacheKeys.comments('d1'), { comments: [] });
      const bobCache = await LocalCache.open('bob');
      await bobCache.set('x', 1);
      await new Promise<void>((resolve) => {
        const request = indexedDB.open(documentDbName('alice', 'd1'), 1);
        request.onupgradeneeded = () => request.result.createObjectStore('s');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
      });
      await caches.open('samskriv-pages');
      await caches.open('other-cache');
      const outcome = await clearLocalData('alice');
      const names = (await indexedDB.databases()).map((info) => info.name).sort();
      bobCache.close();
      return {
        outcome,
        names,
        caches: (await caches.keys()).sort(),
        open: [(window as unknown as TestWindow).outbox.isOpen, cache.isOpen],
      };
    });
    expect(result.outcome.blocked).toEqual([]);
    expect(result.outcome.caches).toEqual(['samskriv-pages']);
    expect(result.names.filter((name) => name?.startsWith('samskriv:alice:'))).toEqual([]);
    expect(result.names).toContain('samskriv:bob:cache');
    expect(result.caches).toEqual(['other-cache']);
    expect(result.open).toEqual([false, false]);
    // The other tab's outbox closed itself on versionchange.
    expect(await other.evaluate(() => (window as unknown as TestWindow).outbox.isOpen)).toBe(false);
    await context.close();
  });
});
