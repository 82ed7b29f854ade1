import { DomainError, type DomainErrorKind, type InputIssue } from '../errors/DomainError';

export type { InputIssue } from '../errors/DomainError';

/**
 * What the people services refuse with. `code` is stable (the UI shows `error.<code>`); `issues`
 * name the fields of an invalid input.
 */
export const PEOPLE_ERROR_KINDS = {
  invalid_input: 'invalid',
  email_taken: 'conflict',
  invalid_credentials: 'unauthenticated',
  throttled: 'rate_limited',
  forbidden: 'forbidden',
  not_found: 'not_found',
  last_admin: 'conflict',
  invalid_token: 'invalid',
  setup_done: 'conflict',
  not_member: 'forbidden',
  invalid_session: 'unauthenticated',
} as const satisfies Record<string, DomainErrorKind>;
export type PeopleErrorCode = keyof typeof PEOPLE_ERROR_KINDS;
export const PEOPLE_ERROR_CODES = Object.keys(PEOPLE_ERROR_KINDS) as PeopleErrorCode[];

export class PeopleError extends DomainError {
  override readonly name = 'PeopleError';
  declare readonly code: PeopleErrorCode;

  constructor(
    code: PeopleErrorCode,
    message: string,
    readonly details: { readonly issues?: readonly InputIssue[]; readonly retryAfterMs?: number } = {},
  ) {
    super(PEOPLE_ERROR_KINDS[code], code, message, details);
  }
}
