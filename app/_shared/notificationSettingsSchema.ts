/**
 * `PUT /api/account/notification-settings`: `{ frequency, kinds?: { <kind>: frequency } }`, shared
 * by the route and the settings form. Issue messages are error codes (`error.<code>`).
 */
import { NOTIFICATION_KINDS } from '../../lib/notifications/model';
import { NOTIFICATION_FREQUENCIES } from '../../lib/notifications/NotificationSettings';
import { z } from '../../lib/zodWithoutEval';

const frequency = z.enum(NOTIFICATION_FREQUENCIES, { error: 'frequency_invalid' });
const known = new Set<string>(NOTIFICATION_KINDS);

export const notificationSettingsSchema = z.strictObject(
  {
    frequency,
    kinds: z
      .record(z.string({ error: 'notification_kind_unknown' }), frequency, { error: 'notification_settings_invalid' })
      .refine((kinds) => Object.keys(kinds).every((kind) => known.has(kind)), 'notification_kind_unknown')
      .optional(),
  },
  { error: 'notification_settings_invalid' },
);
export type NotificationSettingsRequest = z.infer<typeof notificationSettingsSchema>;
