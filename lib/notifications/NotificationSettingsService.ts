import type { NotificationSettings } from './NotificationSettings';
import type { UnsubscribeScope } from './unsubscribeToken';

/** What an unsubscribe link stops, for whom, and whether it is stopped already. */
export interface UnsubscribeView {
  readonly scope: UnsubscribeScope;
  /** The address the e-mails go to (the page says which account it concerns). */
  readonly email: string;
  /** True when no e-mail of the scope is sent any more. */
  readonly stopped: boolean;
}

/**
 * Each person's choice of how often they are e-mailed (issue 12), and the unsubscribe links of the
 * e-mails. Settings are kept whether or not e-mail is configured (they apply once it is).
 */
export interface NotificationSettingsService {
  /** Whether this server sends e-mail (`SMTP_URL`). */
  readonly mailEnabled: boolean;
  /** The local hour (Europe/Copenhagen) digests are sent at (`DIGEST_HOUR`). */
  readonly digestHour: number;
  /** The person's settings, or the defaults if they never chose. */
  settingsOf(personId: string): Promise<NotificationSettings>;
  /** Replaces the person's settings (kinds unknown to this version are dropped); returns them as stored. */
  update(personId: string, settings: NotificationSettings): Promise<NotificationSettings>;
  /** What a token would stop: null for a token this server did not sign, or a person who is gone. Changes nothing. */
  viewUnsubscribe(token: string): Promise<UnsubscribeView | null>;
  /** Sets the token's scope to never; null (and nothing changed) for an invalid token. */
  unsubscribe(token: string): Promise<UnsubscribeView | null>;
}
