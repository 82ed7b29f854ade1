import { describe, expect, it } from 'vitest';
import { hashSessionId, isSessionIdShaped, newSessionId } from '../../../lib/auth/sessionId';

describe('session ids', () => {
  it('are 256-bit, url-safe and distinct', () => {
    const ids = new Set(Array.from({ length: 500 }, newSessionId));
    expect(ids.size).toBe(500);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(isSessionIdShaped(id)).toBe(true);
    }
  });

  it('are stored only as a stable hash that differs from the id', () => {
    const id = newSessionId();
    expect(hashSessionId(id)).toBe(hashSessionId(id));
    expect(hashSessionId(id)).not.toContain(id);
    expect(hashSessionId(id)).not.toBe(hashSessionId(newSessionId()));
  });

  it.each(['', 'short', 'x'.repeat(43) + '!', 'a b', 'æ'.repeat(43)])('rejects %j as a session id', (value) => {
    expect(isSessionIdShaped(value)).toBe(false);
  });
});
