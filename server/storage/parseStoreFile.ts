/**
 * Checks what a store file held against its schema, so a hand-edited or damaged file is refused
 * when it is read (at start: see checkDataDir) with the path of the first bad value, instead of
 * failing later, on some request, with an error about something else.
 */
import type { z } from 'zod';

export function parseStoreFile<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'not the expected shape');
}
