/**
 * POST `{ action: hide | restore | keep, ground?, reason }`: a moderator acts on a comment (can()
 * `moderate` on its document): hide it (a ground is required; a placeholder stays, replies stay),
 * restore it, or mark it reviewed and kept. Hiding and keeping handle its open reports; every act is
 * logged with who and why (GET /api/moderation/log).
 */
import { moderationSchema } from '../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../_server/commentWrite';
import { idempotencyKey } from '../../../../_server/idempotencyKey';

export const dynamic = 'force-dynamic';

export function POST(request: Request, context: { params: Promise<{ cid: string }> }): Promise<Response> {
  return commentWrite(request, context, moderationSchema, (comments, who, { cid }, input) =>
    comments.moderate(who, cid, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
  );
}
