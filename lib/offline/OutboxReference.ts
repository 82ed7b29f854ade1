/**
 * References from one queued entry to the server's answer to an earlier one. A reply to a comment
 * that is itself still queued cannot know the comment's server id yet, so its url says
 * `/api/documents/d1/comments/${outboxRef(commentEntry.id)}/replies`; when the comment is sent, the
 * outbox fills the reference from the response (`comment.id` by default) before sending the reply.
 */

const REFERENCE = /\{\{outbox:([A-Za-z0-9-]{1,64}):([A-Za-z0-9_]{1,64}(?:\.[A-Za-z0-9_]{1,64}){0,7})\}\}/g;
const WHOLE_REFERENCE = new RegExp(`^${REFERENCE.source}$`);

/**
 * A placeholder for a value in the server's JSON answer to entry `entryId`, e.g. the new comment's
 * id (`comment.id`, the default). Use it in the url or anywhere in the body of a later entry.
 */
export function outboxRef(entryId: string, path = 'comment.id'): string {
  const reference = `{{outbox:${entryId}:${path}}}`;
  if (!WHOLE_REFERENCE.test(reference)) throw new Error(`Not a valid outbox reference: ${reference}`);
  return reference;
}

/** Ids of the entries referenced anywhere in a url or JSON body. */
export function dependenciesIn(value: unknown): string[] {
  const ids = new Set<string>();
  const visit = (item: unknown) => {
    if (typeof item === 'string') {
      for (const match of item.matchAll(REFERENCE)) ids.add(match[1]!);
    } else if (Array.isArray(item)) {
      item.forEach(visit);
    } else if (item && typeof item === 'object') {
      Object.values(item).forEach(visit);
    }
  };
  visit(value);
  return [...ids];
}

function pick(result: unknown, path: string): unknown {
  let current: unknown = result;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';

/** Thrown when the earlier entry's answer lacks the referenced value. */
export class UnresolvedReference extends Error {
  constructor(readonly reference: string) {
    super(`The server's answer has no value for ${reference}`);
  }
}

/** Fills references to `entryId` in a url (values URL-encoded). */
export function fillUrl(url: string, entryId: string, result: unknown): string {
  return url.replace(REFERENCE, (whole, id: string, path: string) => {
    if (id !== entryId) return whole;
    const value = pick(result, path);
    if (!isScalar(value)) throw new UnresolvedReference(whole);
    return encodeURIComponent(String(value));
  });
}

/**
 * Fills references to `entryId` in a JSON body: a string that is exactly one reference becomes the
 * referenced JSON value itself; a reference inside a longer string becomes its text.
 */
export function fillBody(body: unknown, entryId: string, result: unknown): unknown {
  if (typeof body === 'string') {
    const whole = WHOLE_REFERENCE.exec(body);
    if (whole && whole[1] === entryId) {
      const value = pick(result, whole[2]!);
      if (value === undefined) throw new UnresolvedReference(body);
      return value;
    }
    return body.replace(REFERENCE, (reference, id: string, path: string) => {
      if (id !== entryId) return reference;
      const value = pick(result, path);
      if (!isScalar(value)) throw new UnresolvedReference(reference);
      return String(value);
    });
  }
  if (Array.isArray(body)) return body.map((item) => fillBody(item, entryId, result));
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, item]) => [key, fillBody(item, entryId, result)]));
  }
  return body;
}
