/** PUT `{ decision: accepted | declined, reason }`: decide on a suggestion (editors; a reason to decline). The editor’s browser applies an accepted suggestion to the body as a normal edit before calling this. */
import { COMMENT_BODY_MAX_BYTES, decisionSchema } from '../../../../../../../lib/comments/commentSchemas';
import { getServices } from '../../../../../../../lib/services';
import { writtenResponse } from '../../../../../../_server/commentResponses';
import { assertSameOrigin, handle, readJson } from '../../../../../../_server/http';
import { readParticipant } from '../../../../../../_server/readParticipant';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id, cid } = await context.params;
    const who = await readParticipant(request);
    const input = await readJson(request, decisionSchema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(await getServices().comments.decide(who, id, cid, input));
  });
}
