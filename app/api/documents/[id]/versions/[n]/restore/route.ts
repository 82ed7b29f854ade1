/**
 * POST: restores version `n` as new edits on top of the current draft (history is never rewritten),
 * attributed to the signed-in person restoring it; open editors receive the edits like anyone's.
 * Same-origin, no body. Signed out: 401, as the document's other writes (requireDocumentAccess).
 * Needs `edit` (the service checks). 201 `{ restoredFrom: n }`. A number that is not one (`0`, `01`,
 * `x`, too long) names no version: 404 `version_not_found` after the document's own check.
 */
import { parseDocumentId } from '../../../../../../../lib/documentId';
import { HttpError, assertSameOrigin, handle } from '../../../../../../_server/http';
import { readPrincipal } from '../../../../../../_server/readPrincipal';
import { getServices } from '../../../../../../../lib/services';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; n: string }> };
const VERSION_NUMBER = /^[1-9][0-9]{0,8}$/;

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const params = await context.params;
    const id = parseDocumentId(params.id);
    if (!id) throw new HttpError(404, 'not_found');
    // NaN for a malformed number: the service checks access first, then finds no such version.
    const number = VERSION_NUMBER.test(params.n) ? Number(params.n) : Number.NaN;
    const { restoredFrom } = await getServices().versions.restore(principal.actor, id, number);
    return Response.json({ restoredFrom }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}
