/**
 * Why an OpenID Connect sign-in ended without a session. `code` is stable: the error page shows
 * `error.<code>` (Danish and English in lib/i18n/messages.ts); the detail goes to the log only.
 */
export const OIDC_ERROR_CODES = [
  'oidc_unknown_provider',
  'oidc_provider_unavailable',
  'oidc_provider_error',
  'oidc_state_missing',
  'oidc_state_invalid',
  'oidc_nonce_invalid',
  'oidc_response_invalid',
  'oidc_email_missing',
  'oidc_email_unverified',
  'oidc_email_unverified_taken',
  'oidc_account_disabled',
  'oidc_role_not_allowed',
  'oidc_failed',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export function isOidcErrorCode(value: unknown): value is OidcErrorCode {
  return typeof value === 'string' && (OIDC_ERROR_CODES as readonly string[]).includes(value);
}

export class OidcError extends Error {
  override readonly name = 'OidcError';

  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
