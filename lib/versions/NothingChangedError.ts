/**
 * The refusal of a publish whose content equals the latest published version's: a DomainError
 * (`conflict` / `nothing_changed`) that also names that version, so the answer can say which.
 * Read with `nothingChangedSince` (by shape, not instanceof: Next bundles its own copy of classes).
 */
import { DomainError, isDomainError } from '../errors/DomainError';

export class NothingChangedError extends DomainError {
  constructor(readonly latestVersion: number) {
    super('conflict', 'nothing_changed', `nothing changed since version ${latestVersion}`);
  }
}

/** The version a `nothing_changed` refusal names, or null for any other error. */
export function nothingChangedSince(error: unknown): number | null {
  if (!isDomainError(error) || error.code !== 'nothing_changed') return null;
  const number = (error as { latestVersion?: unknown }).latestVersion;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
}
