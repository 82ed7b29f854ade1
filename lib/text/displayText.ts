/**
 * Rules for short texts shown to other people (names, titles): no control characters and no
 * bidirectional overrides, which could disguise what others read. Browser-safe (no Node imports),
 * so forms and route handlers share one schema.
 */
import { z } from '../zodWithoutEval';
import { imitatesAffiliation } from '../people/affiliation';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export function isSafeDisplayText(value: string): boolean {
  return !UNSAFE.test(value);
}

export const NAME_MAX_LENGTH = 60;

/** A person's display name; issue messages are error codes (`error.<code>` in the catalogue). */
export const displayNameSchema = z
  .string({ error: 'name_required' })
  .trim()
  .min(1, 'name_required')
  .max(NAME_MAX_LENGTH, 'name_too_long')
  .refine(isSafeDisplayText, 'name_invalid')
  // Acting for an organisation is shown from a verified membership, never from the name.
  .refine((name) => !imitatesAffiliation(name), 'name_affiliation');
