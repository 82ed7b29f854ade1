/** PUT `{ supported }`: support a comment or suggestion (+1), or take the support back; one per person or guest, never one’s own. */
import { supportSchema } from '../../../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../../../_server/commentWrite';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return commentWrite(request, context, supportSchema, (comments, who, { id, cid }, input) =>
    comments.setSupport(who, id, cid, input.supported),
  );
}
