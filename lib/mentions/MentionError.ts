import { DomainError, type DomainErrorKind } from '../errors/DomainError';

/** A refusal from the mention service (its codes are `error.<code>` in the catalogue). */
export class MentionError extends DomainError {
  override readonly name = 'MentionError';
  constructor(kind: DomainErrorKind, code: 'mention_person_not_found' | 'rate_limited', retryAfterMs?: number) {
    super(kind, code, code, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
}
