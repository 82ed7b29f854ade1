/**
 * PATCH `{ opensAt?, closesAt?, citizensMayComment?, organisationsMayComment?, guestsMayComment? }`:
 * when the consultation takes comments and from whom (can() `change_phase`, like the phase itself).
 * Dates are ISO 8601 with a time zone, or null for none; fields left out keep their value; the
 * closing must come after the opening (400 `closes_before_opens`). Answers with the consultation as
 * GET …/comments shows it. Settings may be prepared in any phase; they count during `consultation`.
 */
import { changedConsultation, isConsultationOpen } from '../../../../../lib/access/consultation';
import { consultationSettingsSchema } from '../../../../../lib/comments/commentSchemas';
import { toConsultationView } from '../../../../../lib/comments/views';
import { getServices } from '../../../../../lib/services';
import { NO_STORE } from '../../../../_server/commentResponses';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { documentActs } from '../../../../_server/documentActs';
import { actorOf } from '../../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../../_server/requireDocumentAccess';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, id: documentId } = await requireDocumentAccess(id, 'change_phase');
    const change = await readJson(request, consultationSettingsSchema);
    const { documents, logger } = getServices();
    const current = await documents.get(documentId);
    if (!current) throw new HttpError(404, 'not_found');
    const next = changedConsultation(current.consultation, change);
    if (!next.ok) throw new HttpError(400, next.code);
    const meta = await documentActs().setConsultation(actorOf(principal), documentId, next.settings);
    logger.info({ doc: id, by: principal.personId }, 'consultation settings changed');
    // Open clients refetch the comments answer, which carries the consultation and their capabilities.
    await getServices().comments.consultationChanged(documentId);
    const view = toConsultationView(meta.state, meta.consultation, isConsultationOpen(meta.state, meta.consultation, new Date()));
    return Response.json({ consultation: view }, { headers: NO_STORE });
  });
}
