/**
 * GET: the document's comments as the viewer may see them, what the viewer may do, and the
 * consultation's settings (CommentsResponse, lib/comments/views.ts): anyone who can read the document.
 * POST `{ kind, anchor, text, replacement?, clientKey? }`: a comment or a suggestion on a passage
 * (201; a repeat of the same clientKey by the same author answers 200 with the first record).
 */
import { createCommentSchema } from '../../../../../lib/comments/commentSchemas';
import { getServices } from '../../../../../lib/services';
import { NO_STORE } from '../../../../_server/commentResponses';
import { commentWrite } from '../../../../_server/commentWrite';
import { handle } from '../../../../_server/http';
import { readParticipant } from '../../../../_server/readParticipant';
import { idempotencyKey } from '../../../../_server/idempotencyKey';
import { documentIdParam } from '../../../../_server/documentIdParam';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function GET(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const { id } = await context.params;
    const listed = await getServices().comments.list(await readParticipant(request), documentIdParam(id));
    return Response.json(listed, { headers: NO_STORE });
  });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return commentWrite(
    request,
    context,
    createCommentSchema,
    (comments, who, { id }, input) => comments.create(who, id, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
    { created: true },
  );
}
