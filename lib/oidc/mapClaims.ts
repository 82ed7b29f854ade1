/**
 * From what a provider says about a person (ID token claims merged with userinfo) to what Samskriv
 * needs, by the provider's claim mapping: `sub`, a normalised e-mail (null when absent or not an
 * address), whether the provider vouches for it, a display name and the role a new account gets.
 */
import type { PlatformRole } from '../access/model';
import { emailSchema } from '../people/schemas';
import { NAME_MAX_LENGTH, displayNameSchema } from '../text/displayText';
import type { OidcProvider } from './providersSchema';

export interface MappedClaims {
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly name: string;
  readonly role: PlatformRole;
}

/** What a sign-in shows when the provider sends no usable name and no e-mail to take one from. */
export const FALLBACK_NAME = 'Ny deltager';
const SUBJECT_MAX_LENGTH = 255;

type Claims = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function nameOf(claims: Claims, provider: OidcProvider, email: string | null): string {
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  const candidates = [
    text(claims[provider.claims.name]),
    given && family ? `${given} ${family}` : given,
    email ? email.slice(0, email.indexOf('@')) : null,
  ];
  for (const candidate of candidates) {
    // A long name is shortened (by characters, not UTF-16 units) rather than thrown away.
    const parsed = displayNameSchema.safeParse(candidate === null ? null : [...candidate].slice(0, NAME_MAX_LENGTH).join(''));
    if (parsed.success) return parsed.data;
  }
  return FALLBACK_NAME;
}

/** The first mapping entry (in the order configured) whose value the claim holds, else the provider's default role. */
export function roleOf(claims: Claims, provider: OidcProvider): PlatformRole {
  const mapping = provider.claims.role;
  if (!mapping) return provider.defaultRole;
  const raw = claims[mapping.claim];
  const held = new Set((Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string'));
  for (const [value, role] of Object.entries(mapping.values)) if (held.has(value)) return role;
  return provider.defaultRole;
}

/** Null when there is no usable `sub` (then nothing can be linked). */
export function mapClaims(claims: Claims, provider: OidcProvider): MappedClaims | null {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '' || subject.length > SUBJECT_MAX_LENGTH) return null;
  const parsedEmail = emailSchema.safeParse(claims[provider.claims.email]);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const verified = claims[provider.claims.emailVerified];
  return {
    subject,
    email,
    // Some providers (Cognito, older brokers) send the flag as a string.
    emailVerified: email !== null && (provider.trustEmail || verified === true || verified === 'true'),
    name: nameOf(claims, provider, email),
    role: roleOf(claims, provider),
  };
}
