/**
 * Versions in the data dir: `<dir>/<documentId>/<n>.json`, one file per version (versionFile.ts),
 * never changed once there. Adding one writes a temp file in the same directory, fsyncs it, then
 * hard-links it to its final name (a link fails when the name exists, so nothing is overwritten,
 * even by another writer), fsyncs the directory and removes the temp file: a crash leaves no
 * version or a whole one, plus perhaps a temp file that the next load of that document removes.
 *
 * Summaries and idempotency keys are indexed in memory, per document, on first use (all
 * documents on the first `recent` across all documents). A version file that cannot be read or
 * trusted is an error for that version: `get` of it throws, and so do `list` and `byIdempotencyKey`
 * of its document (their answer would be incomplete); `latestOf` and `recent` leave that document
 * out; `damaged()` names it for /healthz. Its number stays taken.
 */
import { randomUUID } from 'node:crypto';
import { link, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidDocumentId } from '../../lib/documentId';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import type { AddVersionResult, VersionStore } from '../../lib/versions/VersionStore';
import type { DocumentVersion, NewVersion, VersionKind, VersionSummary } from '../../lib/versions/model';
import { ensureDirectory, FILE_MODE, fsyncDirectory } from '../storage/fileLayout';
import { byNewestPublished, copySummary } from './copyVersion';
import { decodeVersionFile, encodeVersionFile } from './versionFile';

const VERSION_FILE = /^([1-9][0-9]{0,14})\.json$/;
const TEMP_PREFIX = '.tmp-';

interface DocumentIndex {
  readonly summaries: Map<number, VersionSummary>;
  readonly keys: Map<string, number>;
  readonly damaged: Map<number, DocumentStorageError>;
}

export interface FileVersionStoreOptions {
  /** DATA_DIR/versions. */
  readonly dir: string;
}

export class FileVersionStore implements VersionStore {
  private readonly dir: string;
  private readonly indexes = new Map<string, Promise<DocumentIndex>>();
  private allIndexed: Promise<void> | undefined;
  /** Adds run one at a time per document (the index is their check). */
  private readonly adding = new Map<string, Promise<unknown>>();
  private closed = false;
  private readonly damagedFound = new Map<string, DocumentStorageError>();

  constructor(options: FileVersionStoreOptions) {
    this.dir = options.dir;
  }

  /** Creates the directory when missing and checks that it is one (the start's data dir check). */
  async open(): Promise<void> {
    await ensureDirectory(this.dir);
    if (!(await stat(this.dir)).isDirectory()) throw new Error(`${this.dir} is not a directory`);
  }

  async list(documentId: string): Promise<VersionSummary[]> {
    const index = await this.index(documentId);
    throwIfDamaged(index);
    return [...index.summaries.values()].sort((a, b) => b.number - a.number).map(copySummary);
  }

  async get(documentId: string, number: number): Promise<DocumentVersion | null> {
    const index = await this.index(documentId);
    const damage = index.damaged.get(number);
    if (damage) throw damage;
    if (!index.summaries.has(number)) return null;
    const { idempotencyKey: _key, ...version } = await this.read(documentId, number);
    return version;
  }

  async byIdempotencyKey(documentId: string, key: string): Promise<VersionSummary | null> {
    const index = await this.index(documentId);
    const number = index.keys.get(key);
    if (number !== undefined) return copySummary(index.summaries.get(number)!);
    // The key may be in a version that cannot be read: a retry must not publish twice.
    throwIfDamaged(index);
    return null;
  }

  add(version: NewVersion): Promise<AddVersionResult> {
    if (this.closed) return Promise.reject(new Error('the version store is closed'));
    if (!isValidDocumentId(version.documentId)) return Promise.reject(new Error(`not a document id: ${version.documentId}`));
    const previous = this.adding.get(version.documentId) ?? Promise.resolve();
    const next = previous.then(
      () => this.addNow(version),
      () => this.addNow(version),
    );
    this.adding.set(version.documentId, next);
    void next
      .finally(() => {
        if (this.adding.get(version.documentId) === next) this.adding.delete(version.documentId);
      })
      .catch(() => {});
    return next;
  }

  async latestOf(documentIds: readonly string[]): Promise<Map<string, VersionSummary>> {
    const latest = new Map<string, VersionSummary>();
    for (const id of documentIds) {
      const index = await this.index(id);
      if (index.damaged.size > 0) continue;
      const newest = newestOf(index);
      if (newest) latest.set(id, copySummary(newest));
    }
    return latest;
  }

  async recent(kind: VersionKind, limit: number, documentIds?: readonly string[]): Promise<VersionSummary[]> {
    if (limit <= 0) return [];
    const all: VersionSummary[] = [];
    const indexes =
      documentIds === undefined ? await this.everyIndex() : await Promise.all([...new Set(documentIds)].map((id) => this.index(id)));
    for (const index of indexes)
      if (index.damaged.size === 0) for (const summary of index.summaries.values()) if (summary.kind === kind) all.push(summary);
    return all.sort(byNewestPublished).slice(0, limit).map(copySummary);
  }

  /** Versions refused for damage among the documents indexed so far (for /healthz). */
  damaged(): DocumentStorageError[] {
    return [...this.damagedFound.values()];
  }

  /**
   * Every version of every document with its idempotency key (for `migrate:data`), by document and
   * number; throws on the first damaged version (a copy must not leave one out unnoticed).
   */
  async exportAll(): Promise<NewVersion[]> {
    await this.indexAll();
    const all: NewVersion[] = [];
    for (const documentId of [...this.indexes.keys()].sort()) {
      const index = await this.index(documentId);
      throwIfDamaged(index);
      for (const number of [...index.summaries.keys()].sort((a, b) => a - b)) all.push(await this.read(documentId, number));
    }
    return all;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.adding.values()]);
  }

  private async addNow(version: NewVersion): Promise<AddVersionResult> {
    const { documentId, number } = version;
    const index = await this.index(documentId);
    if (version.idempotencyKey !== null && index.keys.has(version.idempotencyKey)) return 'key_taken';
    // The key may be in a version that cannot be read: refuse rather than risk a second version for it.
    if (version.idempotencyKey !== null) throwIfDamaged(index);
    if (index.summaries.has(number) || index.damaged.has(number)) return 'number_taken';
    const dir = this.documentDir(documentId);
    await ensureDirectory(dir);
    const temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(encodeVersionFile(version), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, join(dir, `${number}.json`));
    } catch (error) {
      await unlink(temp).catch(() => {});
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Written by someone this index did not see: learn it, and keep the number taken.
      await this.learn(index, documentId, number);
      return 'number_taken';
    }
    await fsyncDirectory(dir);
    await unlink(temp).catch(() => {});
    const { content: _content, idempotencyKey, ...summary } = version;
    index.summaries.set(number, copySummary(summary));
    if (idempotencyKey !== null) index.keys.set(idempotencyKey, number);
    return 'added';
  }

  private documentDir(documentId: string): string {
    return join(this.dir, documentId);
  }

  private index(documentId: string): Promise<DocumentIndex> {
    let index = this.indexes.get(documentId);
    if (!index) {
      index = this.load(documentId);
      this.indexes.set(documentId, index);
      // A failure to read the directory is not remembered: the next call tries again.
      index.catch(() => this.indexes.delete(documentId));
    }
    return index;
  }

  private async load(documentId: string): Promise<DocumentIndex> {
    const index: DocumentIndex = { summaries: new Map(), keys: new Map(), damaged: new Map() };
    if (!isValidDocumentId(documentId)) return index;
    const dir = this.documentDir(documentId);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return index;
      throw error;
    }
    for (const name of names) {
      // Left by a crash between writing and linking (or before removing it): never a version.
      if (name.startsWith(TEMP_PREFIX)) await unlink(join(dir, name)).catch(() => {});
      const match = VERSION_FILE.exec(name);
      if (match) await this.learn(index, documentId, Number(match[1]));
    }
    return index;
  }

  private async learn(index: DocumentIndex, documentId: string, number: number): Promise<void> {
    try {
      const { content: _content, idempotencyKey, ...summary } = await this.read(documentId, number);
      index.summaries.set(number, summary);
      if (idempotencyKey !== null) index.keys.set(idempotencyKey, number);
    } catch (error) {
      if (!(error instanceof DocumentStorageError)) throw error;
      index.damaged.set(number, error);
      this.damagedFound.set(error.path, error);
    }
  }

  private async read(documentId: string, number: number): Promise<NewVersion> {
    const path = join(this.documentDir(documentId), `${number}.json`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new DocumentStorageError(documentId, 'unreadable', path, `version ${number} cannot be read`, { cause: error });
    }
    try {
      return decodeVersionFile(text, { documentId, number });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DocumentStorageError(documentId, 'corrupt', path, `version ${number} is damaged: ${reason}`, { cause: error });
    }
  }

  /** Every document's index, the directory read once (versions added later are in `indexes` already). */
  private async everyIndex(): Promise<DocumentIndex[]> {
    if (!this.allIndexed) {
      this.allIndexed = this.indexAll();
      this.allIndexed.catch(() => (this.allIndexed = undefined));
    }
    await this.allIndexed;
    return Promise.all(this.indexes.values());
  }

  private async indexAll(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await Promise.all(names.filter(isValidDocumentId).map((id) => this.index(id)));
  }
}

function throwIfDamaged(index: DocumentIndex): void {
  const first = index.damaged.values().next();
  if (!first.done) throw first.value;
}

function newestOf(index: DocumentIndex): VersionSummary | undefined {
  let newest: VersionSummary | undefined;
  for (const summary of index.summaries.values()) if (!newest || summary.number > newest.number) newest = summary;
  return newest;
}
