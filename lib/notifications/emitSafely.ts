import type { NotificationEvent, Notify } from './model';

/**
 * Tells the notification hook of an act already stored. Notifying never fails the act: a failure
 * is the hook's to log (the server's hook does), and the caller's answer stands.
 */
export async function emitSafely(notify: Notify | undefined, event: () => NotificationEvent | null): Promise<void> {
  if (!notify) return;
  try {
    const built = event();
    if (built) await notify(built);
  } catch {
    // The act is stored; a lost notification is logged by the hook, not shown to the actor.
  }
}
