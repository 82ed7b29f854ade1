/**
 * PATCH `{ state }`: move a document to another phase (lib/documents/phases.ts). A move into final
 * is a `publish`, any other a `change_phase`, and can() decides it before the lifecycle does: a
 * person who may not make the move learns nothing about which moves exist (404 when they cannot
 * view the document, 403 otherwise); one who may gets 409 for a move that does not exist. Live sync
 * connections are re-checked at once (a final document turns its editors into readers), and open
 * comment panels are told to refetch. Versions (issue 9): a move into consultation first freezes the
 * consultation draft, a move into final first publishes a version when the current text has none
 * (summary ''); the answer's `version` is the one frozen, or null.
 */
import { can } from '../../../../../lib/access/can';
import { documentResourceOf } from '../../../../../lib/documents/DocumentService';
import { phaseActionFor, transitionBetween } from '../../../../../lib/documents/phases';
import { getServices } from '../../../../../lib/services';
import { changeStateSchema } from '../../../../_shared/schemas';
import { versionJson } from '../../../../_shared/versionSchemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { actorOf } from '../../../../_server/readPrincipal';
import { documentActs } from '../../../../_server/documentActs';
import { requireDocumentAccess } from '../../../../_server/requireDocumentAccess';
import { toDocumentSummary } from '../../../../_server/toDocumentSummary';
import { emitSafely } from '../../../../../lib/notifications/emitSafely';
import { phaseEvent } from '../../../../../lib/notifications/documentEvents';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { state } = await readJson(request, changeStateSchema);
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, phaseActionFor(state));
    if (!transitionBetween(resource.state, state)) throw new HttpError(409, 'transition_invalid');
    const { comments, logger, versions, accountStore } = getServices();
    // Frozen before the move, so the version records the phase it closes.
    const by = { id: principal.personId, name: (await accountStore.getPerson(principal.personId))?.name ?? principal.label };
    const frozen = await versions.freezeForPhase(documentId, state, by);
    if (frozen)
      logger.info({ doc: id, version: frozen.number, kind: frozen.kind, by: principal.personId }, 'version frozen by a phase change');
    const meta = await documentActs().setState(actorOf(principal), documentId, state);
    // A move into final is told as its new version; one that made none (the text was published already) as a move (issue 12).
    if (state === 'final' && !frozen)
      await emitSafely(getServices().notifications.notify, () => phaseEvent(actorOf(principal), resource.state, meta, true));
    // Who may comment changed with the phase: open comment panels refetch (MessageType.commentsChanged).
    await comments.consultationChanged(documentId);
    logger.info({ doc: id, from: resource.state, to: state, by: principal.personId }, 'document phase changed');
    const canEdit = can(actorOf(principal), 'edit', documentResourceOf(meta)).allowed;
    return Response.json({ document: toDocumentSummary(meta, canEdit), state: meta.state, version: frozen ? versionJson(frozen) : null });
  });
}
