/**
 * POST `{ ids: [...] }` or `{ all: true }`: marks the signed-in person's own notifications read
 * (others' ids are ignored); answers how many changed and the unread count now. Signed out: 401.
 */
import { getServices } from '../../../../lib/services';
import { MARK_READ_MAX_BYTES, markReadSchema } from '../../../_shared/notificationSchemas';
import { NO_STORE } from '../../../_server/commentResponses';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { requirePersonActor } from '../../../_server/requirePersonActor';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const person = await requirePersonActor();
    const body = await readJson(request, markReadSchema, MARK_READ_MAX_BYTES);
    const { notifications } = getServices();
    const marked = await notifications.markRead(person, body.all ? 'all' : (body.ids ?? []));
    return Response.json({ marked, unread: await notifications.unreadCount(person) }, { headers: NO_STORE });
  });
}
