/**
 * In-process news that someone's access shrank, so the sync server can close or re-check their
 * live connections within seconds instead of waiting for them to reconnect.
 */
export const ACCESS_REVOKED_REASONS = [
  'disabled',
  'signed_out',
  'password_changed',
  'password_reset',
  'role_changed',
  'left_organisation',
  'left_workspace',
  'session_expired',
] as const;
export type AccessRevokedReason = (typeof ACCESS_REVOKED_REASONS)[number];

export interface AccessRevoked {
  readonly personId: string;
  readonly reason: AccessRevokedReason;
  /** Sessions revoked: only these (by id hash). Absent: everything the person holds must be re-checked. */
  readonly sessionIdHashes?: readonly string[];
  /** A session that stays valid (the one that changed the password), by id hash. */
  readonly keptSessionIdHash?: string;
}

export type AccessRevokedListener = (event: AccessRevoked) => void;

export interface AccessEvents {
  /** Returns the function that unsubscribes. */
  onAccessRevoked(listener: AccessRevokedListener): () => void;
  emitAccessRevoked(event: AccessRevoked): void;
}
