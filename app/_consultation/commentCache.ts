/**
 * This device's copy of a document's comment list (lib/offline/LocalCache, per person), so the
 * comments stay readable offline. Best effort: without IndexedDB (or for embeds, personKey null)
 * nothing is kept, and a failure to read or write never disturbs the live list.
 */
import { cacheKeys, LocalCache } from '../../lib/offline/LocalCache';
import type { CommentsResponse } from './commentViews';

const caches = new Map<string, Promise<LocalCache | null>>();

async function cacheFor(personKey: string): Promise<LocalCache | null> {
  const existing = await caches.get(personKey);
  // Closed underneath us (the person's local data was cleared at sign-out): open afresh.
  if (existing?.isOpen) return existing;
  const opening = LocalCache.open(personKey).catch(() => null);
  caches.set(personKey, opening);
  return opening;
}

export async function readCachedComments(personKey: string | null, documentId: string): Promise<CommentsResponse | null> {
  if (!personKey || typeof indexedDB === 'undefined') return null;
  try {
    const cache = await cacheFor(personKey);
    return (await cache?.get<CommentsResponse>(cacheKeys.comments(documentId))) ?? null;
  } catch {
    return null;
  }
}

export async function writeCachedComments(personKey: string | null, documentId: string, list: CommentsResponse): Promise<void> {
  if (!personKey || typeof indexedDB === 'undefined') return;
  try {
    const cache = await cacheFor(personKey);
    await cache?.set(cacheKeys.comments(documentId), list);
  } catch {
    // Full or blocked storage: the list is still on screen; it just will not be there offline.
  }
}
