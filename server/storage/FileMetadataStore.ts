/**
 * MetadataStore in a record collection (RecordCollection.ts) under `<dir>` (normally
 * `<DATA_DIR>/records/documents`): a new title, `updatedAt`, grants or visibility costs one
 * bounded durable append of that document's metadata, not a rewrite of every document's as
 * `meta.json` did. The newest-first order is kept in memory and changes only on a creation.
 * On first start it imports `meta.json` (see importLegacyFile; records from before accounts get
 * their access defaults as LowMetadataStore gives them) before anything else runs.
 */
import type { DocumentMeta, MetadataStore } from '../../lib/storage/MetadataStore';
import { applyMetaPatch, type MetaPatch } from './applyMetaPatch';
import { byNewestFirst } from './byNewestFirst';
import { CollectionSet, type CollectionOpener } from './CollectionSet';
import type { RecordCollection } from './RecordCollection';
import { importLegacyFile } from './importLegacyFile';
import { metaFileSchema } from './metaFileSchema';
import { parseStoreFile } from './parseStoreFile';
import type { StoreLogger } from './readDocumentFiles';
import { withAccessDefaults, type StoredDocumentMeta } from './withAccessDefaults';

export interface FileMetadataStoreOptions {
  /** The record collections' directory, normally `<DATA_DIR>/records`. */
  readonly dir: string;
  /** Today's `meta.json`, imported on first start and then renamed `meta.json.imported-<time>`. */
  readonly importFrom?: string;
  readonly groupCommitMs?: number;
  readonly compactAfterRecords?: number;
  readonly logger?: StoreLogger & { info?(obj: object, msg?: string): void; error?(obj: object, msg?: string): void };
}

export type MetadataCollections = { readonly documents: RecordCollection<DocumentMeta> };

export class FileMetadataStore implements MetadataStore {
  private readonly collections: CollectionSet<MetadataCollections>;
  /** Ids newest first, as of the collection's `reloads`; null when it must be sorted again (after a creation). */
  private order: { ids: string[]; reloads: number } | null = null;

  constructor(private readonly options: FileMetadataStoreOptions) {
    const { dir, groupCommitMs = 0, compactAfterRecords, logger } = options;
    this.collections = new CollectionSet({ dir, groupCommitMs, compactAfterRecords, logger }, (open) => this.openAll(open));
  }

  /** Opens (and on first start imports) the metadata; rejects naming a damaged file. */
  open(): Promise<MetadataCollections> {
    return this.collections.open();
  }

  async listDocuments(): Promise<DocumentMeta[]> {
    const { documents } = await this.ready();
    if (this.order?.reloads !== documents.reloads) {
      this.order = { ids: [...documents.values()].sort(byNewestFirst).map((meta) => meta.id), reloads: documents.reloads };
    }
    const listed: DocumentMeta[] = [];
    for (const id of this.order.ids) {
      const meta = documents.get(id);
      if (meta) listed.push(structuredClone(meta));
    }
    return listed;
  }

  async getDocument(id: string): Promise<DocumentMeta | null> {
    const meta = (await this.ready()).documents.get(id);
    return meta ? structuredClone(meta) : null;
  }

  async createDocument(meta: DocumentMeta): Promise<DocumentMeta> {
    const { documents } = await this.ready();
    if (documents.has(meta.id)) throw new Error(`a document with id ${meta.id} exists already`);
    const stored = structuredClone(meta);
    const written = documents.put(stored.id, stored);
    this.order = null;
    await written;
    return structuredClone(stored);
  }

  async updateDocument(id: string, patch: MetaPatch): Promise<DocumentMeta | null> {
    const { documents } = await this.ready();
    const meta = documents.get(id);
    if (!meta) return null;
    const updated = applyMetaPatch(meta, patch);
    await documents.put(id, updated);
    return structuredClone(updated);
  }

  /** Waits for every write issued so far and closes the log. */
  close(): Promise<void> {
    return this.collections.close();
  }

  private ready(): Promise<MetadataCollections> {
    return this.collections.ready();
  }

  private async openAll(open: CollectionOpener): Promise<MetadataCollections> {
    const collections: MetadataCollections = { documents: await open<DocumentMeta>('documents') };
    const path = this.options.importFrom;
    if (path) {
      const moved = await importLegacyFile<Record<string, DocumentMeta>>(
        { path, what: 'document metadata', empty: () => ({}), parse: parseMetaFile },
        // Puts under each document's id: importing again after a crash overwrites, never duplicates.
        async (documents) => {
          await Promise.all(Object.values(documents).map((meta) => collections.documents.put(meta.id, meta)));
        },
      );
      if (moved) this.options.logger?.info?.({ from: path, keptAs: moved }, 'imported meta.json into the record store');
    }
    return collections;
  }
}

/** As LowMetadataStore reads it: checked against metaFileSchema, access fields defaulted. */
function parseMetaFile(raw: unknown): Record<string, DocumentMeta> {
  const data = parseStoreFile(metaFileSchema, raw);
  return Object.fromEntries(Object.entries(data.documents).map(([id, meta]) => [id, withAccessDefaults(meta as StoredDocumentMeta)]));
}
