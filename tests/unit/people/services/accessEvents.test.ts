import { describe, expect, it } from 'vitest';
import { createAccessEvents, type AccessRevoked } from '../../../../server/people/accessEvents';
import { createLogger } from '../../../../server/logger';

const event: AccessRevoked = { personId: 'p1', reason: 'disabled' };

describe('accessEvents', () => {
  it('tells every listener, synchronously, until it unsubscribes', () => {
    const events = createAccessEvents();
    const seen: string[] = [];
    const stopA = events.onAccessRevoked((e) => seen.push(`a:${e.personId}`));
    events.onAccessRevoked((e) => seen.push(`b:${e.personId}`));
    events.emitAccessRevoked(event);
    expect(seen).toEqual(['a:p1', 'b:p1']);
    stopA();
    events.emitAccessRevoked({ personId: 'p2', reason: 'signed_out' });
    expect(seen).toEqual(['a:p1', 'b:p1', 'b:p2']);
  });

  it('keeps going when a listener throws, and logs it', () => {
    const lines: string[] = [];
    const events = createAccessEvents(createLogger('error', { write: (line: string) => void lines.push(line) }));
    const seen: AccessRevoked[] = [];
    events.onAccessRevoked(() => {
      throw new Error('socket gone');
    });
    events.onAccessRevoked((e) => seen.push(e));
    expect(() => events.emitAccessRevoked(event)).not.toThrow();
    expect(seen).toEqual([event]);
    expect(lines.join('')).toContain('access_revoked_listener_failed');
  });

  it('treats one function subscribed twice as two subscriptions', () => {
    const events = createAccessEvents();
    let calls = 0;
    const listener = () => void calls++;
    const stop = events.onAccessRevoked(listener);
    events.onAccessRevoked(listener);
    stop();
    events.emitAccessRevoked(event);
    expect(calls).toBe(1);
  });
});
