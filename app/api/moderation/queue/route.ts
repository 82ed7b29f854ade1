/**
 * GET: the moderation queue (moderators and admins): comments with open reports, still visible, on
 * every document the moderator may moderate, the longest-waiting first, each with its document and
 * the reports' grounds and notes (never who reported).
 */
import { getServices } from '../../../../lib/services';
import { NO_STORE } from '../../../_server/commentResponses';
import { handle } from '../../../_server/http';
import { readParticipant } from '../../../_server/readParticipant';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const items = await getServices().comments.queue(await readParticipant(request));
    return Response.json({ items }, { headers: NO_STORE });
  });
}
