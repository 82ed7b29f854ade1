import type { StoredNotification } from '../../lib/notifications/model';

/** Newest first: by time, then by id (so two of the same millisecond keep one order everywhere). */
export function newestFirst(a: StoredNotification, b: StoredNotification): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
