import { describe, expect, it } from 'vitest';
import { FALLBACK_NAME, mapClaims } from '../../../lib/oidc/mapClaims';
import { oidcProviderSchema } from '../../../lib/oidc/providersSchema';

const provider = (extra: Record<string, unknown> = {}) =>
  oidcProviderSchema.parse({ id: 'idp', label: 'IdP', issuer: 'https://idp.example.dk', clientId: 'c', ...extra });

describe('mapClaims', () => {
  it('takes sub, a normalised e-mail, the verified flag (true or "true") and the name', () => {
    expect(mapClaims({ sub: 's1', email: ' Karen@Kommune.DK ', email_verified: true, name: 'Karen Ærø' }, provider())).toEqual({
      subject: 's1',
      email: 'karen@kommune.dk',
      emailVerified: true,
      name: 'Karen Ærø',
      role: 'citizen',
    });
    expect(mapClaims({ sub: 's1', email: 'karen@kommune.dk', email_verified: 'true' }, provider())?.emailVerified).toBe(true);
    expect(mapClaims({ sub: 's1', email: 'karen@kommune.dk', email_verified: false }, provider())?.emailVerified).toBe(false);
    expect(mapClaims({ sub: 's1', email: 'karen@kommune.dk' }, provider())?.emailVerified).toBe(false);
  });

  it('trusts the e-mail of a provider configured to, and never calls a missing or invalid e-mail verified', () => {
    expect(mapClaims({ sub: 's1', email: 'karen@kommune.dk' }, provider({ trustEmail: true }))?.emailVerified).toBe(true);
    expect(mapClaims({ sub: 's1', email: 'ikke en adresse', email_verified: true }, provider({ trustEmail: true }))).toMatchObject({
      email: null,
      emailVerified: false,
    });
  });

  it('reads the claims the provider is configured with (Entra ID: preferred_username, roles)', () => {
    const entra = provider({
      defaultRole: 'staff',
      claims: {
        email: 'preferred_username',
        name: 'display',
        role: { claim: 'roles', values: { 'Samskriv.Moderator': 'moderator', 'Samskriv.Admin': 'admin' } },
      },
    });
    const claims = { sub: 's1', preferred_username: 'ole@kommune.dk', display: 'Ole Olsen' };
    expect(mapClaims(claims, entra)).toMatchObject({ email: 'ole@kommune.dk', name: 'Ole Olsen', role: 'staff' });
    // The first mapping entry the claim holds wins, in the order configured.
    expect(mapClaims({ ...claims, roles: ['Samskriv.Admin', 'Samskriv.Moderator'] }, entra)?.role).toBe('moderator');
    expect(mapClaims({ ...claims, roles: 'Samskriv.Admin' }, entra)?.role).toBe('admin');
    expect(mapClaims({ ...claims, roles: ['Other'] }, entra)?.role).toBe('staff');
  });

  it('makes a name from given and family name, or the e-mail, when the name claim is missing or unusable', () => {
    expect(mapClaims({ sub: 's', given_name: 'Ida', family_name: 'Holm' }, provider())?.name).toBe('Ida Holm');
    expect(mapClaims({ sub: 's', name: '   ', email: 'bo.li@x.dk' }, provider())?.name).toBe('bo.li');
    expect(mapClaims({ sub: 's', name: 'x'.repeat(200) }, provider())?.name).toBe('x'.repeat(60));
    expect(mapClaims({ sub: 's' }, provider())?.name).toBe(FALLBACK_NAME);
  });

  it('has nothing to link without a usable sub', () => {
    expect(mapClaims({ email: 'karen@kommune.dk' }, provider())).toBeNull();
    expect(mapClaims({ sub: '' }, provider())).toBeNull();
    expect(mapClaims({ sub: 42 }, provider())).toBeNull();
    expect(mapClaims({ sub: 'x'.repeat(256) }, provider())).toBeNull();
  });
});
