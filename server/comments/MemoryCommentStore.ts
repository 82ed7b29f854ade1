/** In-memory CommentStore for unit tests. Same contract as LowCommentStore, no file. */
import type { CommentStore, CommentUpdate, CommentWrite, DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import { applyWrite, documentCommentsOf, emptyCommentsData, findComment, logIn, reportedIn, type CommentsData } from './commentData';

export class MemoryCommentStore implements CommentStore {
  private data: CommentsData = emptyCommentsData();

  async read(documentId: string): Promise<DocumentComments> {
    return documentCommentsOf(this.data, documentId);
  }

  async get(commentId: string): Promise<StoredComment | null> {
    const found = findComment(this.data, commentId);
    return found ? structuredClone(found) : null;
  }

  async update<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>> {
    // No await between reading and writing: nothing else runs in between.
    const write = change(documentCommentsOf(this.data, documentId));
    const applied = applyWrite(this.data, documentId, write);
    this.data = applied.data;
    return { result: write.result, revision: applied.revision, changed: applied.changed };
  }

  async reported(): Promise<StoredComment[]> {
    return reportedIn(this.data);
  }

  async moderationLog(options?: { readonly documentIds?: readonly string[]; readonly limit?: number }): Promise<ModerationLogEntry[]> {
    return logIn(this.data, options);
  }

  async close(): Promise<void> {}
}
