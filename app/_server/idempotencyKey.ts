/**
 * The client's idempotency key for a POST: `clientKey` in the body, else the `Idempotency-Key`
 * header (the browser outbox sends both, with the same value). The comment service checks its form.
 */
export function idempotencyKey(request: Request, fromBody: string | undefined): string | undefined {
  return fromBody ?? request.headers.get('idempotency-key') ?? undefined;
}
