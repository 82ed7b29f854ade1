/** POST `{ text, clientKey? }`: a reply in the thread of comment [cid] (201; a repeated clientKey answers 200 with the first reply). */
import { replySchema } from '../../../../../../../lib/comments/commentSchemas';
import { commentWrite } from '../../../../../../_server/commentWrite';
import { idempotencyKey } from '../../../../../../_server/idempotencyKey';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; cid: string }> };

export function POST(request: Request, context: Context): Promise<Response> {
  return commentWrite(
    request,
    context,
    replySchema,
    (comments, who, { id, cid }, input) => comments.reply(who, id, cid, { ...input, clientKey: idempotencyKey(request, input.clientKey) }),
    { created: true },
  );
}
