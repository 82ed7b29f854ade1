/**
 * The one refusal type of the services: what kind of refusal it is (the HTTP adapter turns the kind
 * into a status, in app/_server/http.ts and nowhere else), a stable machine `code` (`error.<code>` in
 * the i18n catalogue) and a sentence for logs. Families (PeopleError, SharingError, CommentError)
 * are subclasses that keep their own codes.
 */
export const DOMAIN_ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'too_early',
  'rate_limited',
  'unavailable',
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

/** One thing wrong with an input: the field and the schema's error code (e.g. `password_too_short`). */
export interface InputIssue {
  readonly path: string;
  readonly code: string;
}

export interface DomainErrorOptions {
  /** For `invalid`: the fields at fault; the first one's code is what the caller is told. */
  readonly issues?: readonly InputIssue[];
  /** For `rate_limited` and `too_early`: how long until trying again makes sense. */
  readonly retryAfterMs?: number;
}

// A registered symbol, not instanceof: the services are built in the server bundle and Next bundles
// its own copy of this class, so the two constructors differ while the symbol is the same.
const BRAND: unique symbol = Symbol.for('samskriv.DomainError');

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  readonly [BRAND] = true;
  readonly issues: readonly InputIssue[] | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly detail: string = code,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.issues = options.issues;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof Error &&
    (error as unknown as Record<symbol, unknown>)[BRAND] === true &&
    (DOMAIN_ERROR_KINDS as readonly unknown[]).includes((error as { kind?: unknown }).kind) &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}
