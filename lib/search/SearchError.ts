import { DomainError, type DomainErrorKind } from '../errors/DomainError';

/** A refusal from the search service (its codes are `error.<code>` in the catalogue). */
export class SearchError extends DomainError {
  override readonly name = 'SearchError';
  constructor(kind: DomainErrorKind, code: 'rate_limited', retryAfterMs?: number) {
    super(kind, code, code, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
}
