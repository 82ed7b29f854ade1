/**
 * PATCH `{ text, replacement?, mentions? }`: the author edits their own comment (not once it is
 * answered); `mentions` (all the ids the new text mentions) replaces the stored ones, and people
 * newly mentioned are told once. Answers `refusedMentions` when `mentions` was sent.
 * DELETE: the author deletes their own comment; a placeholder keeps its place and replies.
 * Moderators do not delete: they hide (POST /api/moderation/comments/[cid]).
 */
import { editCommentSchema } from '../../../../../../lib/comments/commentSchemas';
import { getServices } from '../../../../../../lib/services';
import { writtenResponse } from '../../../../../_server/commentResponses';
import { commentWrite } from '../../../../../_server/commentWrite';
import { assertSameOrigin, handle } from '../../../../../_server/http';
import { readParticipant } from '../../../../../_server/readParticipant';
import { documentIdParam } from '../../../../../_server/documentIdParam';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function PATCH(request: Request, context: Context): Promise<Response> {
  return commentWrite(request, context, editCommentSchema, (comments, who, { id, cid }, input) => comments.edit(who, id, cid, input));
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id, cid } = await context.params;
    return writtenResponse(await getServices().comments.remove(await readParticipant(request), documentIdParam(id), cid));
  });
}
