/**
 * The composer's "@" in plain text (comments and replies): what is being typed after an "@" before
 * the caret, putting a chosen person's "@Name" in its place, and which chosen people the text still
 * mentions when it is sent. Browser-safe and pure.
 */
import { MENTION_QUERY_MAX_LENGTH, type MentionRef } from './model';

export interface MentionQuery {
  /** Where the "@" is. */
  readonly start: number;
  /** What follows it up to the caret (at most two words). */
  readonly query: string;
}

// An "@" at the start or after a space or an opening bracket, then up to two words of a name.
const TRIGGER = /(?:^|[\s([{“"'])@((?:[\p{L}\p{M}\p{N}'’.-]+(?: [\p{L}\p{M}\p{N}'’.-]*)?)?)$/u;

/** The mention being typed at `caret`, or null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - MENTION_QUERY_MAX_LENGTH - 2), caret);
  const match = TRIGGER.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  if (query.length > MENTION_QUERY_MAX_LENGTH) return null;
  return { start: caret - query.length - 1, query };
}

/** The text with "@Name " in place of the query, and the caret after it. */
export function insertMention(text: string, at: MentionQuery, name: string): { readonly text: string; readonly caret: number } {
  const end = at.start + 1 + at.query.length;
  const rest = text.slice(end);
  // A space after the name, unless punctuation or a space follows already.
  const inserted = `@${name}${rest === '' || /^[\p{L}\p{N}]/u.test(rest) ? ' ' : ''}`;
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length + (rest.startsWith(' ') ? 1 : 0) };
}

/** The chosen people whose "@Name" is still in the text, each once (a mention deleted from the text is no mention). */
export function mentionsInText(text: string, chosen: readonly MentionRef[]): MentionRef[] {
  const kept = new Map<string, MentionRef>();
  for (const person of chosen) if (!kept.has(person.id) && text.includes(`@${person.name}`)) kept.set(person.id, person);
  return [...kept.values()];
}
