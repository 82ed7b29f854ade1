import type { Action, Actor, ConsultationSettings, DocumentResource, DocumentState, Grant, Visibility } from '../access/model';
import type { DocumentId } from '../documentId';
import type { DocumentMeta } from '../storage/MetadataStore';

/** A document the gate let an actor act on, as it stood when it was judged. */
export interface OpenedDocument {
  readonly meta: DocumentMeta;
  readonly resource: DocumentResource;
}

/**
 * The DocumentService's changes as an actor makes them: each passes the access gate (lib/access/gate.ts)
 * first, whatever the caller checked, and refuses with DomainError `not_found` (not visible, or gone)
 * or `forbidden`. The DocumentService itself stays the trusted layer for the server's own work (the
 * sync server, invite acceptance, seeding).
 */
export interface DocumentActs {
  /** The document when the actor may do `action` on it. */
  open(actor: Actor, id: DocumentId, action: Action): Promise<OpenedDocument>;
  /** Needs `edit`. */
  rename(actor: Actor, id: DocumentId, title: string): Promise<DocumentMeta>;
  /** Needs `manage_access`. */
  setGrants(actor: Actor, id: DocumentId, grants: readonly Grant[]): Promise<DocumentMeta>;
  /** Needs `manage_access`. */
  setVisibility(actor: Actor, id: DocumentId, visibility: Visibility): Promise<DocumentMeta>;
  /** Needs `publish` for a move into final, `change_phase` for any other (lib/documents/phases.ts). */
  setState(actor: Actor, id: DocumentId, state: DocumentState): Promise<DocumentMeta>;
  /** Needs `change_phase`. */
  setConsultation(actor: Actor, id: DocumentId, consultation: ConsultationSettings): Promise<DocumentMeta>;
  /** Needs `manage_access`. */
  resetHistory(actor: Actor, id: DocumentId): Promise<DocumentMeta>;
}
