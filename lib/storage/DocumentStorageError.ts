/**
 * Thrown when one document's stored files cannot be used: `corrupt` (a snapshot that fails its
 * checksum, a file that is not ours) or `unreadable` (permissions, I/O errors). It concerns that
 * document only; the caller refuses that document and keeps serving the others.
 */
export type DocumentStorageProblem = 'corrupt' | 'unreadable';

export class DocumentStorageError extends Error {
  override readonly name = 'DocumentStorageError';

  constructor(
    readonly documentId: string,
    readonly problem: DocumentStorageProblem,
    /** The file (or directory) at fault, for the operator. */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`document ${documentId}: ${message} (${path})`, options);
  }
}
