/**
 * Password hashes with scrypt from node:crypto, self-describing so the cost can rise later:
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url). needsRehash() says when a stored hash was made
 * with other parameters, so the next successful sign-in can upgrade it.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * 32 MiB and ~75 ms per hash. Below OWASP's 2^17 (or 2^15 with p=3) on purpose: scrypt runs on
 * libuv's four-thread pool, which the durable document log also writes through, so a burst of
 * sign-ins must not stall everyone's saves. Raise it here; needsRehash() upgrades stored hashes.
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

// Bounds on what a stored string may ask for, so a corrupt or hostile record cannot make one
// verification allocate gigabytes or run for minutes.
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_P = 16;
const B64URL = /^[A-Za-z0-9_-]+$/;

interface Parsed extends ScryptParams {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

// scrypt needs 128·r·(N + p + 2) bytes; Node's default maxmem (32 MiB) is just short of N=2^15 r=8.
const memoryFor = ({ N, r, p }: ScryptParams) => 128 * r * (N + p + 2);

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: memoryFor(params) + 1024 * 1024 };
  // NFC, so the same password typed on systems that compose "å" differently (one code point, or a + ring) gives the same hash.
  const normalised = password.normalize('NFC');
  return new Promise((resolve, reject) => {
    scrypt(normalised, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params);
  return [PREFIX, params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

const positiveInteger = (text: string | undefined) => (text !== undefined && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : null);

/** The parts of a stored hash, or null for anything that is not one this module could have written. */
function parse(stored: unknown): Parsed | null {
  if (typeof stored !== 'string' || stored.length > 512) return null;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = [positiveInteger(parts[1]), positiveInteger(parts[2]), positiveInteger(parts[3])];
  const [salt, hash] = [parts[4] ?? '', parts[5] ?? ''];
  if (N === null || r === null || p === null || !B64URL.test(salt) || !B64URL.test(hash)) return null;
  // N must be a power of two above 1; scrypt refuses anything else.
  if (N < 2 || (N & (N - 1)) !== 0 || p > MAX_P || memoryFor({ N, r, p }) > MAX_MEMORY_BYTES) return null;
  const saltBytes = Buffer.from(salt, 'base64url');
  const hashBytes = Buffer.from(hash, 'base64url');
  // Exactly KEY_BYTES: a shorter scrypt output is a prefix of the longer one, so a truncated hash
  // would still match if its length were taken from the record.
  if (saltBytes.length < SALT_BYTES || saltBytes.length > 64 || hashBytes.length !== KEY_BYTES) return null;
  return { N, r, p, salt: saltBytes, hash: hashBytes };
}

/** True only when `password` matches; false for a wrong password and for any malformed stored value. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null || typeof password !== 'string') return false;
  try {
    const candidate = await derive(password, parsed.salt, parsed);
    return timingSafeEqual(candidate, parsed.hash);
  } catch {
    return false;
  }
}

/** True when a stored hash should be replaced at the next successful sign-in (other cost, or unreadable). */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parse(stored);
  if (parsed === null) return true;
  return parsed.N !== params.N || parsed.r !== params.r || parsed.p !== params.p || parsed.salt.length !== SALT_BYTES;
}
