/**
 * Small helpers for the JSON route handlers: one error shape (`{ error: { code, message } }`),
 * a same-origin check against cross-site requests, and a size-capped JSON body reader.
 */
import type { z } from 'zod';
import { errorMessage, t } from '../../lib/i18n/t';
import { getServices } from '../../lib/services';
import { firstIssueCode } from '../_shared/schemas';
import { PEOPLE_ERROR_CODES, type PeopleError, type PeopleErrorCode } from '../../server/people/PeopleError';
import { isCommentError, type CommentError, type CommentErrorKind } from '../../lib/comments/CommentError';
import { SHARING_ERROR_CODES, type SharingErrorCode } from '../../server/sharing/SharingError';

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

export function errorResponse(status: number, code: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code, message: errorMessage(t, code) } },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

const PEOPLE_STATUS: Record<PeopleErrorCode, number> = {
  invalid_input: 400,
  email_taken: 409,
  invalid_credentials: 401,
  throttled: 429,
  forbidden: 403,
  not_found: 404,
  last_admin: 409,
  invalid_token: 400,
  setup_done: 409,
  not_member: 403,
  invalid_session: 401,
};

/**
 * By shape, not instanceof: the services are built in the server bundle (dist/server.js) and Next
 * bundles its own copy of the class, so the two constructors differ.
 */
export function isPeopleError(error: unknown): error is PeopleError {
  return (
    error instanceof Error &&
    error.name === 'PeopleError' &&
    (PEOPLE_ERROR_CODES as readonly string[]).includes((error as { code?: unknown }).code as string)
  );
}

/** A refusal from the people services as the JSON error shape; invalid input names its first issue. */
export function peopleErrorResponse(error: PeopleError): Response {
  const code = error.code === 'invalid_input' ? (error.details.issues?.[0]?.code ?? 'invalid_input') : error.code;
  const retryAfterMs = error.details.retryAfterMs;
  return errorResponse(
    PEOPLE_STATUS[error.code],
    code,
    retryAfterMs === undefined ? {} : { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
  );
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

const SHARING_STATUS: Record<SharingErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invite_unknown: 404,
  invite_expired: 410,
  invite_revoked: 410,
  request_pending: 409,
  request_not_needed: 409,
  request_decided: 409,
};

/** The sharing service's refusal code, by shape (as for PeopleError), or null. */
export function sharingErrorCode(error: unknown): SharingErrorCode | null {
  if (!(error instanceof Error) || error.name !== 'SharingError') return null;
  const code = (error as { code?: unknown }).code;
  return (SHARING_ERROR_CODES as readonly unknown[]).includes(code) ? (code as SharingErrorCode) : null;
}

const COMMENT_STATUS: Record<CommentErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // RFC 8470: the request refers to what has not arrived yet (a passage typed offline); retried.
  too_early: 425,
  rate_limited: 429,
};

/** A refusal from the comment service; a rate limit or a too-early request says when to try again (Retry-After, whole seconds). */
export function commentErrorResponse(error: CommentError): Response {
  const retry: Record<string, string> =
    error.retryAfterMs === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) };
  return errorResponse(COMMENT_STATUS[error.kind], error.code, retry);
}

/** Runs a handler and turns HttpErrors (and anything unexpected) into the JSON error shape. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error.status, error.code, error.headers);
    if (isPeopleError(error)) return peopleErrorResponse(error);
    const sharingCode = sharingErrorCode(error);
    if (sharingCode) return errorResponse(SHARING_STATUS[sharingCode], sharingCode);
    if (isCommentError(error)) return commentErrorResponse(error);
    // By name, as for PeopleError: the document is refused until an operator fixes its files.
    if (error instanceof Error && error.name === 'DocumentStorageError') {
      getServices().logger.error({ err: error }, 'document storage damaged');
      return errorResponse(503, 'document_damaged');
    }
    getServices().logger.error({ err: error }, 'route handler failed');
    return errorResponse(500, 'internal');
  }
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
