import { DEFAULT_REFUSALS, passGate } from '../access/gate';
import type { Action, Actor } from '../access/model';
import type { DocumentId } from '../documentId';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { DocumentActs, OpenedDocument } from './DocumentActs';
import { documentResourceOf, type DocumentService } from './DocumentService';
import { phaseActionFor } from './phases';

/** DocumentActs over a DocumentService: gate, then the change; a document gone in between is not found. */
export function createDocumentActs(documents: DocumentService, now: () => Date = () => new Date()): DocumentActs {
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
    await open(actor, id, action);
    const meta = await work();
    if (!meta) throw DEFAULT_REFUSALS.hidden(false);
    return meta;
  }

  return {
    open,
    rename: (actor, id, title) => change(actor, id, 'edit', () => documents.rename(id, title)),
    setGrants: (actor, id, grants) => change(actor, id, 'manage_access', () => documents.setGrants(id, grants)),
    setVisibility: (actor, id, visibility) => change(actor, id, 'manage_access', () => documents.setVisibility(id, visibility)),
    setState: (actor, id, state) => change(actor, id, phaseActionFor(state), () => documents.setState(id, state)),
    setConsultation: (actor, id, consultation) => change(actor, id, 'change_phase', () => documents.setConsultation(id, consultation)),
    resetHistory: (actor, id) => change(actor, id, 'manage_access', () => documents.resetHistory(id)),
  };
}
