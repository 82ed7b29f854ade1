import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, newSession, readCookie, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from '../../../lib/auth/session';
import { TEST_SECRET } from '../../helpers/tokens';

describe('session cookies', () => {
  it('round-trips a session', () => {
    const session = newSession('Karen Blixen');
    expect(decodeSession(encodeSession(session, TEST_SECRET), TEST_SECRET)).toEqual(session);
  });

  it('refuses a cookie signed with another secret (forged)', () => {
    expect(decodeSession(encodeSession(newSession('A'), 'another-secret-that-is-32-characters-long!'), TEST_SECRET)).toBeNull();
  });

  it('refuses a cookie whose payload was changed (tampered)', () => {
    const [, signature] = encodeSession(newSession('A'), TEST_SECRET).split('.');
    const payload = Buffer.from(JSON.stringify({ ...newSession('Admin'), name: 'Admin' })).toString('base64url');
    expect(decodeSession(`${payload}.${signature}`, TEST_SECRET)).toBeNull();
  });

  it('refuses an expired session', () => {
    const session = { ...newSession('A'), iat: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 10 };
    expect(decodeSession(encodeSession(session, TEST_SECRET), TEST_SECRET)).toBeNull();
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without signature', 'abc'],
    ['with an extra part', 'a.b.c'],
    ['far too long', 'a'.repeat(3000)],
    ['not base64 JSON', `!!!.${'x'.repeat(43)}`],
  ])('refuses a malformed cookie: %s', (_name, value) => {
    expect(decodeSession(value, TEST_SECRET)).toBeNull();
  });

  it.each([
    ['lacks fields', '{"name":"x"}'],
    ['has a colour that is not #rrggbb', JSON.stringify({ sub: 'p_1', name: 'A', color: 'red', iat: 1 })],
    [
      'has a name with a bidi override',
      JSON.stringify({ sub: 'p_1', name: 'A\u202eB', color: '#000000', iat: Math.floor(Date.now() / 1000) }),
    ],
    ['is not JSON', 'not json'],
  ])('refuses a correctly signed payload that %s', (_name, json) => {
    // Signed with the right key: only the schema stands in the way.
    const payload = Buffer.from(json).toString('base64url');
    const signature = createHmac('sha256', TEST_SECRET).update(payload).digest('base64url');
    expect(decodeSession(`${payload}.${signature}`, TEST_SECRET)).toBeNull();
  });

  it('reads one cookie among several, and survives a malformed escape', () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=v%2Fw; b=2`, SESSION_COOKIE)).toBe('v/w');
    expect(readCookie('a=1', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE)).toBeUndefined();
  });
});
