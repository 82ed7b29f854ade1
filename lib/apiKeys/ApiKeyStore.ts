/**
 * Where API keys for other platforms are kept. Implementations: MemoryApiKeyStore (unit tests) and
 * LowApiKeyStore (`<DATA_DIR>/api-keys.json`, one writer process). Only a key's SHA-256 is stored;
 * the raw key is shown once, when an admin creates it.
 */
export const API_KEY_SCOPES = ['documents:read', 'documents:write', 'access:write', 'tokens:mint'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  /** base64url SHA-256 of the raw key. */
  readonly hash: string;
  /** The first characters of the raw key, so people can tell keys apart in lists. */
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  /** The admin who created it (person id). */
  readonly createdBy: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface ApiKeyStore {
  /** Throws if a key with that id or hash exists. */
  create(key: ApiKey): Promise<ApiKey>;
  getByHash(hash: string): Promise<ApiKey | null>;
  /** One key by its id (revoked ones too), without reading the others; null when there is none. */
  get(id: string): Promise<ApiKey | null>;
  /** Newest first, revoked ones included. */
  list(): Promise<ApiKey[]>;
  /** Marks the key revoked (keeps the first revocation time); null when there is no such key. */
  revoke(id: string, at: string): Promise<ApiKey | null>;
  close(): Promise<void>;
}
