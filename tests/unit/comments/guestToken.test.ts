import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintSyncToken, verifySyncToken } from '../../../lib/auth/syncToken';
import { mintGuestToken, newGuestId, verifyGuestToken } from '../../../lib/comments/guestToken';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-xxxxxxxx';

describe('guest tokens', () => {
  it('name the guest they were minted for, with the secret that signed them', async () => {
    const guest = { id: newGuestId(), name: 'Gitte Gæst' };
    expect(guest.id).toMatch(/^g_[0-9a-f-]{36}$/);
    expect(await verifyGuestToken(await mintGuestToken(guest, SECRET), SECRET)).toEqual(guest);
    expect(await verifyGuestToken(await mintGuestToken(guest, SECRET), `${SECRET}-other`)).toBeNull();
  });

  it('refuse expired, missing, malformed and oversized values', async () => {
    const guest = { id: newGuestId(), name: 'Gitte' };
    expect(await verifyGuestToken(await mintGuestToken(guest, SECRET, -10), SECRET)).toBeNull();
    for (const bad of [undefined, '', 'abc.def.ghi', 'x'.repeat(3000)]) expect(await verifyGuestToken(bad, SECRET)).toBeNull();
  });

  it('are not sync tokens, and sync tokens are not guest tokens', async () => {
    const guestToken = await mintGuestToken({ id: newGuestId(), name: 'Gitte' }, SECRET);
    expect((await verifySyncToken(guestToken, SECRET)).ok).toBe(false);
    const syncToken = await mintSyncToken({ sub: newGuestId(), name: 'Gitte', doc: 'dok-1', access: 'edit' }, SECRET);
    expect(await verifyGuestToken(syncToken, SECRET)).toBeNull();
    // The right audience but not a guest id.
    const forged = await new SignJWT({ name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('p_admin')
      .setAudience('samskriv:guest')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyGuestToken(forged, SECRET)).toBeNull();
  });
});
