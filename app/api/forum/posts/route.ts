/**
 * The knowledge forum's posts (issue 14).
 * GET ?sort=recent|popular&tag=&limit=: the posts the caller may read (can() per post), recent
 *   (newest first) or popular (supports + replies), maybe only those with a tag; 400 with a code
 *   for a bad parameter.
 * POST { title, type: erfaring|artikel|case, tags?: string[], workspaceId? }: a new post in a forum
 *   (the first forum when no workspaceId), visible to everyone signed in; 201 with the post and
 *   Location /d/<id> (written in the normal editor). 401 signed out; 400 with a code for a bad body.
 */
import { getServices } from '../../../../lib/services';
import { createPostSchema } from '../../../../lib/forum/forumSchemas';
import { NO_STORE } from '../../../_server/commentResponses';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { readActor, readPrincipal } from '../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

const KNOWN = new Set(['sort', 'tag', 'limit']);

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    for (const key of new Set(params.keys())) {
      if (!KNOWN.has(key)) throw new HttpError(400, 'forum_param_unknown');
      if (params.getAll(key).length > 1) throw new HttpError(400, 'forum_param_repeated');
    }
    const list = await getServices().forum.list(await readActor(), Object.fromEntries(params));
    return Response.json(list, { headers: NO_STORE });
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const input = await readJson(request, createPostSchema);
    const post = await getServices().forum.create(principal.resolved.actor, { id: principal.personId, name: principal.label }, input);
    return Response.json({ post }, { status: 201, headers: { Location: `/d/${post.id}` } });
  });
}
