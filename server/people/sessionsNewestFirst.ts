import type { Session } from '../../lib/people/AccountStore';

/** Sessions newest first (by sign-in), then by id hash, so every store lists them alike. */
export function sessionsNewestFirst(a: Session, b: Session): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.idHash < b.idHash ? -1 : a.idHash > b.idHash ? 1 : 0;
}
