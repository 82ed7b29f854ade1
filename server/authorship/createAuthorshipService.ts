/**
 * The authorship read (lib/authorship/AuthorshipService.ts): the gate first (`view_history`, or
 * `view` for a version's contributors), then the document's state and folded attribution from the
 * sync server's room (one Y.Doc stays the truth for a loaded document), names resolved now.
 */
import * as Y from 'yjs';
import { passGate } from '../../lib/access/gate';
import type { Action, Actor } from '../../lib/access/model';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import type { AuthorshipService } from '../../lib/authorship/AuthorshipService';
import { authorKeysOf, buildAuthorship } from '../../lib/authorship/buildAuthorship';
import { resolveAuthors, type AuthorNames } from '../../lib/authorship/resolveAuthors';
import { documentResourceOf, type DocumentService } from '../../lib/documents/DocumentService';
import type { DocumentId } from '../../lib/documentId';
import { BODY_FRAGMENT } from '../../lib/protocol';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import { loadBodyTools } from '../../lib/editor/loadBodyTools';

export interface AuthorshipServiceDeps extends AuthorNames {
  readonly documents: Pick<DocumentService, 'get'>;
  /** SyncServer.readAuthorship: the body now and its attribution (an encoded table), from the room. */
  readonly readAuthorship: (documentId: string) => Promise<{ readonly state: Uint8Array; readonly attribution: Uint8Array }>;
  readonly now?: () => Date;
}

export function createAuthorshipService(deps: AuthorshipServiceDeps): AuthorshipService {
  const now = deps.now ?? (() => new Date());
  const gate = (actor: Actor, id: DocumentId, action: Action) =>
    passGate({ actor, action, load: () => deps.documents.get(id), resourceOf: (meta: DocumentMeta) => documentResourceOf(meta, now()) });

  async function authorshipOf(state: Uint8Array, attribution: Uint8Array) {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const table = AuthorshipTable.fromStored([attribution]);
      const authors = await resolveAuthors(authorKeysOf(table), deps);
      const { bodySchema } = await loadBodyTools();
      return buildAuthorship(doc.getXmlFragment(BODY_FRAGMENT), bodySchema(), table, authors);
    } finally {
      doc.destroy();
    }
  }

  return {
    async read(actor, documentId) {
      await gate(actor, documentId, 'view_history');
      const { state, attribution } = await deps.readAuthorship(documentId);
      return authorshipOf(state, attribution);
    },
    async contributorsOf(actor, documentId, state) {
      await gate(actor, documentId, 'view');
      return contributorsOfState(documentId, state);
    },
    frozenContributors: contributorsOfState,
  };

  /** Who wrote the text of `state` (a frozen copy of the body), by the document's attribution now (which covers it). */
  async function contributorsOfState(documentId: string, state: Uint8Array) {
    const { attribution } = await deps.readAuthorship(documentId);
    return (await authorshipOf(state, attribution)).contributors.filter((contributor) => contributor.chars > 0);
  }
}
