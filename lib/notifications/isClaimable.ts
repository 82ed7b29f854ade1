/** Whether a queued mail or digest may be taken by a sender at `now`: pending, due, and held by nobody. */
export function isClaimable(record: { state: string; nextAttemptAt: string; leaseUntil?: string }, now: string): boolean {
  return record.state === 'pending' && record.nextAttemptAt <= now && (record.leaseUntil === undefined || record.leaseUntil <= now);
}
