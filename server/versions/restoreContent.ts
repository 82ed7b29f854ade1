/**
 * What the version service calls to restore a version (VersionService.restore, after its access
 * check): the version's body applied as new edits on top of the live document (restoreUpdate), through
 * the sync server, so open editors receive it like anyone's edits and it is stored before they do.
 */
import { personAuthor, type AuthorKey } from '../../lib/authorship/model';
import type { SyncLogger } from '../sync/SyncLogger';
import type { DocumentVersion } from '../../lib/versions/model';
import type { PersonRef } from '../../lib/storage/MetadataStore';
import { loadBodyTools } from '../../lib/editor/loadBodyTools';

export type RestoreContent = (documentId: string, version: DocumentVersion, by: PersonRef) => Promise<void>;

export interface RestoreContentDeps {
  /** SyncServer.readDocumentState: the live body as one update. */
  readonly readDocumentState: (documentId: string) => Promise<Uint8Array>;
  /** SyncServer.applyServerUpdate: resolves once the update is durable. */
  readonly applyServerUpdate: (documentId: string, update: Uint8Array, by?: AuthorKey) => Promise<void>;
  readonly logger: Pick<SyncLogger, 'info'>;
}

export function createRestoreContent({ readDocumentState, applyServerUpdate, logger }: RestoreContentDeps): RestoreContent {
  return async (documentId, version, by) => {
    // Edits made between this read and the write below stay: the restore's edits merge with them.
    const { restoreUpdate } = await loadBodyTools();
    const current = await readDocumentState(documentId);
    const { update, path, clientId } = restoreUpdate(current, version);
    // The restored text counts as the restorer's (attributed history), as if they had typed it back.
    await applyServerUpdate(documentId, update, personAuthor(by.id));
    logger.info({ doc: documentId, version: version.number, by: by.id, path, client: clientId }, 'restored a version as new edits');
  };
}
