/**
 * Which account an OpenID Connect sign-in belongs to. A link made before (provider + `sub`) always
 * wins, whatever e-mail the provider sends today. Without one, an e-mail leads to an account only
 * when the provider vouches for it: otherwise anyone who can make an account at some provider with
 * another person's address would walk into that person's account. For the same reason no account
 * is created from an unverified e-mail (it would hold the address for whoever claimed it first, and
 * a later verified sign-in would be linked into it).
 */
export interface LinkFacts {
  /** The person already linked to this provider's `sub`, if any. */
  readonly linkedPersonId: string | null;
  /** The e-mail the provider sent (normalised), or null when it sent none or an invalid one. */
  readonly email: string | null;
  readonly emailVerified: boolean;
  /** The person who has that e-mail here, if any. */
  readonly personWithEmail: { readonly id: string } | null;
}

export type LinkDecision =
  | { readonly kind: 'signed_in'; readonly personId: string }
  | { readonly kind: 'link'; readonly personId: string }
  | { readonly kind: 'create'; readonly email: string }
  | { readonly kind: 'refuse'; readonly code: 'oidc_email_missing' | 'oidc_email_unverified' | 'oidc_email_unverified_taken' };

export function decideLink(facts: LinkFacts): LinkDecision {
  if (facts.linkedPersonId !== null) return { kind: 'signed_in', personId: facts.linkedPersonId };
  if (facts.email === null) return { kind: 'refuse', code: 'oidc_email_missing' };
  if (!facts.emailVerified)
    return { kind: 'refuse', code: facts.personWithEmail ? 'oidc_email_unverified_taken' : 'oidc_email_unverified' };
  if (facts.personWithEmail) return { kind: 'link', personId: facts.personWithEmail.id };
  return { kind: 'create', email: facts.email };
}
