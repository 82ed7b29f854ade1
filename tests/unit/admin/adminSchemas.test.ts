import { describe, expect, it } from 'vitest';
import { actingForSchema, addMemberSchema, adminPersonPatchSchema, listParamsSchema } from '../../../app/_shared/adminSchemas';
import { firstIssueCode } from '../../../app/_shared/schemas';

const codeOf = (result: { success: boolean; error?: Parameters<typeof firstIssueCode>[0] }) =>
  result.success || !result.error ? null : firstIssueCode(result.error);

describe('adminPersonPatchSchema', () => {
  it('accepts a role, a disabled flag or both', () => {
    expect(adminPersonPatchSchema.parse({ role: 'staff' })).toEqual({ role: 'staff' });
    expect(adminPersonPatchSchema.parse({ disabled: true })).toEqual({ disabled: true });
    expect(adminPersonPatchSchema.parse({ role: 'admin', disabled: false })).toEqual({ role: 'admin', disabled: false });
  });

  it('names what is wrong: an unknown role, a flag that is not a boolean, nothing to change', () => {
    expect(codeOf(adminPersonPatchSchema.safeParse({ role: 'konge' }))).toBe('role_invalid');
    expect(codeOf(adminPersonPatchSchema.safeParse({ disabled: 'ja' }))).toBe('disabled_invalid');
    expect(codeOf(adminPersonPatchSchema.safeParse({}))).toBe('nothing_to_change');
  });
});

describe('listParamsSchema', () => {
  it('reads numbers from query strings, with defaults', () => {
    expect(listParamsSchema.parse({})).toEqual({ offset: 0, limit: 20 });
    expect(listParamsSchema.parse({ q: 'søren', offset: '40', limit: '10' })).toEqual({ q: 'søren', offset: 40, limit: 10 });
  });

  it('refuses pages that cannot exist', () => {
    expect(codeOf(listParamsSchema.safeParse({ offset: '-1' }))).toBe('offset_invalid');
    expect(codeOf(listParamsSchema.safeParse({ offset: '1.5' }))).toBe('offset_invalid');
    expect(codeOf(listParamsSchema.safeParse({ limit: '0' }))).toBe('limit_invalid');
    expect(codeOf(listParamsSchema.safeParse({ limit: '101' }))).toBe('limit_invalid');
    expect(codeOf(listParamsSchema.safeParse({ limit: 'mange' }))).toBe('limit_invalid');
    expect(codeOf(listParamsSchema.safeParse({ q: 'x'.repeat(201) }))).toBe('query_too_long');
  });
});

describe('member and acting-for requests', () => {
  it('normalise the e-mail of a new member', () => {
    expect(addMemberSchema.parse({ email: ' Carl@Eksempel.DK ' })).toEqual({ email: 'carl@eksempel.dk' });
    expect(codeOf(addMemberSchema.safeParse({ email: 'carl' }))).toBe('email_invalid');
  });

  it('take an organisation id or null for acting as oneself', () => {
    expect(actingForSchema.parse({ organisationId: null })).toEqual({ organisationId: null });
    expect(actingForSchema.parse({ organisationId: 'o_1' })).toEqual({ organisationId: 'o_1' });
    expect(actingForSchema.safeParse({}).success).toBe(false);
  });
});
