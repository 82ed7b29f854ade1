import { describe, expect, it } from 'vitest';
import { decideLink, type LinkFacts } from '../../../lib/oidc/decideLink';

const facts = (overrides: Partial<LinkFacts>): LinkFacts => ({
  linkedPersonId: null,
  email: 'karen@kommune.dk',
  emailVerified: true,
  personWithEmail: null,
  ...overrides,
});

describe('decideLink', () => {
  it('signs in the linked person, whatever e-mail the provider sends now (verified or not, someone else’s or none)', () => {
    expect(decideLink(facts({ linkedPersonId: 'p_karen' }))).toEqual({ kind: 'signed_in', personId: 'p_karen' });
    expect(
      decideLink(facts({ linkedPersonId: 'p_karen', email: 'ny@kommune.dk', emailVerified: false, personWithEmail: { id: 'p_other' } })),
    ).toEqual({ kind: 'signed_in', personId: 'p_karen' });
    expect(decideLink(facts({ linkedPersonId: 'p_karen', email: null }))).toEqual({ kind: 'signed_in', personId: 'p_karen' });
  });

  it('links an existing account only by a verified e-mail', () => {
    expect(decideLink(facts({ personWithEmail: { id: 'p_karen' } }))).toEqual({ kind: 'link', personId: 'p_karen' });
    expect(decideLink(facts({ personWithEmail: { id: 'p_karen' }, emailVerified: false }))).toEqual({
      kind: 'refuse',
      code: 'oidc_email_unverified_taken',
    });
  });

  it('creates an account for a new verified e-mail, never for an unverified one or none', () => {
    expect(decideLink(facts({}))).toEqual({ kind: 'create', email: 'karen@kommune.dk' });
    expect(decideLink(facts({ emailVerified: false }))).toEqual({ kind: 'refuse', code: 'oidc_email_unverified' });
    expect(decideLink(facts({ email: null, emailVerified: false }))).toEqual({ kind: 'refuse', code: 'oidc_email_missing' });
  });
});
