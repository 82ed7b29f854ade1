/**
 * Following a document (issue 12): GET whether the signed-in person follows it, PUT to follow, DELETE
 * to stop. Anyone who can read the document may; a document they cannot read is 404, signed out 401.
 * Answers `{ following, implicit }` (implicit: owners, the creator and commenters follow until they choose).
 */
import { getServices } from '../../../../../lib/services';
import { NO_STORE } from '../../../../_server/commentResponses';
import { documentIdParam } from '../../../../_server/documentIdParam';
import { assertSameOrigin, handle } from '../../../../_server/http';
import { requirePersonActor } from '../../../../_server/requirePersonActor';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const person = await requirePersonActor();
    const id = documentIdParam((await context.params).id);
    return Response.json(await getServices().notifications.following(person, id), { headers: NO_STORE });
  });
}

export function PUT(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const person = await requirePersonActor();
    const id = documentIdParam((await context.params).id);
    return Response.json(await getServices().notifications.follow(person, id), { headers: NO_STORE });
  });
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const person = await requirePersonActor();
    const id = documentIdParam((await context.params).id);
    return Response.json(await getServices().notifications.unfollow(person, id), { headers: NO_STORE });
  });
}
