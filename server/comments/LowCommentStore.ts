/**
 * CommentStore in a lowdb JSON file (`<DATA_DIR>/comments.json`): every document's comments and
 * revision, and the moderation log, written through SerialJsonFile (serialised, durable, rolled back
 * on a failed write). A change function runs inside the file's serialised change, so it sees the
 * latest data and nothing else writes until it is on disk. This process must be the only writer.
 *
 * A file of its own, beside meta.json: comments churn (every support, every report) and are not the
 * document list, which stays the one thing the start page reads.
 */
import type { CommentStore, CommentUpdate, CommentWrite, DocumentComments } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry, StoredComment } from '../../lib/comments/model';
import { SerialJsonFile } from '../storage/SerialJsonFile';
import {
  applyWrite,
  documentCommentsOf,
  emptyCommentsData,
  findComment,
  logIn,
  parseCommentsData,
  reportedIn,
  type CommentsData,
} from './commentData';

export class LowCommentStore implements CommentStore {
  private readonly file: SerialJsonFile<CommentsData>;

  /** @param path the JSON file, normally `<DATA_DIR>/comments.json`; created on the first write. */
  constructor(path: string) {
    this.file = new SerialJsonFile(path, { what: 'comments', empty: emptyCommentsData, parse: parseCommentsData });
  }

  async read(documentId: string): Promise<DocumentComments> {
    return documentCommentsOf(await this.file.view(), documentId);
  }

  async get(commentId: string): Promise<StoredComment | null> {
    const found = findComment(await this.file.view(), commentId);
    return found ? structuredClone(found) : null;
  }

  async update<R>(documentId: string, change: (current: DocumentComments) => CommentWrite<R>): Promise<CommentUpdate<R>> {
    return this.file.change((data) => {
      const write = change(documentCommentsOf(data, documentId));
      const applied = applyWrite(data, documentId, write);
      return { data: applied.data, result: { result: write.result, revision: applied.revision, changed: applied.changed } };
    });
  }

  async reported(): Promise<StoredComment[]> {
    return reportedIn(await this.file.view());
  }

  async moderationLog(options?: { readonly documentIds?: readonly string[]; readonly limit?: number }): Promise<ModerationLogEntry[]> {
    return logIn(await this.file.view(), options);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
