/**
 * How the people services hash and check passwords. Injected (PeopleServiceOptions.passwords) so
 * unit tests can use a cheap cost; the server always uses `scryptHasher()` with SCRYPT_PARAMS.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True only when `password` matches; false for a wrong password and for any malformed stored value. */
  verify(password: string, stored: string): Promise<boolean>;
  /** True when a stored hash should be replaced at the next successful sign-in. */
  needsRehash(stored: string): boolean;
}
