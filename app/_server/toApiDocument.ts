import type { DocumentMeta } from '../../lib/storage/MetadataStore';

/** A document as the platform API shows it (docs/openapi.yaml: Document). */
export function toApiDocument(meta: DocumentMeta) {
  return {
    id: meta.id,
    title: meta.title,
    template: meta.template,
    visibility: meta.visibility,
    state: meta.state,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    embedPath: `/embed/${meta.id}`,
  };
}
