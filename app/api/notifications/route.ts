/**
 * GET `?unread=1&limit=50&lang=en`: the signed-in person's notifications, newest first, that they may
 * still read (can() asked now), each with its sentence in the asked language (the request's by default), and
 * the unread count, and the path it leads to (`/d/<id>`, `#kommentar-<comment>` for one comment). Signed out: 401.
 */
import { translator } from '../../../lib/i18n/translator';
import { notificationPath } from '../../../lib/notifications/notificationPath';
import { notificationText } from '../../../lib/notifications/notificationText';
import { getServices } from '../../../lib/services';
import { notificationQuerySchema } from '../../_shared/notificationSchemas';
import { firstIssueCode } from '../../_shared/schemas';
import { NO_STORE } from '../../_server/commentResponses';
import { HttpError, handle } from '../../_server/http';
import { requirePersonActor } from '../../_server/requirePersonActor';
import { requestLocale } from '../../_server/requestLocale';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const person = await requirePersonActor();
    const params = new URL(request.url).searchParams;
    const parsed = notificationQuerySchema.safeParse({
      unread: params.get('unread') ?? undefined,
      limit: params.get('limit') ?? undefined,
      lang: params.get('lang') ?? undefined,
    });
    if (!parsed.success) throw new HttpError(400, firstIssueCode(parsed.error));
    const { unread, limit, lang } = parsed.data;
    const t = translator(lang ?? (await requestLocale()));
    const list = await getServices().notifications.list(person, { unreadOnly: unread === '1' || unread === 'true', limit });
    return Response.json(
      {
        unread: list.unread,
        items: list.items.map((item) => ({
          id: item.id,
          kind: item.kind,
          documentId: item.documentId,
          at: item.at,
          read: item.read,
          text: notificationText(t, item),
          // Where it leads: the document's page, at the comment for notifications about one.
          path: notificationPath(item),
        })),
      },
      { headers: NO_STORE },
    );
  });
}
