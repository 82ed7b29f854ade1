/**
 * What the outbox stores: one server-checked action (a comment, a reply, a support, …) waiting to
 * be sent, or refused by the server and kept until the person dismisses it. Plus the validation of
 * what callers enqueue (hostile or buggy input gets a clear OutboxError, never a broken queue).
 */
import { dependenciesIn } from './OutboxReference';

export const OUTBOX_KINDS = [
  'comment',
  'suggestion',
  'reply',
  'edit',
  'delete',
  'support',
  'report',
  'answer',
  'resolution',
  'decision',
  'moderation',
  'consultation',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export const OUTBOX_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type OutboxMethod = (typeof OUTBOX_METHODS)[number];

export type OutboxState = 'pending' | 'refused';

/** Why the server (or the outbox, for dependants) refused an entry. */
export interface OutboxRefusal {
  /** HTTP status; 0 when the outbox itself refused (see the depends_on_* codes). */
  readonly status: number;
  /** The server's `error.code`, or a `depends_on_*` code. */
  readonly code: string;
  /** The server's `error.message`, or empty: the reader's catalogue has the code's message (app/_outbox/refusalMessage.ts). */
  readonly message: string;
}

/** Codes the outbox itself gives dependants of entries that did not go through. */
export const DEPENDS_ON_REFUSED = 'depends_on_refused';
export const DEPENDS_ON_CANCELLED = 'depends_on_cancelled';
export const DEPENDS_ON_UNRESOLVED = 'depends_on_unresolved';

export interface OutboxEntry {
  /** Random UUID; also the request's `clientKey` (POST bodies) and `Idempotency-Key` header. */
  readonly id: string;
  /** Position in the person's queue (IndexedDB key, increasing): entries are sent in this order. */
  readonly seq: number;
  readonly documentId: string;
  readonly kind: OutboxKind;
  readonly method: OutboxMethod;
  /** Same-origin path, `/api/…`; may hold references to earlier entries until they are sent. */
  readonly url: string;
  /** JSON body (undefined: none); may hold references to earlier entries until they are sent. */
  readonly body: unknown;
  /** What to show: "Kommentar til “…”". */
  readonly label: string;
  /** The person's own words, always copyable (may be ''). */
  readonly text: string;
  /** ISO time of enqueue. */
  readonly createdAt: string;
  /** Send attempts so far. */
  readonly attempts: number;
  readonly state: OutboxState;
  readonly refusal?: OutboxRefusal;
  /** Ids of earlier entries whose server result this one still waits for. */
  readonly dependsOn: readonly string[];
  /** Epoch ms before which no instance sends this entry again (back-off / Retry-After). */
  readonly nextAttemptAt?: number;
  /** Why the last attempt did not get through: 'network', 'timeout' or 'http_<status>'. */
  readonly lastError?: string;
}

export interface EnqueueInput {
  readonly documentId: string;
  readonly kind: OutboxKind;
  readonly method: OutboxMethod;
  readonly url: string;
  readonly body?: unknown;
  readonly label: string;
  readonly text?: string;
  /**
   * Extra ids of earlier entries this one must wait for; references made with `outboxRef` in the
   * url or body are added automatically.
   */
  readonly dependsOn?: readonly string[];
}

export class OutboxError extends Error {
  override readonly name = 'OutboxError';
  constructor(
    readonly code:
      | 'invalid_kind'
      | 'invalid_method'
      | 'invalid_url'
      | 'invalid_body'
      | 'invalid_document'
      | 'invalid_label'
      | 'invalid_text'
      | 'unknown_dependency'
      | 'outbox_full'
      | 'not_found'
      | 'wrong_state'
      | 'in_flight'
      | 'closed',
    message: string,
  ) {
    super(message);
  }
}

export const LIMITS = {
  /** Entries (pending + refused) one person may have queued. */
  entries: 500,
  documentId: 200,
  url: 2000,
  label: 500,
  /** Comments are short; this is generous and still keeps one entry small. */
  text: 50_000,
  /** Serialised body. */
  body: 100_000,
} as const;

function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** True for plain JSON data (no functions, Dates, class instances, cycles, NaN, …). */
function isPlainJson(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (seen.has(value)) return false;
  seen.add(value);
  const ok = Array.isArray(value)
    ? value.every((item) => isPlainJson(item, seen))
    : (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) &&
      Object.values(value).every((item) => isPlainJson(item, seen));
  seen.delete(value);
  return ok;
}

/** Checks what a caller wants to enqueue; throws OutboxError with a precise code. Returns the dependency ids. */
export function validateEnqueue(input: EnqueueInput): string[] {
  if (!input || typeof input !== 'object') throw new OutboxError('invalid_body', 'enqueue() needs an object');
  if (!(OUTBOX_KINDS as readonly string[]).includes(input.kind))
    throw new OutboxError('invalid_kind', `Unknown outbox kind: ${String(input.kind)}`);
  if (!(OUTBOX_METHODS as readonly string[]).includes(input.method)) {
    throw new OutboxError('invalid_method', `Method must be one of ${OUTBOX_METHODS.join(', ')}`);
  }
  if (typeof input.documentId !== 'string' || input.documentId === '' || input.documentId.length > LIMITS.documentId) {
    throw new OutboxError('invalid_document', 'documentId must be a non-empty string');
  }
  const url = input.url;
  if (
    typeof url !== 'string' ||
    !url.startsWith('/api/') ||
    url.length > LIMITS.url ||
    url.includes('\\') ||
    url.includes('..') ||
    hasControlCharacters(url) ||
    /\s/.test(url)
  ) {
    throw new OutboxError('invalid_url', 'url must be a same-origin path under /api/');
  }
  if (typeof input.label !== 'string' || input.label.trim() === '' || input.label.length > LIMITS.label) {
    throw new OutboxError('invalid_label', `label must be a non-empty string of at most ${LIMITS.label} characters`);
  }
  if (input.text !== undefined && (typeof input.text !== 'string' || input.text.length > LIMITS.text)) {
    throw new OutboxError('invalid_text', `text must be a string of at most ${LIMITS.text} characters`);
  }
  if (input.body !== undefined) {
    if (!isPlainJson(input.body)) throw new OutboxError('invalid_body', 'body must be plain JSON data');
    if (JSON.stringify(input.body).length > LIMITS.body) throw new OutboxError('invalid_body', 'body is too large');
  }
  if (input.method === 'DELETE' && input.body !== undefined) throw new OutboxError('invalid_body', 'DELETE takes no body');
  const explicit = input.dependsOn ?? [];
  if (!Array.isArray(explicit) || !explicit.every((id) => typeof id === 'string' && id !== '')) {
    throw new OutboxError('unknown_dependency', 'dependsOn must be a list of entry ids');
  }
  return [...new Set([...explicit, ...dependenciesIn(url), ...dependenciesIn(input.body)])];
}
