import { BODY_SCHEMA_VERSION, SCHEMA_QUERY_PARAM } from '../protocol';
/** Browser sync tokens: fetched per document from the app, short-lived, refreshed before each reconnect. */
export const BROWSER_TOKEN_TTL_SECONDS = 5 * 60;

/** Where the editor fetches a fresh token for a document (naming its body schema: an older editor gets a read-only token). */
export const browserTokenPath = (documentId: string): string =>
  `/api/documents/${encodeURIComponent(documentId)}/sync-token?${SCHEMA_QUERY_PARAM}=${BODY_SCHEMA_VERSION}`;
