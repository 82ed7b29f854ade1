/** POST `{ ground, note? }`: report a comment to the moderators (anyone who can read the document, signed in or as a guest; one open report per reporter). */
import { COMMENT_BODY_MAX_BYTES, reportSchema } from '../../../../../../../lib/comments/commentSchemas';
import { getServices } from '../../../../../../../lib/services';
import { writtenResponse } from '../../../../../../_server/commentResponses';
import { assertSameOrigin, handle, readJson } from '../../../../../../_server/http';
import { readParticipant } from '../../../../../../_server/readParticipant';
import { idempotencyKey } from '../../../../../../_server/idempotencyKey';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id, cid } = await context.params;
    const who = await readParticipant(request);
    const input = await readJson(request, reportSchema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(
      await getServices().comments.report(who, id, cid, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
      true,
    );
  });
}
