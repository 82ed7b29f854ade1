/**
 * GET /api/search?q=<words>&workspace=&kind=&phase=&tag=&limit= (issue 14): documents and comments
 * the caller may read now (signed in, a guest or anonymous: can() decides per hit), best first, each
 * with a plain-text snippet and the ranges of its matched words. Unknown or repeated parameters,
 * a missing or too long `q`, a bad filter or a limit outside 1–50 answer 400 with a code; more than
 * 120 searches a minute (per person, or per address when signed out) 429 `rate_limited`.
 */
import { getServices } from '../../../lib/services';
import { readSearchParams } from '../../../lib/search/searchParams';
import { searchHitPath } from '../../../lib/search/searchHitPath';
import { clientIp } from '../../_server/clientIp';
import { NO_STORE } from '../../_server/commentResponses';
import { HttpError, handle } from '../../_server/http';
import { readActor } from '../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = readSearchParams(new URL(request.url).searchParams, { strict: true });
    if (!parsed.ok) throw new HttpError(400, parsed.code);
    const found = await getServices().search.search(await readActor(), parsed.request, clientIp(request));
    return Response.json(
      {
        results: found.results.map((hit) => ({
          kind: hit.kind,
          documentId: hit.documentId,
          ...(hit.commentId !== undefined && { commentId: hit.commentId }),
          title: hit.title,
          titleHighlights: hit.titleHighlights,
          snippet: hit.snippet,
          highlights: hit.highlights,
          score: hit.score,
          workspaceId: hit.workspaceId,
          phase: hit.state,
          path: searchHitPath(hit),
        })),
        more: found.more,
      },
      { headers: NO_STORE },
    );
  });
}
