import { DomainError, type DomainErrorKind } from '../errors/DomainError';

/** What the account self-service refuses with, beside PeopleError's codes (`error.<code>` in the catalogue). */
export const ACCOUNT_ERROR_KINDS = {
  /** Deleting an account without a password needs a sign-in within the last ten minutes. */
  fresh_sign_in_required: 'forbidden',
  /** No other enabled admin to hand documents over to. */
  no_admin_heir: 'conflict',
  /** More personal data than one export holds (EXPORT_MAX_BYTES). */
  export_too_large: 'conflict',
  email_unchanged: 'invalid',
  /** The e-mail confirmation link is unknown, used, expired or its address was taken meanwhile. */
  email_link_invalid: 'invalid',
  session_not_found: 'not_found',
} as const satisfies Record<string, DomainErrorKind>;
export type AccountErrorCode = keyof typeof ACCOUNT_ERROR_KINDS;

export class AccountError extends DomainError {
  override readonly name = 'AccountError';
  declare readonly code: AccountErrorCode;

  constructor(code: AccountErrorCode, message: string) {
    super(ACCOUNT_ERROR_KINDS[code], code, message);
  }
}
