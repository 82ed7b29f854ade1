/** What browser tests of the offline app need: the service worker's state, its page cache, local writes. */
import type { Page } from 'playwright-core';
import { mintSyncToken } from '../../../lib/auth/syncToken';
import { connectProvider } from '../../helpers/connectProvider';
import { waitFor } from '../../helpers/waitFor';
import { PAGES_CACHE } from '../../../app/_offline/offlineRoutes';
import { waitInPage } from './waitInPage';

/** Waits until a service worker controls the page and its page cache holds `path` (e.g. `/d/<id>`). */
export async function waitForOfflineCopy(page: Page, path: string, timeout = 30_000): Promise<void> {
  await waitInPage(
    page,
    async ([cacheName, wanted]) => {
      if (!navigator.serviceWorker.controller) return false;
      const cache = await caches.open(cacheName);
      return (await cache.match(wanted, { ignoreVary: true })) !== undefined;
    },
    [PAGES_CACHE, path] as const,
    { what: `a service worker controlling the page and ${path} in its page cache`, timeout },
  );
}

/**
 * Resolves once every IndexedDB write the page started on `databaseName` has committed: a
 * read-write transaction over all its stores runs only after the ones created before it (same
 * scope, same database), so its completion means the earlier ones are on disk.
 */
export async function waitForLocalWrites(page: Page, databaseName: string): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          if (stores.length === 0) {
            db.close();
            resolve();
            return;
          }
          const tx = db.transaction(stores, 'readwrite');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    databaseName,
  );
}

/** The names of the IndexedDB databases the page's origin holds. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : [])));
}

/**
 * Waits until the server's copy of a document's body (a stock y-websocket client with a view
 * token, its XML text) satisfies `accept`, re-checking on every update the server sends.
 */
export async function waitForServerBody(
  serverUrl: string,
  secret: string,
  documentId: string,
  accept: (body: string) => boolean,
  timeoutMs = 30_000,
): Promise<string> {
  const token = await mintSyncToken({ sub: 'e2e-reader', name: 'Kontrol', doc: documentId, access: 'view' }, secret);
  const client = connectProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, documentId, { token });
  const body = () => client.doc.getXmlFragment('default').toString();
  try {
    await client.synced();
    return await waitFor(
      () => accept(body()) && body(),
      (recheck) => {
        client.doc.on('update', recheck);
        return () => client.doc.off('update', recheck);
      },
      { what: `the server's copy of ${documentId} to match`, timeoutMs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; the server holds: ${body()}`);
  } finally {
    client.destroy();
  }
}

/** Plain text of a Y.XmlFragment's XML string (tags removed), for comparing with what an editor shows. */
export const textOfXml = (xml: string): string => xml.replace(/<[^>]*>/g, '');
