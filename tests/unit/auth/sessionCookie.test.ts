import { describe, expect, it } from 'vitest';
import { colourFor, PERSON_COLOURS } from '../../../lib/auth/colourFor';
import { readCookie, SESSION_COOKIE } from '../../../lib/auth/sessionCookie';

describe('the session cookie', () => {
  it('reads one cookie among several, and survives a malformed escape', () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=v%2Fw; b=2`, SESSION_COOKIE)).toBe('v/w');
    expect(readCookie('a=1', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('colourFor', () => {
  it('gives one id the same #rrggbb colour every time', () => {
    expect(colourFor('p_1')).toBe(colourFor('p_1'));
    expect(PERSON_COLOURS).toContain(colourFor('p_1'));
    expect(colourFor('p_1')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
