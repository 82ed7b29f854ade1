/**
 * The PasswordHasher the server uses. The password module's own tests, so these (and
 * password.test.ts) are the only unit tests that pay production-cost scrypt.
 */
import { describe, expect, it } from 'vitest';
import { SCRYPT_PARAMS } from '../../../lib/auth/password';
import { scryptHasher } from '../../../lib/auth/scryptHasher';
import { createAccountService } from '../../../server/people/createAccountService';
import { MemoryAccountStore } from '../../../server/people/MemoryAccountStore';
import { cheapHasher, CHEAP_SCRYPT_PARAMS } from '../../helpers/cheapHasher';

const PASSWORD = 'rødgrød med fløde 42';
const costOf = (stored: string) => stored.split('$').slice(1, 4).map(Number);

describe('scryptHasher', () => {
  it('hashes at production cost by default, and verifies what it made', async () => {
    const hasher = scryptHasher();
    const stored = await hasher.hash(PASSWORD);
    expect(costOf(stored)).toEqual([SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(await hasher.verify(PASSWORD, stored)).toBe(true);
    expect(await hasher.verify(`${PASSWORD}!`, stored)).toBe(false);
    expect(hasher.needsRehash(stored)).toBe(false);
  });

  it('verifies a hash of another cost, and says it needs rehashing', async () => {
    const cheap = await cheapHasher().hash(PASSWORD);
    expect(costOf(cheap)).toEqual([CHEAP_SCRYPT_PARAMS.N, CHEAP_SCRYPT_PARAMS.r, CHEAP_SCRYPT_PARAMS.p]);
    expect(await scryptHasher().verify(PASSWORD, cheap)).toBe(true);
    expect(scryptHasher().needsRehash(cheap)).toBe(true);
    expect(cheapHasher().needsRehash(cheap)).toBe(false);
  });
});

describe('the people services without an injected hasher', () => {
  it('store passwords at production cost (as the server, which injects none, does)', async () => {
    const store = new MemoryAccountStore();
    const accounts = createAccountService({ store });
    await accounts.signUp({ email: 'karen@example.dk', password: PASSWORD, name: 'Karen' });
    const stored = (await store.getPersonByEmail('karen@example.dk'))?.passwordHash ?? '';
    expect(costOf(stored)).toEqual([SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
  });
});
