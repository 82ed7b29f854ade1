/**
 * MetadataStore in a lowdb JSON file (`<DATA_DIR>/meta.json`), written through SerialJsonFile
 * (serialised, durable, rolled back on a failed write). This process must be the file's only writer.
 *
 * lowdb through our own adapter, not `JSONFilePreset`: the preset silently keeps data in memory
 * when NODE_ENV=test, and these tests must hit the disk.
 */
import { SerialJsonFile } from './SerialJsonFile';
import type { DocumentMeta, MetadataStore } from '../../lib/storage/MetadataStore';
import { applyMetaPatch, type MetaPatch } from './applyMetaPatch';
import { byNewestFirst } from './byNewestFirst';
import { withAccessDefaults, type StoredDocumentMeta } from './withAccessDefaults';
import { metaFileSchema } from './metaFileSchema';
import { parseStoreFile } from './parseStoreFile';

interface MetaFile {
  documents: Record<string, DocumentMeta>;
}

export class LowMetadataStore implements MetadataStore {
  private readonly file: SerialJsonFile<MetaFile>;

  /** @param path the JSON file, normally `<DATA_DIR>/meta.json`; created on the first write. */
  constructor(path: string) {
    this.file = new SerialJsonFile(path, { what: 'document metadata', empty: () => ({ documents: {} }), parse: parseMetaFile });
  }

  async listDocuments(): Promise<DocumentMeta[]> {
    const data = await this.file.view();
    return Object.values(data.documents)
      .sort(byNewestFirst)
      .map((meta) => structuredClone(meta));
  }

  async getDocument(id: string): Promise<DocumentMeta | null> {
    const { documents } = await this.file.view();
    const meta = Object.hasOwn(documents, id) ? documents[id] : undefined;
    return meta ? structuredClone(meta) : null;
  }

  createDocument(meta: DocumentMeta): Promise<DocumentMeta> {
    return this.file.change((data) => {
      if (Object.hasOwn(data.documents, meta.id)) throw new Error(`a document with id ${meta.id} exists already`);
      const stored = structuredClone(meta);
      return { data: { ...data, documents: { ...data.documents, [meta.id]: stored } }, result: structuredClone(stored) };
    });
  }

  updateDocument(id: string, patch: MetaPatch): Promise<DocumentMeta | null> {
    return this.file.change((data) => {
      const meta = Object.hasOwn(data.documents, id) ? data.documents[id] : undefined;
      if (!meta) return { data, result: null };
      const updated = applyMetaPatch(meta, patch);
      return { data: { ...data, documents: { ...data.documents, [id]: updated } }, result: structuredClone(updated) };
    });
  }

  /** Waits for every write issued so far. */
  close(): Promise<void> {
    return this.file.close();
  }
}

/** Checked against metaFileSchema; records from before issue 3 have no access fields: see withAccessDefaults. */
function parseMetaFile(raw: unknown): MetaFile {
  const data = parseStoreFile(metaFileSchema, raw);
  const documents = Object.fromEntries(
    Object.entries(data.documents).map(([id, meta]) => [id, withAccessDefaults(meta as StoredDocumentMeta)]),
  );
  return { ...data, documents };
}
