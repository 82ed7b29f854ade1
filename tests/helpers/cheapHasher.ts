/**
 * scrypt at N=2^4 (microseconds instead of ~75 ms, or seconds on a loaded machine): for every test
 * that is not about the password module itself. Same format and code paths as production.
 */
import { scryptHasher } from '../../lib/auth/scryptHasher';

export const CHEAP_SCRYPT_PARAMS = { N: 2 ** 4, r: 8, p: 1 } as const;

export const cheapHasher = () => scryptHasher(CHEAP_SCRYPT_PARAMS);
