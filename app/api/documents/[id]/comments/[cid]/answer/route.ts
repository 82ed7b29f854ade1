/** PUT `{ status, text }`: the official answer to a comment or suggestion (those who may edit the document). */
import { answerSchema } from '../../../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../../../_server/commentWrite';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return commentWrite(request, context, answerSchema, (comments, who, { id, cid }, input) => comments.answer(who, id, cid, input));
}
