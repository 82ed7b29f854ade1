/** PUT `{ resolved }`: resolve or reopen a thread (those who may edit the document). */
import { resolutionSchema } from '../../../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../../../_server/commentWrite';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return commentWrite(request, context, resolutionSchema, (comments, who, { id, cid }, input) =>
    comments.setResolved(who, id, cid, input.resolved),
  );
}
