/**
 * In-process news that someone's access shrank, so the sync server can close or re-check their
 * live connections within seconds instead of waiting for them to reconnect. Listeners run
 * synchronously; one that throws is logged and does not stop the others or the change itself.
 */
import type { Logger } from '../logger';

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

export function createAccessEvents(logger?: Logger): AccessEvents {
  const listeners = new Set<AccessRevokedListener>();
  return {
    onAccessRevoked(listener) {
      // A wrapper per subscription, so subscribing one function twice gives two independent subscriptions.
      const subscription: AccessRevokedListener = (event) => listener(event);
      listeners.add(subscription);
      return () => listeners.delete(subscription);
    },
    emitAccessRevoked(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          logger?.error({ err: error, event: 'access_revoked_listener_failed', personId: event.personId }, 'an access listener threw');
        }
      }
    },
  };
}
