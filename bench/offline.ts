/**
 * `npm run bench:offline` (scripts/bench-offline.mjs makes sure of Chromium and a current
 * production build first): the figures of issue 4, in real Chromium against the production server.
 *
 * 1. Time from navigation to an editable document, OFFLINE, for a document the size of the
 *    automerge-paper trace (259,778 edits replayed keystroke by keystroke into one paragraph of a
 *    new document through a stock y-websocket client): the page is opened once online, the server
 *    is stopped, then the page is reloaded BENCH_OFFLINE_RELOADS (10) times; each time is measured
 *    in the page, from the navigation's start to the editor being contenteditable with the
 *    trace's last line in it. Target: median ≤ 1 s.
 * 2. The size of the document's local copy (its y-indexeddb database: the bytes of every stored
 *    record) after BENCH_OFFLINE_GROWTH_RELOADS (100) online reloads, against the encoded document
 *    (`Y.encodeStateAsUpdate` of the server's copy). Target: ≤ 2×.
 * Prints the figures and ratios; writes bench/results/offline.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { mintSyncToken } from '../lib/auth/syncToken';
import { SESSION_COOKIE } from '../lib/auth/sessionCookie';
import { documentDbName } from '../lib/offline/localNames';
import { applyPatch, loadTrace } from '../lib/traces/loadTrace';
import { connectProvider } from '../tests/helpers/connectProvider';
import { waitFor } from '../tests/helpers/waitFor';
import { launchChromium } from '../tests/e2e/helpers/launchChromium';
import { waitForLocalWrites, waitForOfflineCopy } from '../tests/e2e/helpers/offlinePage';
import { startAppServer, type AppServer } from '../tests/e2e/helpers/startAppServer';
import { fmt, median } from './lib/stats';

const TIMED_RELOADS = Number(process.env.BENCH_OFFLINE_RELOADS ?? 10);
const GROWTH_RELOADS = Number(process.env.BENCH_OFFLINE_GROWTH_RELOADS ?? 100);
const TRACE = join('tests', 'fixtures', 'traces', 'automerge-paper.json.gz');
const EDITABLE = '[data-testid="editor"] .tiptap[contenteditable="true"]';
const PASSWORD = 'en lang adgangskode til målingen';

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

async function signUp(server: AppServer): Promise<{ cookie: string; personId: string }> {
  const response = await fetch(`${server.url}/api/account/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ name: 'Måler Offline', email: 'maaler.offline@eksempel.dk', password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('sign-up set no session cookie');
  const { person } = (await response.json()) as { person: { id: string } };
  return { cookie: cookie.split(';')[0]!, personId: person.id };
}

async function createDocument(server: AppServer, cookie: string): Promise<string> {
  const response = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ title: 'automerge-paper', template: 'blank', workspaceId: null }),
  });
  if (response.status !== 201) throw new Error(`creating the document answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { document: { id: string } }).document.id;
}

/** Replays the trace into a new paragraph at the end of the body; resolves with the encoded size of the server's copy. */
async function replayTrace(server: AppServer, documentId: string): Promise<{ encodedBytes: number; lastLine: string }> {
  const trace = loadTrace(TRACE);
  const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  const writer = connectProvider(syncUrl, documentId, {
    token: await mintSyncToken({ sub: 'bench-writer', name: 'Bench', doc: documentId, access: 'edit' }, server.secret),
  });
  await writer.synced();
  const body = writer.doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  body.insert(body.length, [paragraph]);
  // Every edit as it was typed, sent as one update (the same Yjs state as 259,778 messages, without
  // making the benchmark wait for that many durable appends).
  writer.doc.transact(() => {
    for (const txn of trace.txns) for (const patch of txn.patches) applyPatch(text, patch, true);
  });
  if (text.toString() !== trace.endContent) throw new Error('the trace replay diverged from its endContent');
  const lastLine = trace.endContent
    .split('\n')
    .filter((line) => line.trim().length >= 20)
    .pop()!;

  // What the server serves is durable: a fresh reader that sees the end has it from the store.
  const reader = connectProvider(syncUrl, documentId, {
    token: await mintSyncToken({ sub: 'bench-reader', name: 'Bench', doc: documentId, access: 'view' }, server.secret),
  });
  try {
    await waitFor(
      () => reader.provider.synced,
      (recheck) => {
        reader.provider.on('sync', recheck);
        return () => reader.provider.off('sync', recheck);
      },
      { what: 'a reader to sync', timeoutMs: 300_000 },
    );
    await waitFor(
      () => reader.doc.getXmlFragment('default').toString().includes(lastLine),
      (recheck) => {
        reader.doc.on('update', recheck);
        return () => reader.doc.off('update', recheck);
      },
      { what: 'the server to hold the replayed trace', timeoutMs: 300_000 },
    );
    return { encodedBytes: Y.encodeStateAsUpdate(reader.doc).byteLength, lastLine };
  } finally {
    reader.destroy();
    writer.destroy();
  }
}

/**
 * Installed before every load: notes when the editor is editable with `lastLine` in it (ms since
 * the navigation started), checked on every DOM change and every animation frame. A string, not a
 * function: tsx compiles functions with helpers (`__name`) that do not exist in the page.
 */
function recordEditable(selector: string, lastLine: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const lastLine = ${JSON.stringify(lastLine)};
    let done = false;
    let observer = null;
    const check = () => {
      if (done) return;
      const editor = document.querySelector(selector);
      if (editor && (editor.textContent || '').includes(lastLine)) {
        done = true;
        window.__editableAt = performance.now();
        if (observer) observer.disconnect();
      }
    };
    observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });
    const frame = () => {
      check();
      if (!done) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();`;
}

async function editableAfterLoad(page: Page, load: () => Promise<unknown>, lastLine = ''): Promise<number> {
  await load();
  try {
    await page.waitForFunction(() => (window as unknown as { __editableAt?: number }).__editableAt !== undefined, null, {
      timeout: 60_000,
      polling: 50,
    });
  } catch (error) {
    const seen = await page.evaluate(
      (line) => ({
        includes: document.querySelector('[data-testid="editor"] .tiptap')?.textContent?.includes(line),
        status: document.querySelector('[data-testid="sync-status"]')?.textContent ?? null,
        editable: document.querySelector('[data-testid="editor"] .tiptap')?.getAttribute('contenteditable') ?? null,
        length: document.querySelector('[data-testid="editor"] .tiptap')?.textContent?.length ?? 0,
      }),
      lastLine,
    );
    throw new Error(`the editor did not open at ${page.url()}: ${JSON.stringify(seen)}`, { cause: error });
  }
  return page.evaluate(() => (window as unknown as { __editableAt: number }).__editableAt);
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
    timeout: 120_000,
  });
}

/** Bytes of every record in the local copy's object stores (keys and values), and the record count. */
async function localCopySize(page: Page, databaseName: string): Promise<{ bytes: number; records: number }> {
  return page.evaluate(
    (name) =>
      new Promise<{ bytes: number; records: number }>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          const transaction = db.transaction(stores, 'readonly');
          let bytes = 0;
          let records = 0;
          const encoder = new TextEncoder();
          for (const store of stores) {
            const cursor = transaction.objectStore(store).openCursor();
            cursor.onsuccess = () => {
              const current = cursor.result;
              if (!current) return;
              records += 1;
              // No named helper function here: tsx names functions with a helper the page does not have.
              for (const part of [current.key, current.value] as unknown[]) {
                bytes +=
                  part instanceof Uint8Array || part instanceof ArrayBuffer
                    ? part.byteLength
                    : encoder.encode(JSON.stringify(part) ?? '').length;
              }
              current.continue();
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve({ bytes, records });
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    databaseName,
  );
}

async function main() {
  console.log(
    `Samskriv offline benchmark, ${new Date().toISOString()}, node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const server = await startAppServer();
  const browser = await launchChromium();
  try {
    const { cookie, personId } = await signUp(server);
    const documentId = await createDocument(server, cookie);
    const started = performance.now();
    const { encodedBytes, lastLine } = await replayTrace(server, documentId);
    console.log(
      `\n## automerge-paper document: ${encodedBytes} bytes encoded (replayed in ${fmt((performance.now() - started) / 1000)} s)`,
    );

    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    await context.addInitScript(recordEditable(EDITABLE, lastLine));
    const page = await context.newPage();
    const url = `${server.url}/d/${documentId}`;
    const online = await editableAfterLoad(page, () => page.goto(url), lastLine);
    await waitForSaved(page);
    await waitForOfflineCopy(page, `/d/${documentId}`);
    await waitForLocalWrites(page, documentDbName(personId, documentId));
    console.log(`  first open, online, from the server: ${fmt(online)} ms to editable`);

    console.log(`\n## Navigation to an editable document, offline (server stopped), ${TIMED_RELOADS} reloads`);
    if (process.env.BENCH_DEBUG) {
      console.log(
        documentDbName(personId, documentId),
        await page.evaluate(async () => ({
          controller: navigator.serviceWorker.controller?.state,
          registration: (await navigator.serviceWorker.getRegistration())?.active?.state,
          keys: (await (await caches.open('samskriv-pages')).keys()).map((request) => request.url),
          databases: (await indexedDB.databases()).map((info) => info.name),
        })),
      );
    }
    await server.halt();
    const offline: number[] = [];
    for (let i = 0; i < TIMED_RELOADS; i++) offline.push(await editableAfterLoad(page, () => page.reload()));
    const offlineMedian = median(offline);
    console.log(`  each: ${offline.map((ms) => fmt(ms)).join(', ')} ms`);
    console.log(
      `  median ${fmt(offlineMedian)} ms, max ${fmt(Math.max(...offline))} ms (target median ≤ 1000 ms: ${verdict(offlineMedian <= 1000)})`,
    );
    await server.resume();

    console.log(`\n## Local copy after ${GROWTH_RELOADS} reloads (online, each waits for "Gemt")`);
    const dbName = documentDbName(personId, documentId);
    const before = await localCopySize(page, dbName);
    const loads: number[] = [];
    for (let i = 0; i < GROWTH_RELOADS; i++) {
      const started = performance.now();
      await editableAfterLoad(page, () => page.reload());
      await waitForSaved(page);
      loads.push(performance.now() - started);
      if ((i + 1) % 10 === 0) console.log(`  ${i + 1} reloads, median ${fmt(median(loads))} ms each to "Gemt"`);
    }
    await waitForLocalWrites(page, dbName);
    const after = await localCopySize(page, dbName);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const ratio = after.bytes / encodedBytes;
    console.log(`  before: ${before.bytes} bytes in ${before.records} records`);
    console.log(
      `  after:  ${after.bytes} bytes in ${after.records} records = ${fmt(ratio)}× the encoded document (target ≤ 2×: ${verdict(ratio <= 2)})`,
    );
    console.log(`  navigator.storage.estimate() usage of the origin (all databases and caches, incl. the app shell): ${usage} bytes`);

    const results = {
      encodedBytes,
      offlineEditableMs: offline,
      offlineEditableMedianMs: offlineMedian,
      onlineFirstOpenMs: online,
      localCopy: { reloads: GROWTH_RELOADS, before, after, ratio },
      originUsageBytes: usage,
    };
    mkdirSync(join('bench', 'results'), { recursive: true });
    writeFileSync(join('bench', 'results', 'offline.json'), JSON.stringify(results, null, 2));
    console.log('\nwrote bench/results/offline.json');
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
