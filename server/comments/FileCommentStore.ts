/**
 * CommentStore on the document storage engine (FileDocumentStore: CRC-framed records, group
 * commit, snapshots, torn-tail repair), so a comment act costs one append whatever the size of
 * the platform:
 *
 *   <DATA_DIR>/comments/docs/<documentId>/   one stream per document: its change records (JSON:
 *                                            the comments put, the log entries, the revision), and
 *                                            after a compaction a snapshot of its comments
 *   <DATA_DIR>/comments/index/catalogue/     the catalogue (CommentCatalogue): comment id → document,
 *                                            open reports, the moderation log
 *
 * Start-up reads the catalogue only. Documents are read on first use and kept in a bounded LRU
 * (`cachedDocuments`); an evicted document is read again from disk when next used.
 *
 * `update` is serialised per document (documents run in parallel) and holds the document in
 * memory while it runs. The change sees the comments through lazy copies (lazyCopies.ts). What
 * it returns is one change record appended to the document's stream; when it adds comment ids,
 * opens or closes reports or logs moderation, also one record appended to the catalogue. The two
 * appends are group-committed with other writers'; the document's state in memory changes only
 * once its record is durable, so readers never see what a crash could take back.
 *
 * Crash consistency: the document streams are the truth, the catalogue an index of them.
 *   - new ids and reports: both appends run at once. Catalogue without document (a crash or a
 *     failed write between them) leaves an id or open report that names nothing: `get` and
 *     `reported` check the document and skip it. Document without catalogue: the catalogue is
 *     repaired when the document is next loaded (repairCatalogue), before anyone can have seen
 *     the comment (nobody saw it before: the write was not acknowledged).
 *   - moderation log entries: the catalogue is appended only after the document's record is
 *     durable, so the log never shows an act that did not happen.
 *
 * On first start with an existing `<DATA_DIR>/comments.json` (LowCommentStore) everything in it
 * is imported first (importCommentsJson.ts). One process must be the only writer.
 */
import { readdir } from 'node:fs/promises';
import type { CommentStore, CommentUpdate, CommentWrite, DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import { isValidDocumentId } from '../../lib/documentId';
import { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import { FileDocumentStore } from '../storage/FileDocumentStore';
import type { StoreLogger } from '../storage/readDocumentFiles';
import { CommentCatalogue, encodeCatalogueChange, isEmptyChange, type CatalogueChange } from './CommentCatalogue';
import { byCreation, CommentDocState, encodeChangeRecord } from './CommentDocState';
import { firstOpenReport } from './commentData';
import { importCommentsJson } from './importCommentsJson';
import { lazyView } from './lazyCopies';
import { documentComments } from '../../lib/comments/documentComments';
import { CATALOGUE_STREAM, COMMENT_SEGMENT_PREALLOCATION_BYTES, commentStoreDirs } from './commentStoreLayout';

export interface FileCommentStoreOptions {
  /** The data dir: the store lives in `<dataDir>/comments/`; `<dataDir>/comments.json` is imported on first start. */
  readonly dataDir: string;
  /** Group commit window of both streams (SYNC_GROUP_COMMIT_MS). */
  readonly groupCommitMs: number;
  /** Documents whose comments are kept in memory (least recently used ones are dropped). Default 200. */
  readonly cachedDocuments?: number;
  /** A document's stream is compacted once its records since the last snapshot reach max(this, the snapshot's size). Default 4 MiB (as SYNC_COMPACT_AFTER_BYTES: a compaction stalls the stream's appends for a few fsyncs, so it should be rare). */
  readonly compactMinBytes?: number;
  /** The same for the catalogue. Default 4 MiB. */
  readonly catalogueCompactMinBytes?: number;
  readonly logger?: StoreLogger & { info?(obj: object, msg?: string): void };
}

const DEFAULT_CACHED_DOCUMENTS = 200;
const DEFAULT_COMPACT_MIN_BYTES = 4 * 1024 * 1024;
const DEFAULT_CATALOGUE_COMPACT_MIN_BYTES = 4 * 1024 * 1024;

const noop = (): void => undefined;

/** One document in memory: what readers see (durable) and what the next change sees (everything queued). */
interface LoadedDocument {
  readonly durable: CommentDocState;
  readonly working: CommentDocState;
  /** A write failed: the document is dropped from the cache, and writes queued behind it fail too. */
  broken: boolean;
  /** Bytes of the last snapshot (compaction waits until the log is as large). */
  snapshotSize: number;
  /** A compaction is running (the engine counts the records it covers until it is done). */
  compacting: boolean;
}

export class FileCommentStore implements CommentStore {
  private readonly docs: FileDocumentStore;
  private readonly index: FileDocumentStore;
  private readonly capacity: number;
  private catalogue: Promise<CommentCatalogue> | null = null;
  private catalogueSnapshotBytes = 0;
  private catalogueCompacting = false;
  /** Loaded documents, least recently used first. */
  private readonly cache = new Map<string, LoadedDocument>();
  private readonly loading = new Map<string, Promise<LoadedDocument>>();
  private readonly releasing = new Map<string, Promise<void>>();
  /** Per document: settles once the last queued update has run its change (and queued its record, if any). */
  private readonly queues = new Map<string, Promise<void>>();
  /** Per document: updates queued or running; such a document is never evicted. */
  private readonly pins = new Map<string, number>();
  private readonly running = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  constructor(private readonly options: FileCommentStoreOptions) {
    const dirs = commentStoreDirs(options.dataDir);
    const engine = { groupCommitMs: options.groupCommitMs, segmentPreallocationBytes: COMMENT_SEGMENT_PREALLOCATION_BYTES };
    this.docs = new FileDocumentStore({ ...engine, dir: dirs.docs, logger: options.logger });
    this.index = new FileDocumentStore({ ...engine, dir: dirs.index, logger: options.logger });
    this.capacity = Math.max(1, options.cachedDocuments ?? DEFAULT_CACHED_DOCUMENTS);
  }

  /**
   * Imports a `comments.json` left by LowCommentStore (first start only) and reads the catalogue.
   * Called at start by checkDataDir: a damaged catalogue or comments.json stops the start there.
   */
  async check(): Promise<void> {
    await this.open();
  }

  /** Documents whose comment streams were refused for damage when last read (for /healthz). */
  damaged(): DocumentStorageError[] {
    return this.docs.damaged();
  }

  /** How many documents' comments are in memory now (for tests and the benchmark). */
  get cachedDocuments(): number {
    return this.cache.size;
  }

  async read(documentId: string): Promise<DocumentComments> {
    assertDocumentId(documentId);
    const { durable } = await this.loadDocument(documentId, await this.open());
    return documentComments(
      documentId,
      durable.revision,
      durable.ordered.map((comment) => structuredClone(comment)),
    );
  }

  async get(commentId: string): Promise<StoredComment | null> {
    const catalogue = await this.open();
    const documentId = catalogue.documentOfComment(commentId);
    if (documentId === undefined) return null;
    const found = (await this.loadDocument(documentId, catalogue)).durable.byId.get(commentId);
    return found ? structuredClone(found) : null;
  }

  /**
   * Changes to one document run one after the other, each on the state every earlier one left;
   * the next one runs as soon as the previous one's record is queued (not yet durable), so writers
   * to a busy document share group commits instead of waiting for one fsync each.
   */
  update<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>> {
    try {
      assertDocumentId(documentId);
      if (this.closing) throw closedError();
    } catch (error) {
      return Promise.reject(error);
    }
    this.pins.set(documentId, (this.pins.get(documentId) ?? 0) + 1);
    const previous = this.queues.get(documentId) ?? Promise.resolve();
    let letNextRun: () => void = noop;
    const queued = new Promise<void>((resolve) => (letNextRun = resolve));
    this.queues.set(documentId, queued);
    const run = previous
      .then(() => this.runUpdate(documentId, change, letNextRun))
      .finally(() => {
        letNextRun();
        if (this.queues.get(documentId) === queued) this.queues.delete(documentId);
        const pins = (this.pins.get(documentId) ?? 1) - 1;
        if (pins === 0) this.pins.delete(documentId);
        else this.pins.set(documentId, pins);
        this.evict();
      });
    const tracked = run.then(noop, noop);
    this.running.add(tracked);
    void tracked.then(() => this.running.delete(tracked));
    return run;
  }

  async reported(): Promise<StoredComment[]> {
    const catalogue = await this.open();
    const byDocument = new Map<string, string[]>();
    for (const [commentId, documentId] of catalogue.listedReports()) {
      const ids = byDocument.get(documentId) ?? [];
      ids.push(commentId);
      byDocument.set(documentId, ids);
    }
    const found: { comment: StoredComment; since: string }[] = [];
    for (const [documentId, ids] of byDocument) {
      let state: CommentDocState;
      try {
        state = (await this.loadDocument(documentId, catalogue)).durable;
      } catch (error) {
        // A damaged document is refused on its own (and listed by damaged()); the queue stays usable.
        if (error instanceof DocumentStorageError) continue;
        throw error;
      }
      for (const id of ids) {
        const comment = state.byId.get(id);
        const since = comment ? firstOpenReport(comment) : null;
        if (comment && since !== null) found.push({ comment, since });
      }
    }
    return found
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : byCreation(a.comment, b.comment)))
      .map(({ comment }) => structuredClone(comment));
  }

  async moderationLog(options?: { readonly documentIds?: readonly string[]; readonly limit?: number }): Promise<ModerationLogEntry[]> {
    return (await this.open()).moderationLog(options);
  }

  /**
   * Every document with a comment stream (comments, or a revision of its own), sorted; comments.json
   * is imported first. Not on the CommentStore interface: for `npm run migrate:data`, which reads
   * each of them.
   */
  async documentIds(): Promise<string[]> {
    await this.open();
    try {
      const entries = await readdir(commentStoreDirs(this.options.dataDir).docs, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && isValidDocumentId(entry.name))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all(this.running);
      await Promise.all([...this.loading.values()].map((loading) => loading.catch(noop)));
      await Promise.all([...this.releasing.values()]);
      await this.docs.close();
      await this.index.close();
    })();
    return this.closing;
  }

  private open(): Promise<CommentCatalogue> {
    if (!this.catalogue) {
      if (this.closing) return Promise.reject(closedError());
      const opening = this.start();
      this.catalogue = opening;
      // A failed start (a damaged catalogue, an unreadable comments.json) is tried again on the next call.
      opening.catch(() => {
        if (this.catalogue === opening) this.catalogue = null;
      });
    }
    return this.catalogue;
  }

  private async start(): Promise<CommentCatalogue> {
    const imported = await importCommentsJson({ dataDir: this.options.dataDir, groupCommitMs: this.options.groupCommitMs });
    if (imported) this.options.logger?.info?.(imported, 'imported comments.json into the comment store (kept beside it as .imported-*)');
    const records = await this.index.load(CATALOGUE_STREAM);
    const catalogue = CommentCatalogue.fromRecords(records);
    this.catalogueSnapshotBytes = isSnapshot(records?.[0]) ? records![0]!.byteLength : 0;
    return catalogue;
  }

  private async runUpdate<R>(
    documentId: string,
    change: (current: DocumentComments) => CommentWrite<R>,
    letNextRun: () => void,
  ): Promise<CommentUpdate<R>> {
    const catalogue = await this.open();
    const loaded = await this.loadDocument(documentId, catalogue);
    const { working } = loaded;
    const view = lazyView(working.ordered);
    const write = change(
      documentComments(documentId, working.revision, view.items, { stored: working.ordered, byId: working.byId, copyOf: view.copyOf }),
    );
    const given = write.put ?? [];
    const logGiven = write.log ?? [];
    if (given.length === 0 && logGiven.length === 0 && write.touch !== true) {
      return { result: write.result, revision: working.revision, changed: false };
    }
    for (const comment of given)
      if (comment.documentId !== documentId) throw new Error(`comment ${comment.id} belongs to ${comment.documentId}, not ${documentId}`);
    for (const entry of logGiven)
      if (entry.documentId !== documentId) throw new Error(`log entry ${entry.id} names ${entry.documentId}, not ${documentId}`);
    // Copies the store owns, one per id (the last one put wins, as in the other stores).
    const put = [...new Map(given.map((comment) => [comment.id, structuredClone(comment)])).values()];
    const log = logGiven.map((entry) => structuredClone(entry));
    for (const comment of put) {
      if (working.byId.has(comment.id)) continue;
      // A comment id is unique across documents: refuse to shadow one that lives elsewhere.
      const elsewhere = catalogue.documentOfComment(comment.id);
      if (
        elsewhere !== undefined &&
        elsewhere !== documentId &&
        (await this.loadDocument(elsewhere, catalogue)).working.byId.has(comment.id)
      )
        throw new Error(`comment id ${comment.id} is taken`);
    }

    const revision = working.revision + 1;
    // Ids and reports go to the catalogue alongside the document's record (what it lists that the
    // document lacks is skipped when read); log entries only once the record is durable.
    const indexed = catalogueChangeOf(catalogue, documentId, put, []);
    const appended = this.docs.append(documentId, encodeChangeRecord({ r: revision, p: put, l: log }));
    working.put(put);
    for (const entry of log) working.log.push(entry);
    working.revision = revision;
    const early = isEmptyChange(indexed) ? null : this.appendCatalogue(catalogue, indexed);
    this.compactDocumentIfDue(loaded);
    letNextRun();
    try {
      await appended;
    } catch (error) {
      // Whether the record reached the disk is unknown: read the document again when next used.
      this.drop(documentId, loaded);
      await early?.catch(noop);
      throw error;
    }
    if (loaded.broken) {
      await early?.catch(noop);
      throw new Error(`an earlier write to the comments of ${documentId} failed; this one, made on top of it, may or may not be stored`);
    }
    // Appends resolve in the order they were made, so the durable state follows the same order.
    const { durable } = loaded;
    durable.put(put);
    for (const entry of log) durable.log.push(entry);
    durable.revision = revision;
    await early;
    if (log.length > 0) await this.appendCatalogue(catalogue, { log });
    return { result: write.result, revision, changed: true };
  }

  private drop(documentId: string, loaded: LoadedDocument): void {
    loaded.broken = true;
    if (this.cache.get(documentId) === loaded) this.cache.delete(documentId);
  }

  /** Applies the change to the catalogue in memory at once (so a compaction covers it), then appends it. */
  private appendCatalogue(catalogue: CommentCatalogue, change: CatalogueChange): Promise<void> {
    catalogue.apply(change);
    const appended = this.index.append(CATALOGUE_STREAM, encodeCatalogueChange(change));
    return appended.then(() => this.compactCatalogueIfDue(catalogue));
  }

  private compactCatalogueIfDue(catalogue: CommentCatalogue): void {
    const min = this.options.catalogueCompactMinBytes ?? DEFAULT_CATALOGUE_COMPACT_MIN_BYTES;
    if (this.closing || this.catalogueCompacting) return;
    if (this.index.stats(CATALOGUE_STREAM).bytes < Math.max(min, this.catalogueSnapshotBytes)) return;
    const snapshot = catalogue.snapshotBytes();
    this.catalogueSnapshotBytes = snapshot.byteLength;
    this.catalogueCompacting = true;
    this.index
      .compact(CATALOGUE_STREAM, snapshot)
      .catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, 'could not compact the comment catalogue (its log is kept and read as before)');
      })
      .finally(() => (this.catalogueCompacting = false));
  }

  /**
   * Called right after a record was queued, before the next change runs: the working state is
   * exactly what the queued records hold, which is what compact() covers.
   */
  private compactDocumentIfDue(loaded: LoadedDocument): void {
    const { working } = loaded;
    const min = this.options.compactMinBytes ?? DEFAULT_COMPACT_MIN_BYTES;
    if (this.closing || loaded.compacting) return;
    if (this.docs.stats(working.documentId).bytes < Math.max(min, loaded.snapshotSize)) return;
    const snapshot = working.snapshotBytes();
    loaded.snapshotSize = snapshot.byteLength;
    loaded.compacting = true;
    this.docs
      .compact(working.documentId, snapshot)
      .catch((error: unknown) => {
        this.options.logger?.warn(
          { documentId: working.documentId, err: error },
          'could not compact a document’s comments (its log is kept)',
        );
      })
      .finally(() => (loaded.compacting = false));
  }

  /** The document's comments in memory: from the LRU, or read from disk (then the catalogue is checked against them). */
  private loadDocument(documentId: string, catalogue: CommentCatalogue): Promise<LoadedDocument> {
    const cached = this.cache.get(documentId);
    if (cached) {
      this.cache.delete(documentId);
      this.cache.set(documentId, cached);
      return Promise.resolve(cached);
    }
    const pending = this.loading.get(documentId);
    if (pending) return pending;
    const loading = (async (): Promise<LoadedDocument> => {
      await this.releasing.get(documentId);
      const records = await this.docs.load(documentId);
      const durable = CommentDocState.fromRecords(documentId, records);
      this.repairCatalogue(catalogue, durable);
      const snapshotSize = isSnapshot(records?.[0]) ? records![0]!.byteLength : 0;
      return { durable, working: durable.clone(), broken: false, snapshotSize, compacting: false };
    })();
    this.loading.set(documentId, loading);
    // Registered before any caller's await: the document is cached before they go on.
    loading.then(
      (loaded) => {
        this.loading.delete(documentId);
        this.cache.set(documentId, loaded);
        this.evict();
      },
      () => this.loading.delete(documentId),
    );
    return loading;
  }

  /** Adds to the catalogue what the document holds and it lacks (a crash between the two appends). */
  private repairCatalogue(catalogue: CommentCatalogue, state: CommentDocState): void {
    const unlisted = state.log.filter((entry) => !catalogue.hasLogEntry(entry.id));
    const missing = catalogueChangeOf(catalogue, state.documentId, state.ordered, unlisted);
    if (isEmptyChange(missing)) return;
    this.options.logger?.warn(
      { documentId: state.documentId },
      'added comments missing from the comment catalogue (a write was interrupted)',
    );
    this.appendCatalogue(catalogue, missing).catch((error: unknown) => {
      this.options.logger?.warn({ documentId: state.documentId, err: error }, 'could not repair the comment catalogue');
    });
  }

  /** Drops the least recently used documents beyond the capacity that no update holds. */
  private evict(): void {
    if (this.cache.size <= this.capacity) return;
    for (const documentId of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break;
      if (this.pins.has(documentId)) continue;
      this.cache.delete(documentId);
      const released: Promise<void> = this.docs
        .release(documentId)
        .catch((error: unknown) => this.options.logger?.warn({ documentId, err: error }, 'could not release a document’s comment stream'))
        .finally(() => {
          if (this.releasing.get(documentId) === released) this.releasing.delete(documentId);
        });
      this.releasing.set(documentId, released);
    }
  }
}

/**
 * What the catalogue must learn from comments being written to `documentId`: ids it does not
 * place there, reports opened or closed (or whose first open report changed), and log entries.
 */
function catalogueChangeOf(
  catalogue: CommentCatalogue,
  documentId: string,
  comments: readonly StoredComment[],
  log: readonly ModerationLogEntry[],
): CatalogueChange {
  const ids: string[] = [];
  const open: [string, string, string][] = [];
  const closed: string[] = [];
  for (const comment of comments) {
    if (catalogue.documentOfComment(comment.id) !== documentId) ids.push(comment.id);
    const since = firstOpenReport(comment);
    const listed = catalogue.openReport(comment.id);
    if (since !== null && since !== listed) open.push([comment.id, documentId, since]);
    else if (since === null && listed !== undefined) closed.push(comment.id);
  }
  return {
    ...(ids.length > 0 ? { ids: { [documentId]: ids } } : {}),
    ...(open.length > 0 ? { open } : {}),
    ...(closed.length > 0 ? { closed } : {}),
    ...(log.length > 0 ? { log } : {}),
  };
}

const SNAPSHOT_PREFIX = new TextEncoder().encode('{"t":"s"');

function isSnapshot(record: Uint8Array | undefined): boolean {
  return record !== undefined && SNAPSHOT_PREFIX.every((byte, i) => record[i] === byte);
}

function assertDocumentId(documentId: string): void {
  if (!isValidDocumentId(documentId)) throw new TypeError('invalid document id: expected 1-64 characters of [A-Za-z0-9_-]');
}

function closedError(): Error {
  return new Error('FileCommentStore is closed');
}
