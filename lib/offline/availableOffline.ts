/**
 * The documents a person keeps "available offline" on this device (marked on the start page),
 * kept in the person's LocalCache (`cacheDbName(personKey)`) under `cacheKeys.availableOffline`.
 * The store is anything with the LocalCache shape (get, set, delete, keys by prefix).
 */
import { cacheKeys } from './LocalCache';

export interface KeptDocument {
  readonly title: string;
  /** ISO time of the mark. */
  readonly markedAt: string;
}

/** The part of a string-keyed JSON store this needs (LocalCache in the browser, a Map in tests). */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(prefix?: string): Promise<string[]>;
}

const AVAILABLE_OFFLINE_PREFIX = cacheKeys.availableOfflinePrefix;
export const availableOfflineKey = cacheKeys.availableOffline;

function isKeptDocument(value: unknown): value is KeptDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KeptDocument).title === 'string' &&
    typeof (value as KeptDocument).markedAt === 'string'
  );
}

/** Every marked document (a malformed entry is skipped, not fatal: the store is the browser's). */
export async function keptDocuments(store: KeyValueStore): Promise<Map<string, KeptDocument>> {
  const kept = new Map<string, KeptDocument>();
  for (const key of await store.keys(AVAILABLE_OFFLINE_PREFIX)) {
    const value = await store.get(key);
    if (isKeptDocument(value)) kept.set(key.slice(AVAILABLE_OFFLINE_PREFIX.length), value);
  }
  return kept;
}

export function markKept(store: KeyValueStore, documentId: string, title: string, now: Date = new Date()): Promise<void> {
  const value: KeptDocument = { title, markedAt: now.toISOString() };
  return store.set(availableOfflineKey(documentId), value);
}

export function unmarkKept(store: KeyValueStore, documentId: string): Promise<void> {
  return store.delete(availableOfflineKey(documentId));
}
