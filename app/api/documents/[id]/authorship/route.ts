/**
 * GET: who wrote which ranges of the body, and when (`{ ranges, contributors, sessions }`, docs/API.md):
 * the document's editors, owners and admins (`view_history`). Ranges are ProseMirror positions.
 */
import { parseDocumentId } from '../../../../../lib/documentId';
import { getServices } from '../../../../../lib/services';
import { HttpError, handle } from '../../../../_server/http';
import { readPrincipal } from '../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const id = parseDocumentId((await context.params).id);
    if (!id) throw new HttpError(404, 'not_found');
    const authorship = await getServices().authorship.read(principal.actor, id);
    return Response.json(authorship, { headers: { 'Cache-Control': 'no-store' } });
  });
}
