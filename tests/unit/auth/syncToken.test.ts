import { describe, expect, it } from 'vitest';
import { verifySyncToken } from '../../../lib/auth/syncToken';
import { rawToken, TEST_SECRET, token, unsignedToken } from '../../helpers/tokens';

const now = () => Math.floor(Date.now() / 1000);

describe('sync tokens', () => {
  it('verifies a minted token and returns its claims', async () => {
    const result = await verifySyncToken(await token('doc1', 'comment', { name: 'Kommune', sub: 'k1', title: 'Plan' }), TEST_SECRET);
    expect(result).toMatchObject({ ok: true, claims: { sub: 'k1', name: 'Kommune', doc: 'doc1', access: 'comment', title: 'Plan' } });
  });

  it('refuses a token signed with another key (forged signature)', async () => {
    expect(
      await verifySyncToken(await token('doc1', 'edit', { secret: 'another-secret-that-is-32-characters-long!' }), TEST_SECRET),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await token('doc1', 'view')).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', name: 'X', doc: 'doc1', access: 'edit', exp: now() + 60 })).toString(
      'base64url',
    );
    expect(await verifySyncToken(`${header}.${payload}.${signature}`, TEST_SECRET)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses alg none', async () => {
    expect(await verifySyncToken(unsignedToken('doc1'), TEST_SECRET)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports an expired token as expired', async () => {
    expect(await verifySyncToken(await token('doc1', 'edit', { ttlSeconds: -10 }), TEST_SECRET)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['sub', { name: 'X', doc: 'd', access: 'edit', exp: now() + 60 }],
    ['exp', { sub: 's', name: 'X', doc: 'd', access: 'edit' }],
    ['name', { sub: 's', doc: 'd', access: 'edit', exp: now() + 60 }],
    ['doc', { sub: 's', name: 'X', access: 'edit', exp: now() + 60 }],
    ['access', { sub: 's', name: 'X', doc: 'd', exp: now() + 60 }],
  ])('refuses a token without %s', async (_claim, claims) => {
    expect(await verifySyncToken(await rawToken(claims), TEST_SECRET)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an unknown access level and a blank name', async () => {
    expect(
      (await verifySyncToken(await rawToken({ sub: 's', name: 'X', doc: 'd', access: 'admin', exp: now() + 60 }), TEST_SECRET)).ok,
    ).toBe(false);
    expect(
      (await verifySyncToken(await rawToken({ sub: 's', name: '   ', doc: 'd', access: 'edit', exp: now() + 60 }), TEST_SECRET)).ok,
    ).toBe(false);
  });

  it.each(['', 'garbage', 'a.b.c', 'x'.repeat(5000)])('refuses garbage %#', async (garbage) => {
    expect((await verifySyncToken(garbage, TEST_SECRET)).ok).toBe(false);
  });
});
