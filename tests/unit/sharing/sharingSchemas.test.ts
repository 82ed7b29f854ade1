import { describe, expect, it } from 'vitest';
import { coAuthorRequestSchema, createInviteSchema, safeNextPath } from '../../../app/_shared/schemas';

describe('sharing input schemas', () => {
  it('accepts a plain-text request message with newlines, trimmed, and an absent one as empty', () => {
    expect(coAuthorRequestSchema.parse({ message: '  Hej\nMå jeg skrive med?  ' })).toEqual({ message: 'Hej\nMå jeg skrive med?' });
    expect(coAuthorRequestSchema.parse({})).toEqual({ message: '' });
  });

  it.each([
    ['a bidi override', 'abc\u202edef', 'message_invalid'],
    ['an isolate', 'abc\u2067def', 'message_invalid'],
    ['a control character', 'abc\u0000', 'message_invalid'],
    ['a tab', 'a\tb', 'message_invalid'],
    ['more than 500 characters', 'x'.repeat(501), 'message_too_long'],
  ])('refuses a request message with %s', (_name, message, code) => {
    const parsed = coAuthorRequestSchema.safeParse({ message });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(code);
  });

  it('offers invite links for 1, 7 or 30 days and the three grantable roles only', () => {
    expect(createInviteSchema.safeParse({ role: 'viewer', expiresInDays: 30 }).success).toBe(true);
    expect(createInviteSchema.safeParse({ role: 'viewer', expiresInDays: 2 }).error?.issues[0]?.message).toBe('expiry_invalid');
    expect(createInviteSchema.safeParse({ role: 'owner', expiresInDays: 7 }).error?.issues[0]?.message).toBe('role_invalid');
  });

  it('lets sign-in and sign-up return to an invitation, and nowhere else new', () => {
    const path = `/invitation/${'a'.repeat(43)}`;
    expect(safeNextPath(path)).toBe(path);
    expect(safeNextPath('/invitation/kort')).toBeNull();
    expect(safeNextPath('//evil.example/invitation/x')).toBeNull();
    expect(safeNextPath('/d/abc')).toBe('/d/abc');
  });
});
