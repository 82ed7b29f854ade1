import { DomainError, isDomainError } from '../errors/DomainError';

/** The kinds of refusal the comment service makes (a subset of DomainError's). */
export const COMMENT_ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_early',
  'rate_limited',
] as const;
export type CommentErrorKind = (typeof COMMENT_ERROR_KINDS)[number];

/** A refusal from the comment service: a stable code (`error.<code>` in the catalogue) and its kind. */
export class CommentError extends DomainError {
  override readonly name = 'CommentError';
  declare readonly kind: CommentErrorKind;

  constructor(kind: CommentErrorKind, code: string, retryAfterMs?: number) {
    super(kind, code, code, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
}

export function isCommentError(error: unknown): error is CommentError {
  return isDomainError(error) && error.name === 'CommentError';
}
