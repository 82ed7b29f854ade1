/** POST `{ ground, note? }`: report a comment to the moderators (anyone who can read the document, signed in or as a guest; one open report per reporter). */
import { reportSchema } from '../../../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../../../_server/commentWrite';
import { idempotencyKey } from '../../../../../../_server/idempotencyKey';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function POST(request: Request, context: Context): Promise<Response> {
  return commentWrite(
    request,
    context,
    reportSchema,
    (comments, who, { id, cid }, input) => comments.report(who, id, cid, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
    { created: true },
  );
}
