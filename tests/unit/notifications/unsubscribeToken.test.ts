/** Unsubscribe tokens: made and checked under AUTH_SECRET; tampered, re-signed or foreign ones are refused. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, unsubscribeLink, verifyUnsubscribeToken } from '../../../lib/notifications/unsubscribeToken';

const SECRET = 'a'.repeat(32) + '-samskriv-test-secret';

describe('unsubscribe tokens', () => {
  it('names the person and the kind (or all) it was signed for', () => {
    const token = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'comment_new' });
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ personId: 'p_karen', scope: 'comment_new' });
    expect(verifyUnsubscribeToken(SECRET, signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'all' }))).toEqual({
      personId: 'p_karen',
      scope: 'all',
    });
  });

  it('is refused under another secret', () => {
    const token = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'all' });
    expect(verifyUnsubscribeToken('b'.repeat(40), token)).toBeNull();
  });

  it('is refused when its payload is changed to another person or kind (the signature no longer fits)', () => {
    const token = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'reply' });
    const [, mac] = token.split('.');
    for (const target of [
      ['p_other', 'reply'],
      ['p_karen', 'all'],
    ]) {
      const forgedPayload = Buffer.from(JSON.stringify(target)).toString('base64url');
      expect(verifyUnsubscribeToken(SECRET, `${forgedPayload}.${mac}`)).toBeNull();
    }
  });

  it('is refused when any character of it is changed', () => {
    const token = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'reply' });
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === '.') continue;
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      const verified = verifyUnsubscribeToken(SECRET, changed);
      // Base64url's last character can carry unused bits: a change there may decode to the same bytes.
      if (verified !== null) expect(verified).toEqual({ personId: 'p_karen', scope: 'reply' });
    }
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1))).toBeNull();
  });

  it('refuses garbage, oversized tokens and well-signed payloads that are not a person and a known kind', () => {
    for (const garbage of ['', '.', 'abc', 'abc.def', 'x'.repeat(5000), `${'a'.repeat(10)}.${'b'.repeat(43)}`]) {
      expect(verifyUnsubscribeToken(SECRET, garbage)).toBeNull();
    }
    const signed = (value: unknown) => {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      const mac = createHmac('sha256', SECRET).update(`samskriv-unsubscribe-v1\n${payload}`).digest('base64url');
      return `${payload}.${mac}`;
    };
    expect(verifyUnsubscribeToken(SECRET, signed(['p_karen', 'reply']))).toEqual({ personId: 'p_karen', scope: 'reply' });
    expect(verifyUnsubscribeToken(SECRET, signed(['p_karen', 'no_such_kind']))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, signed(['', 'all']))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, signed({ p: 'p_karen', k: 'all' }))).toBeNull();
    // An HMAC of the same payload for another purpose (no purpose prefix) is not an unsubscribe token.
    const payload = Buffer.from(JSON.stringify(['p_karen', 'all'])).toString('base64url');
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`)).toBeNull();
  });

  it('makes a link on the public address', () => {
    const token = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'all' });
    expect(unsubscribeLink('https://samskriv.kommune.dk', token)).toBe(`https://samskriv.kommune.dk/abonnement/afmeld?token=${token}`);
  });
});
