/**
 * What signing out would throw away in this browser: document changes the server has not
 * confirmed (summed over the person's local copies) and entries in their outbox (comments and
 * other actions not sent yet, or refused and not yet dismissed). Reads only; creates nothing.
 */
import { outboxDbName } from '../../lib/offline/localNames';
import { pendingLocalChanges } from '../../lib/offline/localDocumentPending';
import { OutboxStore } from '../../lib/offline/OutboxStore';

export interface UnsavedWork {
  readonly changes: number;
  readonly outbox: number;
}

export async function unsavedWork(personKey: string): Promise<UnsavedWork> {
  if (typeof indexedDB === 'undefined') return { changes: 0, outbox: 0 };
  const [documents, outbox] = await Promise.all([pendingLocalChanges(personKey).catch(() => []), outboxEntries(personKey).catch(() => 0)]);
  return { changes: documents.reduce((sum, document) => sum + document.pending, 0), outbox };
}

async function outboxEntries(personKey: string): Promise<number> {
  const name = outboxDbName(personKey);
  // Opening a database that does not exist would create it: look first where the browser can list them.
  if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((info) => info.name === name)) return 0;
  let store: OutboxStore | null = null;
  store = await OutboxStore.open(name, { onVersionChange: () => store?.close() });
  try {
    return (await store.all()).length;
  } finally {
    store.close();
  }
}
