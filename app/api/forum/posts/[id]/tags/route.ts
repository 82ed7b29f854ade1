/**
 * PUT { tags: string[] }: replaces a forum post's tags (issue 14), for those who may edit it;
 * normalised (trimmed, lower-case, ≤ 32 characters, ≤ 8). 404 for no post (or one the caller may
 * not read), 403 for a reader, 400 with a code for a bad tag. Search hears of the change.
 */
import { getServices } from '../../../../../../lib/services';
import { postTagsSchema } from '../../../../../../lib/forum/forumSchemas';
import { documentIdParam } from '../../../../../_server/documentIdParam';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { readPrincipal } from '../../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function PUT(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const id = documentIdParam((await context.params).id);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const input = await readJson(request, postTagsSchema);
    const post = await getServices().forum.setTags(principal.resolved.actor, id, input);
    return Response.json({ post });
  });
}
