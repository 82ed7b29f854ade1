/**
 * What the people services refuse with. `code` is stable (route handlers map it to a status and
 * the UI to a sentence via `error.<code>`); `issues` name the fields of an invalid input.
 */
export const PEOPLE_ERROR_CODES = [
  'invalid_input',
  'email_taken',
  'invalid_credentials',
  'throttled',
  'forbidden',
  'not_found',
  'last_admin',
  'invalid_token',
  'setup_done',
  'not_member',
  'invalid_session',
] as const;
export type PeopleErrorCode = (typeof PEOPLE_ERROR_CODES)[number];

/** One thing wrong with an input: the field and the schema's error code (e.g. `password_too_short`). */
export interface InputIssue {
  readonly path: string;
  readonly code: string;
}

export class PeopleError extends Error {
  override readonly name = 'PeopleError';

  constructor(
    readonly code: PeopleErrorCode,
    message: string,
    readonly details: { readonly issues?: readonly InputIssue[]; readonly retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}
