/** For answers about one person (their sessions, their data): never kept by a cache. */
export const PRIVATE_NO_STORE = { 'Cache-Control': 'private, no-store' } as const;
