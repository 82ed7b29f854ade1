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
    // Keys checked on the body as sent: a `__proto__` key from JSON.parse is refused, not silently dropped.
    kinds: z
      .preprocess(
        (kinds, context) => {
          if (kinds !== null && typeof kinds === 'object' && !Array.isArray(kinds) && Object.keys(kinds).some((kind) => !known.has(kind)))
            context.addIssue({ code: 'custom', message: 'notification_kind_unknown' });
          return kinds;
        },
        z.record(z.string(), frequency, { error: 'notification_settings_invalid' }),
      )
      .optional(),
  },
  { error: 'notification_settings_invalid' },
);
export type NotificationSettingsRequest = z.infer<typeof notificationSettingsSchema>;
