/** PUT `{ status, text }`: the official answer to a comment or suggestion (those who may edit the document). */
import { COMMENT_BODY_MAX_BYTES, answerSchema } from '../../../../../../../lib/comments/commentSchemas';
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
    const input = await readJson(request, answerSchema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(await getServices().comments.answer(who, id, cid, input));
  });
}
