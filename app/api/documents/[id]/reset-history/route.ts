/**
 * POST: "Nulstil historik". Rewrites the stored body as a fresh Y.Doc with the same content (deleted
 * history and old item ids are cut off) and bumps the document's epoch; every live editor is closed
 * with 4409, and copies of the old history (in browsers' local copies, on reconnect) are refused
 * instead of merged back. For those who manage access (owners, admins): can(manage_access).
 * No body. Answers `{ epoch }`.
 */
import { getServices } from '../../../../../lib/services';
import { assertSameOrigin, handle } from '../../../../_server/http';
import { documentActs } from '../../../../_server/documentActs';
import { actorOf } from '../../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../../_server/requireDocumentAccess';

export const dynamic = 'force-dynamic';

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, id: documentId } = await requireDocumentAccess(id, 'manage_access');
    const meta = await documentActs().resetHistory(actorOf(principal), documentId);
    const { logger } = getServices();
    logger.info({ doc: id, epoch: meta.epoch, by: principal.personId }, 'document history reset');
    return Response.json({ epoch: meta.epoch }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
