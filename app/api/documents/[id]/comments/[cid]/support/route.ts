/** PUT `{ supported }`: support a comment or suggestion (+1), or take the support back; one per person or guest, never one’s own. */
import { COMMENT_BODY_MAX_BYTES, supportSchema } from '../../../../../../../lib/comments/commentSchemas';
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
    const input = await readJson(request, supportSchema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(await getServices().comments.setSupport(who, id, cid, input.supported));
  });
}
