import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from '../../../lib/auth/password';

const PASSWORD = 'rødgrød med fløde 42';
let stored: string;

beforeAll(async () => {
  stored = await hashPassword(PASSWORD);
});

/** `stored` with part `index` (0 = "scrypt" … 5 = hash) replaced. */
const withPart = (index: number, value: string) =>
  stored
    .split('$')
    .map((part, i) => (i === index ? value : part))
    .join('$');

/** Flips one bit in a base64url part, keeping it valid base64url of the same length. */
function flipped(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

describe('hashPassword', () => {
  it('writes scrypt$N$r$p$salt$hash with the current parameters, a 16-byte salt and a 32-byte hash', () => {
    const [prefix, N, r, p, salt, hash, ...rest] = stored.split('$');
    expect(prefix).toBe('scrypt');
    expect([Number(N), Number(r), Number(p)]).toEqual([SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64url')).toHaveLength(32);
    expect(salt).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(rest).toEqual([]);
  });

  it('never contains the password', () => {
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(Buffer.from(PASSWORD).toString('base64url'));
  });

  it('salts every hash: the same password hashes differently each time', async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(stored);
    expect(await verifyPassword(PASSWORD, again)).toBe(true);
  });
});

describe('verifyPassword', () => {
  it('accepts the password it was made from (round trip)', async () => {
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  it.each([
    ['a different password', 'rødgrød med fløde 43'],
    ['a different case', 'RØDGRØD MED FLØDE 42'],
    ['the password with a trailing space', `${PASSWORD} `],
    ['a prefix of the password', PASSWORD.slice(0, -1)],
    ['an empty password', ''],
  ])('refuses %s', async (_what, attempt) => {
    expect(await verifyPassword(attempt, stored)).toBe(false);
  });

  it('accepts the password typed in decomposed form (å as a + combining ring), as some keyboards send it', async () => {
    const withRing = await hashPassword('blåbærgrød på bordet');
    expect('blåbærgrød på bordet'.normalize('NFD')).not.toBe('blåbærgrød på bordet');
    expect(await verifyPassword('blåbærgrød på bordet'.normalize('NFD'), withRing)).toBe(true);
  });

  it.each([
    ['a flipped bit in the hash', () => withPart(5, flipped(stored.split('$')[5] ?? ''))],
    ['a flipped bit in the salt', () => withPart(4, flipped(stored.split('$')[4] ?? ''))],
    ['a smaller N', () => withPart(1, String(SCRYPT_PARAMS.N / 2))],
    ['another r', () => withPart(2, String(SCRYPT_PARAMS.r + 1))],
    ['another p', () => withPart(3, String(SCRYPT_PARAMS.p + 1))],
    // scrypt's shorter outputs are prefixes of its longer ones: a truncated hash must not verify.
    ['a truncated hash', () => withPart(5, (stored.split('$')[5] ?? '').slice(0, 30))],
    ['a hash with bytes appended', () => withPart(5, `${stored.split('$')[5] ?? ''}AAAA`)],
  ])('refuses the right password against a tampered hash: %s', async (_what, tampered) => {
    expect(await verifyPassword(PASSWORD, tampered())).toBe(false);
  });

  it.each([
    ['empty', () => ''],
    ['plain text', () => PASSWORD],
    ['another algorithm', () => `bcrypt$2b$10$${'a'.repeat(53)}`],
    ['another prefix', () => withPart(0, 'SCRYPT')],
    ['a missing part', () => stored.split('$').slice(0, 5).join('$')],
    ['an extra part', () => `${stored}$x`],
    ['N not a number', () => withPart(1, 'abc')],
    ['N not a power of two', () => withPart(1, '30000')],
    ['N of 1', () => withPart(1, '1')],
    ['N zero', () => withPart(1, '0')],
    ['N negative', () => withPart(1, '-32768')],
    ['N with a leading zero', () => withPart(1, '032768')],
    ['N in hexadecimal', () => withPart(1, '0x8000')],
    ['N as a float', () => withPart(1, '32768.0')],
    ['N asking for gigabytes', () => withPart(1, String(2 ** 24))],
    ['an absurd p', () => withPart(3, '100000')],
    ['r of zero', () => withPart(2, '0')],
    ['a salt that is not base64url', () => withPart(4, 'not+base64/==')],
    ['a hash that is not base64url', () => withPart(5, '!!!!!!!!!!!!!!!!!!!!!!!!')],
    ['an empty salt', () => withPart(4, '')],
    ['an empty hash', () => withPart(5, '')],
    ['a salt that is too short', () => withPart(4, 'AAAA')],
    ['a salt that is too long', () => withPart(4, 'A'.repeat(200))],
    ['a hash that is far too long', () => withPart(5, 'A'.repeat(200))],
    ['a huge string', () => `scrypt$${'9'.repeat(100_000)}`],
  ])('returns false, never throws, for a stored value that is %s', async (_what, bad) => {
    await expect(verifyPassword(PASSWORD, bad())).resolves.toBe(false);
  });

  it.each([null, undefined, 42, {}, ['scrypt']])('returns false for a stored value that is not a string (%o)', async (bad) => {
    await expect(verifyPassword(PASSWORD, bad as unknown as string)).resolves.toBe(false);
  });

  it('returns false for a password that is not a string', async () => {
    await expect(verifyPassword(undefined as unknown as string, stored)).resolves.toBe(false);
  });
});

describe('needsRehash', () => {
  it('is false for a hash made with the current parameters', () => {
    expect(needsRehash(stored)).toBe(false);
  });

  it('is true for a hash made with other parameters, which still verifies until then', async () => {
    const older = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
    expect(needsRehash(older)).toBe(true);
    expect(await verifyPassword(PASSWORD, older)).toBe(true);
    expect(needsRehash(stored, { ...SCRYPT_PARAMS, N: SCRYPT_PARAMS.N * 2 })).toBe(true);
  });

  it('is true for anything it cannot read, without throwing', () => {
    for (const bad of ['', 'plain', 'bcrypt$2b$10$abc', withPart(1, '30000'), withPart(5, '')]) expect(needsRehash(bad)).toBe(true);
  });
});
