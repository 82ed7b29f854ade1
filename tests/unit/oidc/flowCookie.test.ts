import { describe, expect, it } from 'vitest';
import { FLOW_LIFETIME_MS, openFlow, sealFlow, type OidcFlow } from '../../../lib/oidc/flowCookie';

const SECRET = 'a'.repeat(40);
const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const FLOW: OidcFlow = {
  providerId: 'mitid',
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  returnTo: '/d/abc',
  expiresAt: NOW + FLOW_LIFETIME_MS,
};

describe('the OIDC flow cookie', () => {
  it('opens to the flow it sealed, and hides its values', () => {
    const cookie = sealFlow(FLOW, SECRET);
    expect(cookie).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cookie, 'base64url').toString('latin1')).not.toContain('verifier-1');
    expect(openFlow(cookie, SECRET, NOW)).toEqual(FLOW);
    // A fresh IV each time: two seals of one flow differ.
    expect(sealFlow(FLOW, SECRET)).not.toBe(cookie);
  });

  it('refuses a cookie expired, altered, sealed under another secret, or no cookie at all', () => {
    const cookie = sealFlow(FLOW, SECRET);
    expect(openFlow(cookie, SECRET, FLOW.expiresAt)).toBeNull();
    const raw = Buffer.from(cookie, 'base64url');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(openFlow(raw.toString('base64url'), SECRET, NOW)).toBeNull();
    expect(openFlow(cookie, 'b'.repeat(40), NOW)).toBeNull();
    for (const bad of [undefined, '', 'kort', '!!!', 'A'.repeat(5000)]) expect(openFlow(bad, SECRET, NOW)).toBeNull();
  });
});
