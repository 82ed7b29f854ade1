/**
 * GET: the public account of a document's moderation (anyone who can read it): how many comments are
 * hidden, how many on each ground, and how many reported ones were reviewed and kept.
 */
import { getServices } from '../../../../../lib/services';
import { NO_STORE } from '../../../../_server/commentResponses';
import { handle } from '../../../../_server/http';
import { readParticipant } from '../../../../_server/readParticipant';
import { documentIdParam } from '../../../../_server/documentIdParam';

export const dynamic = 'force-dynamic';

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await context.params;
    const summary = await getServices().comments.summary(await readParticipant(request), documentIdParam(id));
    return Response.json(summary, { headers: NO_STORE });
  });
}
