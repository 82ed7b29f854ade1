import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import type { DocumentSummary } from '../_shared/DocumentSummary';

/** What the browser gets to see of a document's metadata. */
export function toDocumentSummary(meta: DocumentMeta, canEdit = false): DocumentSummary {
  return {
    id: meta.id,
    title: meta.title,
    template: meta.template,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    createdByName: meta.createdBy.name,
    canEdit,
  };
}
