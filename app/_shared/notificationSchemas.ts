/**
 * Inputs of the notification routes (issue 12), shared by the route handlers and the page's
 * "mark all as read" button. Issue messages are error codes (`error.<code>` in the catalogue).
 */
import { z } from '../../lib/zodWithoutEval';
import { LOCALES } from '../../lib/i18n/messages';

/** At most this many ids in one `POST /api/notifications/read`. */
export const MAX_READ_IDS = 200;
/** Enough for MAX_READ_IDS ids and the JSON around them. */
export const MARK_READ_MAX_BYTES = 32 * 1024;

/** `GET /api/notifications?unread=1&limit=50&lang=en`. */
export const notificationQuerySchema = z.object({
  unread: z.enum(['0', '1', 'true', 'false'], { error: 'unread_invalid' }).optional(),
  limit: z.coerce.number({ error: 'limit_invalid' }).int('limit_invalid').min(1, 'limit_invalid').max(100, 'limit_invalid').default(50),
  lang: z.enum(LOCALES, { error: 'lang_invalid' }).optional(),
});

const notificationId = z
  .string({ error: 'notification_ids_invalid' })
  .min(1, 'notification_ids_invalid')
  .max(100, 'notification_ids_invalid');

/** `{ ids: [...] }` or `{ all: true }`. */
export const markReadSchema = z
  .strictObject(
    {
      ids: z
        .array(notificationId, { error: 'notification_ids_invalid' })
        .min(1, 'notification_ids_invalid')
        .max(MAX_READ_IDS, 'notification_ids_invalid')
        .optional(),
      all: z.literal(true, { error: 'notification_ids_invalid' }).optional(),
    },
    { error: 'notification_ids_invalid' },
  )
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), 'notification_ids_invalid');
export type MarkReadRequest = z.infer<typeof markReadSchema>;
