import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword, type ScryptParams } from './password';
import type { PasswordHasher } from './PasswordHasher';

/**
 * The scrypt PasswordHasher. Production uses the default, SCRYPT_PARAMS; other parameters are for
 * tests only (a hash with other parameters still verifies, and needsRehash() reports it).
 */
export function scryptHasher(params: ScryptParams = SCRYPT_PARAMS): PasswordHasher {
  return {
    hash: (password) => hashPassword(password, params),
    verify: (password, stored) => verifyPassword(password, stored),
    needsRehash: (stored) => needsRehash(stored, params),
  };
}
