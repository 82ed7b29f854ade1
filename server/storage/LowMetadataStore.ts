/**
 * MetadataStore in a lowdb JSON file (`<DATA_DIR>/meta.json`). lowdb rewrites the whole file on
 * every write (temp file + rename), so changes are serialised here: each one builds new data
 * from the last, writes it, and a failed write puts the previous data back, so memory never
 * drifts from the file. This process must be the file's only writer.
 *
 * `new Low(new DurableJSONFile(…))` (temp file, fsync, rename, fsync dir), not `JSONFilePreset`: the preset silently keeps data in memory
 * when NODE_ENV=test, and these tests must hit the disk.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from './DurableJSONFile';
import type { DocumentMeta, MetadataStore } from '../../lib/storage/MetadataStore';
import { applyMetaPatch, type MetaPatch } from './applyMetaPatch';
import { byNewestFirst } from './byNewestFirst';
import { withAccessDefaults, type StoredDocumentMeta } from './withAccessDefaults';

interface MetaFile {
  documents: Record<string, DocumentMeta>;
}

export class LowMetadataStore implements MetadataStore {
  private readonly db: Low<MetaFile>;
  private opened: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  /** @param file the JSON file, normally `<DATA_DIR>/meta.json`; created on the first write. */
  constructor(private readonly file: string) {
    this.db = new Low<MetaFile>(new DurableJSONFile<MetaFile>(file), { documents: {} });
  }

  async listDocuments(): Promise<DocumentMeta[]> {
    const data = await this.data();
    return Object.values(data.documents)
      .sort(byNewestFirst)
      .map((meta) => structuredClone(meta));
  }

  async getDocument(id: string): Promise<DocumentMeta | null> {
    const { documents } = await this.data();
    const meta = Object.hasOwn(documents, id) ? documents[id] : undefined;
    return meta ? structuredClone(meta) : null;
  }

  createDocument(meta: DocumentMeta): Promise<DocumentMeta> {
    return this.change((data) => {
      if (Object.hasOwn(data.documents, meta.id)) throw new Error(`a document with id ${meta.id} exists already`);
      const stored = structuredClone(meta);
      return { data: { ...data, documents: { ...data.documents, [meta.id]: stored } }, result: structuredClone(stored) };
    });
  }

  updateDocument(id: string, patch: MetaPatch): Promise<DocumentMeta | null> {
    return this.change((data) => {
      const meta = Object.hasOwn(data.documents, id) ? data.documents[id] : undefined;
      if (!meta) return { data, result: null };
      const updated = applyMetaPatch(meta, patch);
      return { data: { ...data, documents: { ...data.documents, [id]: updated } }, result: structuredClone(updated) };
    });
  }

  /** Waits for every write issued so far. */
  async close(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  private async data(): Promise<MetaFile> {
    this.opened ??= this.read();
    try {
      await this.opened;
    } catch (error) {
      this.opened = null; // a later call tries again (e.g. after an operator fixed the file)
      throw error;
    }
    return this.db.data;
  }

  private async read(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    try {
      await this.db.read();
    } catch (error) {
      throw new Error(`cannot read document metadata from ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    const data = this.db.data as { documents?: Record<string, StoredDocumentMeta> } | null;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new Error(`cannot read document metadata from ${this.file}: expected a JSON object`);
    }
    // Records from before issue 3 have no access fields: see withAccessDefaults for the choice.
    const documents = Object.fromEntries(Object.entries(data.documents ?? {}).map(([id, meta]) => [id, withAccessDefaults(meta)]));
    this.db.data = { ...data, documents };
  }

  /** One change at a time: compute the next data, write it, then make it current. */
  private change<T>(next: (data: MetaFile) => { data: MetaFile; result: T }): Promise<T> {
    const run = this.writes.then(async () => {
      const previous = await this.data();
      const { data, result } = next(previous);
      if (data === previous) return result;
      this.db.data = data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}
