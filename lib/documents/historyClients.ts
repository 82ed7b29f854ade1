/**
 * Every Yjs client id that appears in a document's stored updates: authors of its structs and of
 * its deletions (also structs still waiting for a missing dependency). A history reset retires
 * them all, so a copy that still holds any of that history is recognised when it comes back.
 */
import * as Y from 'yjs';

export function historyClients(stored: readonly Uint8Array[]): Set<number> {
  const clients = new Set<number>();
  for (const update of stored) {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) clients.add(struct.id.client);
    for (const client of ds.clients.keys()) clients.add(client);
  }
  return clients;
}
