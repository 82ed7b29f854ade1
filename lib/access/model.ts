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

export const ACTIONS = [
  'view',
  // On a document: comment (and, on a forum post, reply and support). On a forum workspace: write a post.
  'comment',
  'edit',
  'manage_access',
  'change_phase',
  'publish',
  'moderate',
  'administer',
  // Who wrote what, and when (attributed history, issue 12).
  'view_history',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ORGANISATION_KINDS = ['association', 'business', 'municipal_centre'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A document role held by a person or by an organisation (then by each of its members). */
export type Grant =
  | { readonly subject: 'person'; readonly personId: string; readonly role: DocumentRole }
  | { readonly subject: 'organisation'; readonly organisationId: string; readonly role: DocumentRole };

/**
 * When a public consultation takes comments and from whom, as set on the document (PATCH
 * /api/documents/[id]/consultation). Within the dates of a document in `consultation`:
 * - `citizensMayComment`: every signed-in person who can read the document;
 * - `organisationsMayComment`: signed-in people who speak for an organisation (platform role
 *   `org_rep`, or members of at least one organisation), also when citizens may not;
 * - `guestsMayComment`: guests with a display name (public documents only; rate-limited per IP).
 * The document's own commenters (a commenter grant or stronger) may comment whatever these say,
 * before, during and after the dates, until the document is final.
 */
export interface ConsultationSettings {
  /** ISO 8601; null: open from the moment the document enters consultation. */
  readonly opensAt: string | null;
  /** ISO 8601, after `opensAt`; null: open until the phase changes. */
  readonly closesAt: string | null;
  readonly citizensMayComment: boolean;
  readonly organisationsMayComment: boolean;
  readonly guestsMayComment: boolean;
}

/** Where "now" falls against a consultation's dates: before `opensAt`, within, or from `closesAt` on. */
export type ConsultationTiming = 'before' | 'open' | 'after';

/**
 * The consultation as can() judges it: the settings and where the clock stood when the resource was
 * built (lib/access/consultation.ts), so that can() itself stays a pure function of its arguments.
 */
export interface ConsultationResource extends ConsultationSettings {
  readonly timing: ConsultationTiming;
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
  /**
   * Someone without an account who gave a display name (the signed guest cookie): comments where a
   * consultation allows guests, and reads what anonymous visitors read. `id` is random, per cookie.
   */
  | { readonly kind: 'guest'; readonly id: string; readonly displayName: string }
  | { readonly kind: 'anonymous' };

export type Resource =
  | {
      readonly kind: 'document';
      readonly id: string;
      readonly workspaceId: string | null;
      readonly visibility: Visibility;
      readonly state: DocumentState;
      readonly grants: readonly Grant[];
      readonly consultation: ConsultationResource;
      /** A post in a forum workspace (issue 14): see decideDocument's forum rules. Absent: false. */
      readonly forumPost?: boolean;
    }
  | {
      readonly kind: 'workspace';
      readonly id: string;
      readonly memberIds: readonly string[];
      /** A forum workspace (issue 14): every signed-in person may post in it ('comment'). Absent: false. */
      readonly forum?: boolean;
    }
  | { readonly kind: 'platform' };

/** Why a decision went the way it did: shown to people (via the message catalogue) and logged. */
export type Decision = { readonly allowed: true; readonly reason: string } | { readonly allowed: false; readonly reason: string };

/** The members of the unions above, named so that rules and callers can take exactly one of them. */
export type PersonActor = Extract<Actor, { kind: 'person' }>;
export type GuestActor = Extract<Actor, { kind: 'guest' }>;
export type DocumentResource = Extract<Resource, { kind: 'document' }>;
export type WorkspaceResource = Extract<Resource, { kind: 'workspace' }>;
