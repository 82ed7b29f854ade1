import { randomUUID } from 'node:crypto';

/** A new random id with a prefix that says what it names: `p_` person, `o_` organisation, `w_` workspace. */
export function newId(prefix: 'p' | 'o' | 'w'): string {
  return `${prefix}_${randomUUID()}`;
}
