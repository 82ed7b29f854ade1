import type { z } from 'zod';
import { PeopleError } from '../../lib/people/PeopleError';

/** The parsed input, or `invalid_input` listing each field with its schema's error code. Never echoes the value. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.message }));
  throw new PeopleError('invalid_input', `invalid input: ${issues.map((issue) => `${issue.path || '(input)'} ${issue.code}`).join(', ')}`, {
    issues,
  });
}
