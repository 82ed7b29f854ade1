import { MAX_MENTIONS } from './model';

const PERSON_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The person ids a comment asks to mention, from untrusted input: absent is none; otherwise an array
 * of at most MAX_MENTIONS id-shaped strings (repeats are kept once, in order). Null when it is anything else.
 */
export function readMentionIds(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_MENTIONS) return null;
  const ids: string[] = [];
  for (const id of value) {
    if (typeof id !== 'string' || !PERSON_ID.test(id)) return null;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
