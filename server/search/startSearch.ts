/**
 * Search for one process (issue 14): the index (embedded MiniSearch persisted in
 * DATA_DIR/search/index.ndjson, or PostgreSQL's table when given one), the indexer that keeps it
 * current, and the service that answers searches with access checked. At start the saved index is
 * loaded and then reconciled with the documents in the background (what is missing or stale is
 * indexed again, one document at a time), so the server serves while it catches up. The embedded
 * index is saved every `saveEveryMs` when it changed, and at close.
 */
import { join } from 'node:path';
import type { CommentStore } from '../../lib/comments/CommentStore';
import type { DocumentService } from '../../lib/documents/DocumentService';
import type { SearchIndex } from '../../lib/search/SearchIndex';
import { createSearchService, type SearchService } from '../../lib/search/SearchService';
import { createSearchIndexer, type SearchIndexer, type SearchIndexerOptions } from './createSearchIndexer';
import { MiniSearchIndex } from './MiniSearchIndex';
import { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';

export const SEARCH_INDEX_FILE = join('search', 'index.ndjson');
/** Searches per person (or, signed out, per address) per minute: generous for people typing, a wall for scripts. */
export const SEARCHES_PER_MINUTE = 120;

export interface StartSearchOptions {
  readonly dataDir: string;
  /** A shared index (PostgreSQL); the embedded one in the data dir when absent. */
  readonly index?: SearchIndex;
  readonly documents: Pick<DocumentService, 'get' | 'list' | 'getMany'>;
  readonly readState: (documentId: string) => Promise<Uint8Array>;
  readonly readStored?: (documentId: string) => Promise<readonly Uint8Array[] | null>;
  readonly comments: Pick<CommentStore, 'read'>;
  readonly delayMs?: number;
  readonly saveEveryMs?: number;
  readonly searchesPerMinute?: number;
  /** Forum posts (later): 'post' for a document in a forum workspace; 'document' when absent. */
  readonly kindOf?: SearchIndexerOptions['kindOf'];
  /** A document's tags (later, for the forum), indexed and filterable. */
  readonly tagsOf?: SearchIndexerOptions['tagsOf'];
  readonly logger: { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

export interface RunningSearch {
  readonly service: SearchService;
  readonly indexer: SearchIndexer;
  /** Resolves once the saved index is loaded and reconciled with the documents. */
  readonly ready: Promise<void>;
  /** Writes the embedded index now (tests, shutdown). */
  save(): Promise<void>;
  close(): Promise<void>;
}

export function startSearch(options: StartSearchOptions): RunningSearch {
  const { logger } = options;
  const embedded = options.index ? null : new MiniSearchIndex();
  const index = options.index ?? embedded!;
  const path = join(options.dataDir, SEARCH_INDEX_FILE);
  const indexer = createSearchIndexer({
    index,
    documents: options.documents,
    readState: options.readState,
    ...(options.readStored && { readStored: options.readStored }),
    comments: options.comments,
    ...(options.delayMs !== undefined && { delayMs: options.delayMs }),
    ...(options.kindOf && { kindOf: options.kindOf }),
    ...(options.tagsOf && { tagsOf: options.tagsOf }),
    logger,
  });
  const service = createSearchService({
    index,
    documents: options.documents,
    limiter: new FixedWindowLimiter(options.searchesPerMinute ?? SEARCHES_PER_MINUTE, 60_000),
  });

  let saving: Promise<void> | null = null;
  async function save(): Promise<void> {
    if (!embedded) return;
    while (saving) await saving;
    if (embedded.unsaved === 0) return;
    saving = embedded.writeTo(path).finally(() => (saving = null));
    await saving;
  }

  const ready = (async () => {
    const started = performance.now();
    const loaded = embedded ? await embedded.readFrom(path) : true;
    const outcome = await indexer.reconcile();
    logger.info(
      { ...outcome, loaded, ms: Math.round(performance.now() - started) },
      loaded ? 'search index loaded and brought up to date' : 'search index built',
    );
    await save();
  })().catch((error: unknown) => logger.error({ err: error }, 'could not build the search index'));

  const timer = setInterval(() => {
    save().catch((error: unknown) => logger.error({ err: error }, 'could not save the search index'));
  }, options.saveEveryMs ?? 5_000);
  timer.unref();

  return {
    service,
    indexer,
    ready,
    save,
    async close() {
      clearInterval(timer);
      await indexer.close();
      await ready;
      await save().catch((error: unknown) => logger.error({ err: error }, 'could not save the search index'));
    },
  };
}
