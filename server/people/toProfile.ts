import type { Person, PersonProfile } from '../../lib/people/AccountStore';

/** A person without the password hash: all that services hand out, so no hash reaches a page or a log. */
export function toProfile({ passwordHash: _hash, ...profile }: Person): PersonProfile {
  return profile;
}
