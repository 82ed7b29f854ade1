/**
 * Small helpers for the JSON route handlers: one error shape (`{ error: { code, message } }`),
 * a same-origin check against cross-site requests, and a size-capped JSON body reader.
 */
import type { z } from 'zod';
import { errorMessage, type Translate } from '../../lib/i18n/t';
import { t as danish, translator } from '../../lib/i18n/translator';
import { getServices } from '../../lib/services';
import { firstIssueCode } from '../_shared/schemas';
import { requestLocale } from './requestLocale';
import { isDomainError, type DomainError, type DomainErrorKind } from '../../lib/errors/DomainError';

/** JSON bodies of these routes are tiny (a name, a title); anything bigger is refused. */
export const MAX_JSON_BODY_BYTES = 4 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** `translate`: the request's language (handle() passes it); Danish where none is known. */
export function errorResponse(status: number, code: string, headers: Record<string, string> = {}, translate: Translate = danish): Response {
  return Response.json(
    { error: { code, message: errorMessage(translate, code) } },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

/** The one place a service's refusal becomes an HTTP status. */
export const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  // RFC 8470: the request refers to what has not arrived yet (a passage typed offline); retried.
  too_early: 425,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * A service's refusal as the JSON error shape: invalid input names its first issue, and a rate
 * limit or a too-early request says when to try again (Retry-After, whole seconds).
 */
export function domainErrorResponse(error: DomainError, translate: Translate = danish): Response {
  const code = error.issues?.[0]?.code ?? error.code;
  const retry: Record<string, string> =
    error.retryAfterMs === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) };
  return errorResponse(DOMAIN_STATUS[error.kind], code, retry, translate);
}

/**
 * Refuses cross-origin writes: the Origin header must be present and name this host. (The session
 * cookie is SameSite=Lax as well; this also covers same-site subdomains and old browsers.)
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) throw new HttpError(403, 'cross_origin');
  try {
    if (new URL(origin).host !== host) throw new HttpError(403, 'cross_origin');
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(403, 'cross_origin');
  }
}

/** Reads a JSON body of at most `maxBytes` (MAX_JSON_BODY_BYTES unless said) and validates it with `schema`. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new HttpError(413, 'body_too_large');
  const text = await readCapped(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, firstIssueCode(parsed.error));
  return parsed.data;
}

async function readCapped(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, 'body_too_large');
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Runs a handler and turns HttpErrors (and anything unexpected) into the JSON error shape. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const translate = translator(await requestLocale());
    if (error instanceof HttpError) return errorResponse(error.status, error.code, error.headers, translate);
    if (isDomainError(error)) return domainErrorResponse(error, translate);
    // By name, not instanceof (Next bundles its own copy of the class): the document is refused until an operator fixes its files.
    if (error instanceof Error && error.name === 'DocumentStorageError') {
      getServices().logger.error({ err: error }, 'document storage damaged');
      return errorResponse(503, 'document_damaged', {}, translate);
    }
    getServices().logger.error({ err: error }, 'route handler failed');
    return errorResponse(500, 'internal', {}, translate);
  }
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
