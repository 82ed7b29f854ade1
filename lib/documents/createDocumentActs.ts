import { DEFAULT_REFUSALS, passGate } from '../access/gate';
import type { Action, Actor } from '../access/model';
import type { DocumentId } from '../documentId';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { DocumentActs, OpenedDocument } from './DocumentActs';
import { documentResourceOf, type DocumentService } from './DocumentService';
import { phaseActionFor } from './phases';
import { emitSafely } from '../notifications/emitSafely';
import { grantEvents, phaseEvent } from '../notifications/documentEvents';
import type { Notify } from '../notifications/model';

/**
 * DocumentActs over a DocumentService: gate, then the change; a document gone in between is not found.
 * With `notify`, phase changes and new grants are told after they are stored (issue 12).
 */
export function createDocumentActs(documents: DocumentService, now: () => Date = () => new Date(), notify?: Notify): DocumentActs {
  async function open(actor: Actor, id: DocumentId, action: Action): Promise<OpenedDocument> {
    const { found: meta, resource } = await passGate({
      actor,
      action,
      load: () => documents.get(id),
      resourceOf: (found) => documentResourceOf(found, now()),
    });
    return { meta, resource };
  }

  async function change(actor: Actor, id: DocumentId, action: Action, work: () => Promise<DocumentMeta | null>): Promise<DocumentMeta> {
    return (await changeFrom(actor, id, action, work)).meta;
  }

  /** `change`, with the document as it was before. */
  async function changeFrom(actor: Actor, id: DocumentId, action: Action, work: () => Promise<DocumentMeta | null>) {
    const { meta: before } = await open(actor, id, action);
    const meta = await work();
    if (!meta) throw DEFAULT_REFUSALS.hidden(false);
    return { before, meta };
  }

  return {
    open,
    rename: (actor, id, title) => change(actor, id, 'edit', () => documents.rename(id, title)),
    async setGrants(actor, id, grants) {
      const { before, meta } = await changeFrom(actor, id, 'manage_access', () => documents.setGrants(id, grants));
      for (const event of grantEvents(actor, before.grants, meta, now().toISOString())) await emitSafely(notify, () => event);
      return meta;
    },
    setVisibility: (actor, id, visibility) => change(actor, id, 'manage_access', () => documents.setVisibility(id, visibility)),
    async setState(actor, id, state) {
      const { before, meta } = await changeFrom(actor, id, phaseActionFor(state), () => documents.setState(id, state));
      await emitSafely(notify, () => phaseEvent(actor, before.state, meta));
      return meta;
    },
    setConsultation: (actor, id, consultation) => change(actor, id, 'change_phase', () => documents.setConsultation(id, consultation)),
    resetHistory: (actor, id) => change(actor, id, 'manage_access', () => documents.resetHistory(id)),
  };
}
