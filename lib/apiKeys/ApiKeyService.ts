import type { ApiKey, ApiKeyScope } from './ApiKeyStore';

/** An API key as shown to admins: never its hash. */
export type PublicApiKey = Omit<ApiKey, 'hash'>;

export interface ApiKeyService {
  create(adminId: string, input: { name: string; scopes?: readonly ApiKeyScope[] }): Promise<{ key: string; apiKey: PublicApiKey }>;
  list(adminId: string): Promise<PublicApiKey[]>;
  /** Null when there is no such key. */
  revoke(adminId: string, id: string): Promise<PublicApiKey | null>;
  /** The live (not revoked) key presented, or null for a missing, malformed, unknown or revoked one. */
  verify(raw: string | null | undefined): Promise<ApiKey | null>;
  /** Whether a key with this id exists and is not revoked (sync tokens it minted count only then). */
  isActive(id: string): Promise<boolean>;
  /**
   * Called with the key's id once a revocation is stored, so the sync server ends the connections of
   * tokens the key minted at once; returns the function that unsubscribes.
   */
  onRevoked(listener: (keyId: string) => void): () => void;
}
