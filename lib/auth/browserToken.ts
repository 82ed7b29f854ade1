/** Browser sync tokens: fetched per document from the app, short-lived, refreshed before each reconnect. */
export const BROWSER_TOKEN_TTL_SECONDS = 5 * 60;

/** Where the editor fetches a fresh token for a document. */
export const browserTokenPath = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}/sync-token`;
