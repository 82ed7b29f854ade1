/** PUT `{ decision: accepted | declined, reason }`: decide on a suggestion (editors; a reason to decline). The editor’s browser applies an accepted suggestion to the body as a normal edit before calling this. */
import { decisionSchema } from '../../../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../../../_server/commentWrite';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return commentWrite(request, context, decisionSchema, (comments, who, { id, cid }, input) => comments.decide(who, id, cid, input));
}
