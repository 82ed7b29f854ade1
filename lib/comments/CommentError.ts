/**
 * A refusal from the comment service: a stable code (`error.<code>` in the catalogue) and what kind
 * of refusal it is, which the HTTP adapter turns into a status (app/_server/commentErrorResponse.ts).
 * Recognised by shape (`name`), not instanceof: Next bundles its own copy of this class.
 */
export const COMMENT_ERROR_KINDS = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rate_limited'] as const;
export type CommentErrorKind = (typeof COMMENT_ERROR_KINDS)[number];

export class CommentError extends Error {
  override readonly name = 'CommentError';

  constructor(
    readonly kind: CommentErrorKind,
    readonly code: string,
    /** For `rate_limited`: how long until the next write is taken. */
    readonly retryAfterMs?: number,
  ) {
    super(code);
  }
}

export function isCommentError(error: unknown): error is CommentError {
  return (
    error instanceof Error &&
    error.name === 'CommentError' &&
    (COMMENT_ERROR_KINDS as readonly unknown[]).includes((error as { kind?: unknown }).kind) &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}
