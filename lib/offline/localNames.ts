/**
 * The one place that names what Samskriv stores in a browser (IndexedDB databases, Cache Storage
 * caches). Everything is per person, under one prefix, so signing out can find and delete exactly
 * that person's local copies, outbox and caches on a shared computer. Browser-safe, no imports.
 */

/** The local-data owner: a person id, or ANONYMOUS_KEY for signed-out readers and guests. */
export type PersonKey = string;

export const ANONYMOUS_KEY = 'anonymous';

const ROOT = 'samskriv';

/** Prefix of every database that belongs to one person. */
export function personPrefix(personKey: PersonKey): string {
  return `${ROOT}:${encodeURIComponent(personKey)}:`;
}

/** y-indexeddb database of one document's Yjs state. */
export function documentDbName(personKey: PersonKey, documentId: string): string {
  return `${personPrefix(personKey)}doc:${documentId}`;
}

/** Server-checked actions (comments, replies, suggestions, supports, …) waiting to be sent. */
export function outboxDbName(personKey: PersonKey): string {
  return `${personPrefix(personKey)}outbox`;
}

/** Small per-person cache: comment lists for offline reading, epochs, the "available offline" list. */
export function cacheDbName(personKey: PersonKey): string {
  return `${personPrefix(personKey)}cache`;
}

/** True when a database name belongs to this person. */
export function belongsTo(personKey: PersonKey, databaseName: string): boolean {
  return databaseName.startsWith(personPrefix(personKey));
}
