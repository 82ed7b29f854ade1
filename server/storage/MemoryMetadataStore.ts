import type { DocumentMeta, MetadataStore } from '../../lib/storage/MetadataStore';
import { applyMetaPatch, type MetaPatch } from './applyMetaPatch';
import { byNewestFirst } from './byNewestFirst';

/** In-memory MetadataStore for unit tests. Same contract as LowMetadataStore, no file. */
export class MemoryMetadataStore implements MetadataStore {
  private readonly documents = new Map<string, DocumentMeta>();

  async listDocuments(): Promise<DocumentMeta[]> {
    return [...this.documents.values()].sort(byNewestFirst).map((meta) => structuredClone(meta));
  }

  async getDocument(id: string): Promise<DocumentMeta | null> {
    const meta = this.documents.get(id);
    return meta ? structuredClone(meta) : null;
  }

  async createDocument(meta: DocumentMeta): Promise<DocumentMeta> {
    if (this.documents.has(meta.id)) throw new Error(`a document with id ${meta.id} exists already`);
    this.documents.set(meta.id, structuredClone(meta));
    return structuredClone(meta);
  }

  async updateDocument(id: string, patch: MetaPatch): Promise<DocumentMeta | null> {
    const meta = this.documents.get(id);
    if (!meta) return null;
    const updated = applyMetaPatch(meta, patch);
    this.documents.set(id, updated);
    return structuredClone(updated);
  }

  async close(): Promise<void> {}
}
