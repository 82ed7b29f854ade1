import { DomainError, type DomainErrorKind } from '../errors/DomainError';

const SHARING_ERROR_KINDS = {
  not_found: 'not_found',
  forbidden: 'forbidden',
  invite_unknown: 'not_found',
  invite_expired: 'gone',
  invite_revoked: 'gone',
  request_pending: 'conflict',
  request_not_needed: 'conflict',
  request_decided: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;
export type SharingErrorCode = keyof typeof SHARING_ERROR_KINDS;
export const SHARING_ERROR_CODES = Object.keys(SHARING_ERROR_KINDS) as SharingErrorCode[];

/** A refusal from the sharing service. */
export class SharingError extends DomainError {
  override readonly name = 'SharingError';
  declare readonly code: SharingErrorCode;
  constructor(code: SharingErrorCode) {
    super(SHARING_ERROR_KINDS[code], code);
  }
}
