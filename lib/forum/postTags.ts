/**
 * Tags on forum posts (issue 14): trimmed, lower-case (Danish rules), inner spaces collapsed, at most
 * MAX_TAG_LENGTH characters each and MAX_TAGS per post, duplicates dropped (first kept). Refusals are
 * codes (`error.<code>` in the catalogue). Browser-safe.
 */
import { isSafeDisplayText } from '../text/displayText';

export const MAX_TAGS = 8;
export const MAX_TAG_LENGTH = 32;

export type TagsResult = { readonly ok: true; readonly tags: readonly string[] } | { readonly ok: false; readonly code: TagError };
export type TagError = 'tags_invalid' | 'tag_empty' | 'tag_too_long' | 'tag_invalid' | 'too_many_tags';

/** One tag as stored, or null when nothing is left of it. */
export function normaliseTag(raw: string): string | null {
  const tag = raw.trim().replace(/\s+/g, ' ').replace(/^#+/, '').trim().toLocaleLowerCase('da');
  return tag === '' ? null : tag;
}

/** Checks and normalises a list of tags from outside (a request body, a form). */
export function normaliseTags(input: unknown): TagsResult {
  if (!Array.isArray(input)) return { ok: false, code: 'tags_invalid' };
  // Far too many to be a mistake of one: refused before any work.
  if (input.length > MAX_TAGS * 4) return { ok: false, code: 'too_many_tags' };
  const tags: string[] = [];
  for (const raw of input) {
    if (typeof raw !== 'string') return { ok: false, code: 'tags_invalid' };
    const tag = normaliseTag(raw);
    if (tag === null) return { ok: false, code: 'tag_empty' };
    if ([...tag].length > MAX_TAG_LENGTH) return { ok: false, code: 'tag_too_long' };
    if (!isSafeDisplayText(tag)) return { ok: false, code: 'tag_invalid' };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { ok: false, code: 'too_many_tags' };
  return { ok: true, tags };
}

/** "samskabelse, frivillige" (the form's one field) → its tags, empty pieces skipped. */
export function splitTagField(field: string): string[] {
  return field
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
