import { DomainError, type DomainErrorKind } from '../errors/DomainError';

/** A refusal from the forum (its codes are `error.<code>` in the catalogue). */
export class ForumError extends DomainError {
  override readonly name = 'ForumError';
  constructor(kind: DomainErrorKind, code: string, detail: string = code) {
    super(kind, code, detail);
  }
}
