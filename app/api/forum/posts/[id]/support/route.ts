/**
 * "Synes godt om" on a forum post (issue 14): PUT supports it, DELETE takes the support back; both
 * idempotent, for signed-in people who may reply to it (can() `comment`). Answers the post with its
 * counts. 404 for no post (or one the caller may not read), 401 signed out.
 */
import { getServices } from '../../../../../../lib/services';
import { documentIdParam } from '../../../../../_server/documentIdParam';
import { HttpError, assertSameOrigin, handle } from '../../../../../_server/http';
import { readPrincipal } from '../../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

function support(request: Request, context: Context, on: boolean): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const id = documentIdParam((await context.params).id);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const post = await getServices().forum.support(principal.resolved.actor, id, on);
    return Response.json({ post });
  });
}

export const PUT = (request: Request, context: Context) => support(request, context, true);
export const DELETE = (request: Request, context: Context) => support(request, context, false);
