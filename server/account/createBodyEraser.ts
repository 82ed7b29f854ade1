/**
 * What "delete" does to a document a deleted account alone owned: its text is removed as a server
 * edit (through the sync server, so open editors see it go and it is stored before they do), then
 * the history is reset, so the removed text is not kept in the stored log either. Published versions
 * stay (they are public records) and so do other people's comments on it.
 */
import * as Y from 'yjs';
import type { DocumentService } from '../../lib/documents/DocumentService';
import { BODY_FRAGMENT } from '../../lib/protocol';

export type BodyEraser = (documentId: string) => Promise<void>;

export function createBodyEraser(deps: {
  readonly readDocumentState: (documentId: string) => Promise<Uint8Array>;
  /** SyncServer.applyServerUpdate: resolves once the update is durable. */
  readonly applyServerUpdate: (documentId: string, update: Uint8Array) => Promise<void>;
  readonly documents: Pick<DocumentService, 'resetHistory'>;
}): BodyEraser {
  return async (documentId) => {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await deps.readDocumentState(documentId));
      const before = Y.encodeStateVector(doc);
      const body = doc.getXmlFragment(BODY_FRAGMENT);
      if (body.length === 0) return;
      doc.transact(() => body.delete(0, body.length));
      await deps.applyServerUpdate(documentId, Y.encodeStateAsUpdate(doc, before));
    } finally {
      doc.destroy();
    }
    await deps.documents.resetHistory(documentId);
  };
}
