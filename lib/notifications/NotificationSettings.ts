/**
 * How often a person is e-mailed about their notifications (issue 12, Decidim's model): a default
 * frequency, and per kind an override. In-app notifications are kept whatever is chosen; the
 * frequency only decides the e-mail.
 */
import { NOTIFICATION_KINDS, type NotificationKind } from './model';

export const NOTIFICATION_FREQUENCIES = ['immediate', 'daily', 'weekly', 'never'] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];

export interface NotificationSettings {
  /** For every kind without an override (kinds added later included). */
  readonly frequency: NotificationFrequency;
  /** Overrides by kind; a kind absent here follows `frequency`. */
  readonly kinds: Partial<Record<NotificationKind, NotificationFrequency>>;
}

/** As stored, per person. */
export interface StoredNotificationSettings extends NotificationSettings {
  readonly personId: string;
  /** ISO 8601. */
  readonly updatedAt: string;
}

/**
 * What a person who never chose gets. What concerns them personally (a reply to them, an answer or
 * a decision on what they wrote, their comment moderated, access granted or requested, and any kind
 * added later, such as being mentioned) comes at once: it is addressed to them and often waits for
 * their answer. What happens on documents they merely follow (new comments, phases, publications)
 * can be many a day on a busy consultation, so it comes as one daily digest instead of a stream;
 * so do changes to a passage someone commented on (at most one a day per thread, but a draft being
 * reworked touches many threads at once).
 */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  frequency: 'immediate',
  kinds: { comment_new: 'daily', phase_changed: 'daily', published: 'daily', passage_changed: 'daily' },
};

/** The frequency that applies to one kind. */
export function frequencyFor(settings: NotificationSettings, kind: NotificationKind): NotificationFrequency {
  return settings.kinds[kind] ?? settings.frequency;
}

/** Every kind with the frequency that applies to it (what the settings form shows). */
export function resolvedFrequencies(settings: NotificationSettings): Record<NotificationKind, NotificationFrequency> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, frequencyFor(settings, kind)])) as Record<
    NotificationKind,
    NotificationFrequency
  >;
}

/** The settings with `kind` (or every kind) set to never: what an unsubscribe link does. */
export function withoutEmail(settings: NotificationSettings, scope: NotificationKind | 'all'): NotificationSettings {
  if (scope === 'all') return { frequency: 'never', kinds: {} };
  return { frequency: settings.frequency, kinds: { ...settings.kinds, [scope]: 'never' } };
}
