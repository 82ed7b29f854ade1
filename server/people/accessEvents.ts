/**
 * AccessEvents (lib/people/AccessEvents.ts) in one process. Listeners run
 * synchronously; one that throws is logged and does not stop the others or the change itself.
 */
import type { AccessEvents, AccessRevokedListener } from '../../lib/people/AccessEvents';
import type { Logger } from '../logger';

export { ACCESS_REVOKED_REASONS } from '../../lib/people/AccessEvents';
export type { AccessEvents, AccessRevoked, AccessRevokedListener, AccessRevokedReason } from '../../lib/people/AccessEvents';

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
