import { withConsultationDefaults } from '../../lib/access/consultation';
import type { DocumentMeta, DocumentMetaPatch } from '../../lib/storage/MetadataStore';

export type MetaPatch = DocumentMetaPatch;

/** Only the patchable fields, and only those present: a stray key at run time changes nothing. */
export function applyMetaPatch(meta: DocumentMeta, patch: MetaPatch): DocumentMeta {
  return {
    ...meta,
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.updatedAt !== undefined && { updatedAt: patch.updatedAt }),
    ...(patch.epoch !== undefined && { epoch: patch.epoch }),
    ...(patch.retiredClients !== undefined && { retiredClients: [...patch.retiredClients] }),
    ...(patch.workspaceId !== undefined && { workspaceId: patch.workspaceId }),
    ...(patch.visibility !== undefined && { visibility: patch.visibility }),
    ...(patch.state !== undefined && { state: patch.state }),
    ...(patch.grants !== undefined && { grants: structuredClone(patch.grants) }),
    ...(patch.tags !== undefined && { tags: [...patch.tags] }),
    ...(patch.supporters !== undefined && { supporters: [...patch.supporters] }),
    ...(patch.consultation !== undefined && { consultation: withConsultationDefaults(patch.consultation) }),
    // The creator's id never changes; only the name it is shown with (a deleted account's becomes "Tidligere deltager").
    ...(patch.createdBy !== undefined && { createdBy: { id: meta.createdBy.id, name: patch.createdBy.name } }),
  };
}
