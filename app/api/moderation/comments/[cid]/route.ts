/**
 * POST `{ action: hide | restore | keep, ground?, reason }`: a moderator acts on a comment (can()
 * `moderate` on its document): hide it (a ground is required; a placeholder stays, replies stay),
 * restore it, or mark it reviewed and kept. Hiding and keeping handle its open reports; every act is
 * logged with who and why (GET /api/moderation/log).
 */
import { COMMENT_BODY_MAX_BYTES, moderationSchema } from '../../../../../lib/comments/commentSchemas';
import { getServices } from '../../../../../lib/services';
import { writtenResponse } from '../../../../_server/commentResponses';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { readParticipant } from '../../../../_server/readParticipant';
import { idempotencyKey } from '../../../../_server/idempotencyKey';

export const dynamic = 'force-dynamic';

export function POST(request: Request, context: { params: Promise<{ cid: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { cid } = await context.params;
    const who = await readParticipant(request);
    const input = await readJson(request, moderationSchema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(
      await getServices().comments.moderate(who, cid, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
    );
  });
}
