/**
 * GET `?q=<prefix>`: people who can read the document and may be mentioned in it (issue 12): at most
 * MENTIONABLE_LIMIT, from the people around the document (grants, organisations and workspace,
 * creator, commenters, followers), each checked with can(view); names and ids only, never e-mails.
 * Answers `{ people: [{ id, name }], canShare }`. Signed out 401; a document the asker cannot read 404.
 */
import { MENTION_QUERY_MAX_LENGTH } from '../../../../../lib/mentions/model';
import { getServices } from '../../../../../lib/services';
import { z } from '../../../../../lib/zodWithoutEval';
import { NO_STORE } from '../../../../_server/commentResponses';
import { documentIdParam } from '../../../../_server/documentIdParam';
import { HttpError, handle } from '../../../../_server/http';
import { requirePersonActor } from '../../../../_server/requirePersonActor';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const querySchema = z
  .string()
  .max(MENTION_QUERY_MAX_LENGTH)
  // Names hold no control characters; a query with one is refused rather than matched.
  .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value));

export function GET(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const person = await requirePersonActor();
    const id = documentIdParam((await context.params).id);
    const params = new URL(request.url).searchParams;
    if (params.getAll('q').length > 1) throw new HttpError(400, 'query_invalid');
    const q = querySchema.safeParse(params.get('q') ?? '');
    if (!q.success) throw new HttpError(400, 'query_invalid');
    return Response.json(await getServices().mentions.mentionable(person, id, q.data), { headers: NO_STORE });
  });
}
