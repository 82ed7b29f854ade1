/** NotificationSettingsService over a NotificationMailStore, the people, and AUTH_SECRET (unsubscribe tokens). */
import { NOTIFICATION_KINDS } from './model';
import type { NotificationMailStore } from './NotificationMailStore';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  frequencyFor,
  withoutEmail,
  type NotificationFrequency,
  type NotificationSettings,
} from './NotificationSettings';
import type { NotificationSettingsService, UnsubscribeView } from './NotificationSettingsService';
import { verifyUnsubscribeToken, type UnsubscribeScope } from './unsubscribeToken';

export interface NotificationSettingsServiceOptions {
  readonly store: NotificationMailStore;
  readonly secret: string;
  /** A person's e-mail address; null for nobody by that id. */
  readonly emailOf: (personId: string) => Promise<string | null>;
  readonly mailEnabled: boolean;
  readonly digestHour: number;
  readonly now?: () => Date;
}

/** Only the kinds this version knows, each once. */
function normalised(settings: NotificationSettings): NotificationSettings {
  const kinds: Partial<Record<(typeof NOTIFICATION_KINDS)[number], NotificationFrequency>> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const frequency = settings.kinds[kind];
    if (frequency !== undefined) kinds[kind] = frequency;
  }
  return { frequency: settings.frequency, kinds };
}

const isStopped = (settings: NotificationSettings, scope: UnsubscribeScope) =>
  scope === 'all'
    ? NOTIFICATION_KINDS.every((kind) => frequencyFor(settings, kind) === 'never')
    : frequencyFor(settings, scope) === 'never';

export function createNotificationSettingsService(options: NotificationSettingsServiceOptions): NotificationSettingsService {
  const { store, secret, emailOf } = options;
  const now = options.now ?? (() => new Date());

  async function settingsOf(personId: string): Promise<NotificationSettings> {
    const stored = await store.getSettings(personId);
    return stored ? normalised(stored) : DEFAULT_NOTIFICATION_SETTINGS;
  }

  async function update(personId: string, settings: NotificationSettings): Promise<NotificationSettings> {
    const chosen = normalised(settings);
    await store.putSettings({ personId, ...chosen, updatedAt: now().toISOString() });
    return chosen;
  }

  async function target(token: string) {
    const verified = verifyUnsubscribeToken(secret, token);
    if (!verified) return null;
    const email = await emailOf(verified.personId);
    return email === null ? null : { ...verified, email };
  }

  return {
    mailEnabled: options.mailEnabled,
    digestHour: options.digestHour,
    settingsOf,
    update,

    async viewUnsubscribe(token): Promise<UnsubscribeView | null> {
      const found = await target(token);
      if (!found) return null;
      return { scope: found.scope, email: found.email, stopped: isStopped(await settingsOf(found.personId), found.scope) };
    },

    async unsubscribe(token): Promise<UnsubscribeView | null> {
      const found = await target(token);
      if (!found) return null;
      const current = await settingsOf(found.personId);
      if (!isStopped(current, found.scope)) await update(found.personId, withoutEmail(current, found.scope));
      return { scope: found.scope, email: found.email, stopped: true };
    },
  };
}
