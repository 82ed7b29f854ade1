export const SHARING_ERROR_CODES = [
  'not_found',
  'forbidden',
  'invite_unknown',
  'invite_expired',
  'invite_revoked',
  'request_pending',
  'request_not_needed',
  'request_decided',
] as const;
export type SharingErrorCode = (typeof SHARING_ERROR_CODES)[number];

/** A refusal from the sharing service; route handlers map the code to a status (app/_server/http.ts). */
export class SharingError extends Error {
  override readonly name = 'SharingError';
  constructor(readonly code: SharingErrorCode) {
    super(code);
  }
}
