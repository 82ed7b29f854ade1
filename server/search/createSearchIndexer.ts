/**
 * Keeps a search index current (issue 14). Fed by the sync server's stored edits (bodyStored), the
 * document service's changes of title and phase (documentChanged) and the comment service's changes
 * (commentsChanged). Per document, the work waits `delayMs` after the first notice (300 ms), so a
 * burst of typing is read once, and a hot document's text is extracted at most once per `delayMs`;
 * an edit is searchable well within a second. One job at a time per document, in order, so an older
 * read never overwrites a newer one. `reconcile()` (at start) compares the index with the documents
 * and indexes again what is missing or stale, one document at a time with a pause between them, so
 * the server keeps serving meanwhile.
 */
import type { DocumentService } from '../../lib/documents/DocumentService';
import type { CommentStore } from '../../lib/comments/CommentStore';
import type { StoredComment } from '../../lib/comments/model';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import { statePlainText } from '../../lib/search/bodyPlainText';
import { commentEntryId, documentEntryId, type SearchEntry, type SearchKind } from '../../lib/search/model';
import type { DocumentFields, SearchIndex } from '../../lib/search/SearchIndex';

export interface SearchIndexerOptions {
  readonly index: SearchIndex;
  readonly documents: Pick<DocumentService, 'get' | 'list'>;
  /** The document's current body (the live room's when loaded). */
  readonly readState: (documentId: string) => Promise<Uint8Array>;
  /** The stored body without loading a room (reconcile); readState when absent. */
  readonly readStored?: (documentId: string) => Promise<readonly Uint8Array[] | null>;
  readonly comments: Pick<CommentStore, 'read'>;
  /** Wait after the first notice of a change (default 300 ms). */
  readonly delayMs?: number;
  /** What a document's own entry is: 'document', or 'post' for one in a forum workspace (later). */
  readonly kindOf?: (meta: DocumentMeta) => SearchKind;
  readonly tagsOf?: (meta: DocumentMeta) => readonly string[] | undefined;
  readonly logger: { error(obj: object, msg?: string): void };
}

export interface ReconcileOutcome {
  readonly documents: number;
  readonly bodies: number;
  readonly comments: number;
  readonly removed: number;
}

export interface SearchIndexer {
  bodyStored(documentId: string): void;
  documentChanged(documentId: string): void;
  commentsChanged(documentId: string): void;
  /** Indexes what is missing or stale, and drops what no longer exists. */
  reconcile(): Promise<ReconcileOutcome>;
  /** Runs every waiting job now; resolves when all are done. */
  flush(): Promise<void>;
  /** Stops taking notices; runs what waits. */
  close(): Promise<void>;
}

interface Pending {
  body: boolean;
  meta: boolean;
  comments: boolean;
  readonly timer: NodeJS.Timeout;
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A comment's searchable words: its text, a suggestion's wording, the official answer. */
export function commentWords(comment: StoredComment): string {
  return [comment.text, comment.replacement ?? '', comment.answer?.text ?? ''].filter((part) => part !== '').join('\n');
}

export function createSearchIndexer(options: SearchIndexerOptions): SearchIndexer {
  const { index, documents, logger } = options;
  const delayMs = options.delayMs ?? 300;
  const kindOf = options.kindOf ?? (() => 'document' as const);
  const pending = new Map<string, Pending>();
  const chains = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  let closed = false;

  function fieldsOf(meta: DocumentMeta): DocumentFields {
    const tags = options.tagsOf?.(meta);
    return { title: meta.title, workspaceId: meta.workspaceId, state: meta.state, ...(tags && { tags }) };
  }

  function note(documentId: string, what: 'body' | 'meta' | 'comments'): void {
    if (closed) return;
    let waiting = pending.get(documentId);
    if (!waiting) {
      const timer = setTimeout(() => start(documentId), delayMs);
      timer.unref();
      pending.set(documentId, (waiting = { body: false, meta: false, comments: false, timer }));
    }
    waiting[what] = true;
  }

  /** Runs `work` after the document's earlier jobs. */
  function inTurn(documentId: string, work: () => Promise<void>): Promise<void> {
    const run = (chains.get(documentId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => logger.error({ err: error, doc: documentId }, 'could not index a document for search'));
    chains.set(documentId, run);
    running.add(run);
    void run.finally(() => {
      running.delete(run);
      if (chains.get(documentId) === run) chains.delete(documentId);
    });
    return run;
  }

  function start(documentId: string): void {
    const waiting = pending.get(documentId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.delete(documentId);
    void inTurn(documentId, () => indexNow(documentId, waiting));
  }

  async function indexBody(meta: DocumentMeta, text: string): Promise<void> {
    const tags = options.tagsOf?.(meta);
    const entry: SearchEntry = {
      id: documentEntryId(meta.id),
      kind: kindOf(meta),
      documentId: meta.id,
      title: meta.title,
      text,
      workspaceId: meta.workspaceId,
      state: meta.state,
      ...(tags && { tags }),
    };
    await index.putDocument(entry, meta.updatedAt);
  }

  async function indexComments(meta: DocumentMeta): Promise<number> {
    const current = await options.comments.read(meta.id);
    const entries: SearchEntry[] = [];
    for (const comment of current.comments) {
      // Deleted words are gone for everyone (as in the comment views).
      if (comment.deletedAt !== undefined) continue;
      const text = commentWords(comment);
      if (text.trim() === '') continue;
      entries.push({
        id: commentEntryId(comment.id),
        kind: 'comment',
        documentId: meta.id,
        commentId: comment.id,
        title: '',
        text,
        workspaceId: meta.workspaceId,
        state: meta.state,
        ...(comment.moderation.state === 'hidden' && { hidden: true }),
      });
    }
    await index.putComments(meta.id, entries, current.revision);
    return current.revision;
  }

  async function indexNow(documentId: string, work: Omit<Pending, 'timer'>): Promise<void> {
    const meta = await documents.get(documentId);
    if (!meta) return index.removeDocument(documentId);
    // A document the index has not seen yet (just created) is read in full.
    const unseen = !work.body && (await index.mark(documentId)) === null;
    if (work.body) await indexBody(meta, statePlainText(await options.readState(documentId)));
    // Unseen (just created): its stored body, without loading a room for it when the store can say.
    else if (unseen)
      await indexBody(meta, statePlainText((await options.readStored?.(documentId)) ?? (await options.readState(documentId))));
    else if (work.meta) await index.setDocumentFields(documentId, fieldsOf(meta));
    if (work.comments || unseen) await indexComments(meta);
  }

  async function reconcile(): Promise<ReconcileOutcome> {
    const metas = await documents.list();
    const marks = await index.marks();
    let bodies = 0;
    let comments = 0;
    for (const meta of metas) {
      if (closed) break;
      const mark = marks.get(meta.id);
      marks.delete(meta.id);
      await inTurn(meta.id, async () => {
        if (!mark || mark.updatedAt !== meta.updatedAt) {
          const stored = options.readStored ? await options.readStored(meta.id) : null;
          const text = stored ? statePlainText(stored) : statePlainText(await options.readState(meta.id));
          await indexBody(meta, text);
          bodies++;
        } else await index.setDocumentFields(meta.id, fieldsOf(meta));
        const revision = (await options.comments.read(meta.id)).revision;
        if (revision !== (mark?.commentsRevision ?? 0)) {
          await indexComments(meta);
          comments++;
        }
      });
      await yieldNow();
    }
    for (const documentId of marks.keys()) await index.removeDocument(documentId);
    return { documents: metas.length, bodies, comments, removed: marks.size };
  }

  async function flush(): Promise<void> {
    for (const documentId of [...pending.keys()]) start(documentId);
    while (running.size > 0) await Promise.all([...running]);
  }

  return {
    bodyStored: (documentId) => note(documentId, 'body'),
    documentChanged: (documentId) => note(documentId, 'meta'),
    commentsChanged: (documentId) => note(documentId, 'comments'),
    reconcile,
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
