/**
 * A NotificationStore that queues each new notification for e-mail as it is stored (when `SMTP_URL`
 * is set): the queue entry is written first, so a crash between the two writes loses no mail
 * (delivery is at-least-once; see NotificationMailStore). A person whose frequency for the kind is
 * never gets no entry. Queueing never fails the notification: a failure is logged and the
 * notification is stored all the same. Every other method is the store's own.
 */
import type { StoredNotification } from './model';
import type { MailMode, NotificationMailStore } from './NotificationMailStore';
import { DEFAULT_NOTIFICATION_SETTINGS, frequencyFor } from './NotificationSettings';
import type { AddResult, NotificationStore } from './NotificationStore';

export interface MailQueueOptions {
  readonly mail: NotificationMailStore;
  /** Told after an entry is queued and its notification stored (the sender starts on it). */
  readonly onQueued: (mode: MailMode) => void;
  readonly logger: { error(obj: object, msg?: string): void };
}

export function withMailQueue(store: NotificationStore, options: MailQueueOptions): NotificationStore {
  const { mail, onQueued, logger } = options;

  async function queue(notification: StoredNotification): Promise<MailMode | null> {
    const settings = (await mail.getSettings(notification.personId)) ?? DEFAULT_NOTIFICATION_SETTINGS;
    const frequency = frequencyFor(settings, notification.kind);
    if (frequency === 'never') return null;
    const mode: MailMode = frequency === 'immediate' ? 'immediate' : 'digest';
    const queued = await mail.enqueue({
      personId: notification.personId,
      eventId: notification.eventId,
      notification,
      mode,
      queuedAt: notification.at,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: notification.at,
    });
    return queued ? mode : null;
  }

  async function add(notification: StoredNotification): Promise<AddResult> {
    let mode: MailMode | null = null;
    try {
      mode = await queue(notification);
    } catch (error) {
      logger.error({ err: error, personId: notification.personId, eventId: notification.eventId }, 'could not queue a notification e-mail');
    }
    const result = await store.add(notification);
    if (mode === null) return result;
    if (result === 'duplicate') {
      // Told already (before e-mail was set up, or by an earlier emit): no mail for it now.
      try {
        const entry = await mail.getMail(notification.personId, notification.eventId);
        if (entry?.state === 'pending' && entry.notification.id === notification.id)
          await mail.updateMail({ ...entry, state: 'dropped', doneAt: new Date().toISOString() });
      } catch (error) {
        logger.error({ err: error, personId: notification.personId, eventId: notification.eventId }, 'could not drop a doubled e-mail');
      }
    } else {
      onQueued(mode);
    }
    return result;
  }

  return new Proxy(store, {
    get(target, property) {
      if (property === 'add') return add;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
