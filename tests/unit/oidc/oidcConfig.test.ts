import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config';
import { PLATFORM_ROLES } from '../../../lib/access/model';

const ENTRA = {
  id: 'entra',
  label: { da: 'Kommunens medarbejderlogin', en: 'Municipal staff sign-in' },
  issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  clientId: 'app-id',
  clientSecret: 'hemmelig',
  trustEmail: true,
  defaultRole: 'staff',
  claims: {
    email: 'preferred_username',
    role: { claim: 'roles', values: { 'Samskriv.Admin': 'admin', 'Samskriv.Moderator': 'moderator' } },
  },
  allowedRoles: ['staff', 'moderator', 'admin'],
};
const BROKER = { id: 'mitid', label: 'MitID', issuer: 'https://broker.example.dk', clientId: 'samskriv', clientSecret: 's' };

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('OIDC_PROVIDERS', () => {
  it('is empty by default, and passwords are on for every role', () => {
    const config = loadConfig({});
    expect(config.OIDC_PROVIDERS).toEqual([]);
    expect(config.PASSWORD_SIGN_IN_ROLES).toEqual(PLATFORM_ROLES);
  });

  it('reads providers with their defaults: scopes, claim names, citizen role, e-mail not trusted', () => {
    const [entra, broker] = loadConfig({ OIDC_PROVIDERS: JSON.stringify([ENTRA, BROKER]) }).OIDC_PROVIDERS;
    expect(entra).toMatchObject({
      id: 'entra',
      label: ENTRA.label,
      scopes: 'openid email profile',
      trustEmail: true,
      defaultRole: 'staff',
      claims: { name: 'name', email: 'preferred_username', emailVerified: 'email_verified', role: ENTRA.claims.role },
      allowedRoles: ['staff', 'moderator', 'admin'],
    });
    expect(broker).toEqual({
      ...BROKER,
      label: { da: 'MitID', en: 'MitID' },
      scopes: 'openid email profile',
      claims: { name: 'name', email: 'email', emailVerified: 'email_verified' },
      trustEmail: false,
      defaultRole: 'citizen',
    });
  });

  it('reads the providers from OIDC_PROVIDERS_FILE, and refuses both at once or a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samskriv-oidc-config-'));
    dirs.push(dir);
    const file = join(dir, 'providers.json');
    await writeFile(file, JSON.stringify([BROKER]));
    expect(loadConfig({ OIDC_PROVIDERS_FILE: file }).OIDC_PROVIDERS.map((provider) => provider.id)).toEqual(['mitid']);
    expect(messageOf({ OIDC_PROVIDERS_FILE: file, OIDC_PROVIDERS: '[]' })).toContain('either OIDC_PROVIDERS or OIDC_PROVIDERS_FILE');
    expect(messageOf({ OIDC_PROVIDERS_FILE: join(dir, 'absent.json') })).toContain('OIDC_PROVIDERS_FILE: cannot read');
  });

  it('names the provider and field of every mistake', () => {
    expect(messageOf({ OIDC_PROVIDERS: '{not json' })).toContain('OIDC_PROVIDERS: is not valid JSON');
    const message = messageOf({
      OIDC_PROVIDERS: JSON.stringify([
        { ...BROKER, issuer: 'http://broker.example.dk' },
        { ...BROKER, id: 'Entra ID', scopes: 'email profile' },
        { ...BROKER, claims: { role: { claim: 'roles', values: { x: 'king' } } } },
        { ...BROKER, clientSecretTypo: 'x' },
      ]),
    });
    expect(message).toContain('provider 0.issuer: must be an https:// URL (http:// only on loopback, for tests)');
    expect(message).toContain('provider 1.id: must be 1–32 lower-case letters');
    expect(message).toContain('provider 1.scopes: must include "openid"');
    expect(message).toContain('provider 2.claims.role.values.x');
    expect(message).toMatch(/provider 3: .*clientSecretTypo/);
    expect(messageOf({ OIDC_PROVIDERS: JSON.stringify([BROKER, BROKER]) })).toContain('provider 1.id: "mitid" is used twice');
  });

  it('accepts an http:// issuer on loopback only (tests and local brokers)', () => {
    for (const issuer of ['http://127.0.0.1:4000', 'http://localhost:4000/oidc', 'http://[::1]:4000']) {
      expect(loadConfig({ OIDC_PROVIDERS: JSON.stringify([{ ...BROKER, issuer }]) }).OIDC_PROVIDERS[0]?.issuer).toBe(issuer);
    }
    expect(messageOf({ OIDC_PROVIDERS: JSON.stringify([{ ...BROKER, issuer: 'http://127.0.0.1.evil.dk' }]) })).toContain('issuer');
    expect(messageOf({ OIDC_PROVIDERS: JSON.stringify([{ ...BROKER, issuer: 'https://broker.dk/?tenant=1' }]) })).toContain(
      'must have no query',
    );
  });
});

describe('PASSWORD_SIGN_IN_ROLES', () => {
  const providers = JSON.stringify([BROKER]);

  it('takes a list of roles, or none', () => {
    expect(loadConfig({ PASSWORD_SIGN_IN_ROLES: 'org_rep, citizen', OIDC_PROVIDERS: providers }).PASSWORD_SIGN_IN_ROLES).toEqual([
      'citizen',
      'org_rep',
    ]);
    expect(loadConfig({ PASSWORD_SIGN_IN_ROLES: 'none', OIDC_PROVIDERS: providers }).PASSWORD_SIGN_IN_ROLES).toEqual([]);
    expect(loadConfig({ PASSWORD_SIGN_IN_ROLES: '' }).PASSWORD_SIGN_IN_ROLES).toEqual(PLATFORM_ROLES);
  });

  it('refuses an unknown role, and turning passwords off with no provider to sign in through', () => {
    expect(messageOf({ PASSWORD_SIGN_IN_ROLES: 'citizen,staf', OIDC_PROVIDERS: providers })).toContain(
      'PASSWORD_SIGN_IN_ROLES: unknown role "staf"',
    );
    expect(messageOf({ PASSWORD_SIGN_IN_ROLES: 'citizen' })).toContain(
      'PASSWORD_SIGN_IN_ROLES: turns passwords off for some roles: needs OIDC_PROVIDERS',
    );
  });
});
