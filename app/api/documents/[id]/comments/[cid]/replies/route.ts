/** POST `{ text, clientKey? }`: a reply in the thread of comment [cid] (201; a repeated clientKey answers 200 with the first reply). */
import { COMMENT_BODY_MAX_BYTES, replySchema } from '../../../../../../../lib/comments/commentSchemas';
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
    const input = await readJson(request, replySchema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(
      await getServices().comments.reply(who, id, cid, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
      true,
    );
  });
}
