import type { Actor } from '../access/model';
import type { DocumentId } from '../documentId';
import type { Authorship, Contributor } from './Authorship';

/** Attributed history (issue 12): who wrote what, for editors; the contributors of a version, for its readers. */
export interface AuthorshipService {
  /** The body now, by author, with contributors and sessions. `view_history` (editors, owners, admins). */
  read(actor: Actor, documentId: DocumentId): Promise<Authorship>;
  /**
   * Who wrote the text of a frozen state of the document (a published version's `yjsState`), by the
   * document's attribution, names as they are now. `view` on the document.
   */
  contributorsOf(actor: Actor, documentId: DocumentId, state: Uint8Array): Promise<Contributor[]>;
  /**
   * Trusted (the caller has passed the gate: the version service while publishing): the same
   * without a gate, for a version being frozen, whose contributors are stored with it.
   */
  frozenContributors(documentId: string, state: Uint8Array): Promise<Contributor[]>;
}
