/**
 * OpenID Connect providers (`OIDC_PROVIDERS`, a JSON array, or the file `OIDC_PROVIDERS_FILE`):
 * validated once at start, so a typo stops the process with a sentence naming the provider and field
 * instead of failing the first person who clicks "Log ind med …".
 */
import { z } from '../zodWithoutEval';
import { PLATFORM_ROLES } from '../access/model';

const roleSchema = z.enum(PLATFORM_ROLES);

/** A claim's name: a top-level key of the ID token or userinfo response. */
const claimName = z.string().trim().min(1).max(100);

/** Loopback addresses (tests, a local broker): the only place an http:// issuer is accepted. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

const issuerSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((value) => URL.canParse(value), 'must be a URL')
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  }, 'must be an https:// URL (http:// only on loopback, for tests)')
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'must have no query, fragment, user or password');

const roleMappingSchema = z.strictObject({
  /** The claim holding a string or an array of strings, e.g. Entra ID's `roles` or `groups`. */
  claim: claimName,
  /** Claim value → platform role; the first entry (in the order written) whose value the claim holds wins. */
  values: z.record(z.string().min(1).max(200), roleSchema),
});

const claimsSchema = z
  .strictObject({
    name: claimName.default('name'),
    email: claimName.default('email'),
    emailVerified: claimName.default('email_verified'),
    role: roleMappingSchema.optional(),
  })
  .default({ name: 'name', email: 'email', emailVerified: 'email_verified' });

const labelSchema = z.union([
  z
    .string()
    .trim()
    .min(1)
    .max(60)
    .transform((label) => ({ da: label, en: label })),
  z.strictObject({ da: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) }),
]);

export const oidcProviderSchema = z.strictObject({
  /** In the URLs (`/api/auth/oidc/<id>/…`) and the stored links: never change it once people have signed in. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lower-case letters, digits or hyphens'),
  /** The button says "Log ind med <label>". */
  label: labelSchema,
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(500),
  /** Absent: a public client (PKCE alone, no client authentication). */
  clientSecret: z.string().min(1).max(2000).optional(),
  scopes: z
    .string()
    .trim()
    .max(500)
    .default('openid email profile')
    .refine((scopes) => scopes.split(/\s+/).includes('openid'), 'must include "openid"'),
  claims: claimsSchema,
  /**
   * The provider vouches for every e-mail it sends (a tenant whose addresses the municipality
   * owns, such as Entra ID for its own domain, which sends no `email_verified`).
   */
  trustEmail: z.boolean().default(false),
  /** New people get this role when no role mapping matches. */
  defaultRole: roleSchema.default('citizen'),
  /** Only people with these roles may sign in through this provider (absent: everyone). */
  allowedRoles: z.array(roleSchema).min(1).optional(),
});

export type OidcProvider = z.output<typeof oidcProviderSchema>;

export const oidcProvidersSchema = z
  .array(oidcProviderSchema)
  .max(20)
  .superRefine((providers, context) => {
    const seen = new Set<string>();
    providers.forEach((provider, index) => {
      if (seen.has(provider.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${provider.id}" is used twice` });
      seen.add(provider.id);
    });
  });

/** `OIDC_PROVIDERS` as text: JSON, then the schema; empty means none. Issues name `<index>.<field>`. */
export const oidcProvidersTextSchema = z
  .string()
  .default('')
  .transform((text, context): OidcProvider[] => {
    if (text.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not V8's message: it quotes the text around the mistake, which may be a client secret.
      context.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
    const parsed = oidcProvidersSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length > 0 ? `provider ${issue.path.map(String).join('.')}: ` : '';
        context.addIssue({ code: 'custom', message: `${where}${issue.message}` });
      }
      return z.NEVER;
    }
    return parsed.data;
  });
