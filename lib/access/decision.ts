/**
 * What can() answers: allowed or not, and why, as a stable machine code that the UI translates (via
 * the message catalogue) and logs carry. Adding a code is fine; renaming one breaks both.
 */
export const ALLOW_REASONS = [
  'visibility_public',
  'workspace_member',
  // The actor's effective role on the document (own grant or an organisation's).
  'owner',
  'editor',
  'commenter',
  'viewer',
  'staff_editor',
  // The consultation's responsible staff (decideDocument.ts, responsibleStaff): admins, and staff of the document's workspace.
  'responsible_staff',
  'consultation_open',
  'moderator',
  'admin',
  'everyone',
  // A forum post visible to its workspace: the forum is open to every signed-in person (issue 14).
  'forum_reader',
] as const;
export type AllowReason = (typeof ALLOW_REASONS)[number];

export const DENY_REASONS = [
  'disabled',
  'not_signed_in',
  'visibility_private',
  'visibility_workspace',
  'not_workspace_member',
  'no_grant',
  'role_insufficient',
  'guests_not_allowed',
  // A consultation outside its dates, or open to an audience the actor is not in.
  'consultation_not_open',
  'consultation_closed',
  'citizens_not_allowed',
  'organisations_only',
  // The document's state refuses the action (`state_<state>`), whoever asks.
  'state_draft',
  'state_in_review',
  'state_consultation',
  'state_final',
  'state_archived',
  'not_moderator',
  'not_admin',
  'not_applicable',
] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

/** The model's Decision, with a reason from the codes above (tests/unit/access/can.test.ts checks it is one). */
export type AccessDecision =
  { readonly allowed: true; readonly reason: AllowReason } | { readonly allowed: false; readonly reason: DenyReason };

export const allow = (reason: AllowReason): AccessDecision => ({ allowed: true, reason });
export const deny = (reason: DenyReason): AccessDecision => ({ allowed: false, reason });
