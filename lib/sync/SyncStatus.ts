/** What the page tells a person about their edits and the connection. */
export type SyncStatus =
  /** First connection, before the document has synced; `pending`: changes restored from the local copy. */
  | { readonly kind: 'connecting'; readonly pending?: number }
  /** Had synced before; the connection dropped and is being re-established. */
  | { readonly kind: 'reconnecting'; readonly pending: number }
  /** The browser reports no network. */
  | { readonly kind: 'offline'; readonly pending: number }
  /** Connected; `pending` local changes are not yet durably stored. */
  | { readonly kind: 'saving'; readonly pending: number }
  /** Connected, and every local change is durably stored (as of `savedAt`, epoch ms). */
  | { readonly kind: 'saved'; readonly savedAt: number | null }
  /** The server refused the connection for good (close code 4400–4499). */
  | { readonly kind: 'closed'; readonly code: number; readonly reason: string; readonly pending: number };
