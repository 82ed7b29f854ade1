/**
 * The vocabulary of access: who acts (Actor), on what (Resource), doing what (Action). Every
 * access decision is `can(actor, action, resource)` in lib/access/can.ts, called by route
 * handlers, server actions and the sync server alike. Browser-safe: no Node imports.
 */

/** What a person is on the platform. */
export const PLATFORM_ROLES = ['citizen', 'org_rep', 'staff', 'moderator', 'admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** What a person or organisation is on one document. */
export const DOCUMENT_ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

export const VISIBILITIES = ['private', 'workspace', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A document's life: draft → in review → public consultation → final (published) → archived. */
export const DOCUMENT_STATES = ['draft', 'in_review', 'consultation', 'final', 'archived'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const ACTIONS = ['view', 'comment', 'edit', 'manage_access', 'change_phase', 'publish', 'moderate', 'administer'] as const;
export type Action = (typeof ACTIONS)[number];

export const ORGANISATION_KINDS = ['association', 'business', 'municipal_centre'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A document role held by a person or by an organisation (then by each of its members). */
export type Grant =
  | { readonly subject: 'person'; readonly personId: string; readonly role: DocumentRole }
  | { readonly subject: 'organisation'; readonly organisationId: string; readonly role: DocumentRole };

/** Who consultation opens commenting to, as the moderator set it. */
export interface ConsultationSettings {
  /** Guests with a display name may comment (rate-limited per IP). */
  readonly guestsMayComment: boolean;
}

export type Actor =
  | {
      readonly kind: 'person';
      readonly id: string;
      readonly role: PlatformRole;
      readonly disabled: boolean;
      readonly organisationIds: readonly string[];
      readonly workspaceIds: readonly string[];
    }
  /** Someone who gave a display name during a consultation that allows guests. */
  | { readonly kind: 'guest'; readonly displayName: string }
  | { readonly kind: 'anonymous' };

export type Resource =
  | {
      readonly kind: 'document';
      readonly id: string;
      readonly workspaceId: string | null;
      readonly visibility: Visibility;
      readonly state: DocumentState;
      readonly grants: readonly Grant[];
      readonly consultation: ConsultationSettings;
    }
  | { readonly kind: 'workspace'; readonly id: string; readonly memberIds: readonly string[] }
  | { readonly kind: 'platform' };

/** Why a decision went the way it did: shown to people (via the message catalogue) and logged. */
export type Decision = { readonly allowed: true; readonly reason: string } | { readonly allowed: false; readonly reason: string };

/** The members of the unions above, named so that rules and callers can take exactly one of them. */
export type PersonActor = Extract<Actor, { kind: 'person' }>;
export type DocumentResource = Extract<Resource, { kind: 'document' }>;
export type WorkspaceResource = Extract<Resource, { kind: 'workspace' }>;
