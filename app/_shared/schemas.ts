/**
 * Input schemas shared by the forms (in the browser) and the route handlers (on the server), so
 * both accept exactly the same things. Issue messages are error codes (`error.<code>` in the catalogue).
 */
import { z } from '../../lib/zodWithoutEval';
import { DOCUMENT_STATES } from '../../lib/access/model';
import { TEMPLATE_IDS } from '../../lib/documents/templateIds';
import { titleSchema } from '../../lib/documents/titleSchema';
import { emailSchema } from '../../lib/people/schemas';
import { VISIBILITIES } from '../../lib/access/model';
export { NAME_MAX_LENGTH } from '../../lib/text/displayText';

export { TITLE_MAX_LENGTH, titleSchema } from '../../lib/documents/titleSchema';

export const createDocumentSchema = z.object({
  title: titleSchema,
  template: z.enum(TEMPLATE_IDS, { error: 'template_invalid' }),
  /** One of the creator's workspaces (visible to its members), or none (private). */
  workspaceId: z.string({ error: 'workspace_invalid' }).max(100, 'workspace_invalid').nullish(),
});
export type CreateDocumentRequest = z.infer<typeof createDocumentSchema>;

/** The phase to move a document to (PATCH /api/documents/[id]/state). */
export const changeStateSchema = z.object({ state: z.enum(DOCUMENT_STATES, { error: 'state_invalid' }) });
export type ChangeStateRequest = z.infer<typeof changeStateSchema>;

export const renameDocumentSchema = z.object({ title: titleSchema });
export type RenameDocumentRequest = z.infer<typeof renameDocumentSchema>;

/** Roles an owner can grant from the share panel (ownership itself is not handed over there). */
export const GRANTABLE_ROLES = ['editor', 'commenter', 'viewer'] as const;

export const grantAccessSchema = z.object({
  email: emailSchema,
  role: z.enum(GRANTABLE_ROLES, { error: 'role_invalid' }),
});
export type GrantAccessRequest = z.infer<typeof grantAccessSchema>;

export const revokeAccessSchema = z.object({
  personId: z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(100, 'invalid_input'),
});

/** The first issue's code, for `{ error: { code } }` and the form's message. */
export function firstIssueCode(error: z.ZodError): string {
  const message = error.issues[0]?.message ?? 'invalid_input';
  return /^[a-z_]+$/.test(message) ? message : 'invalid_input';
}

/** Only local editor and invitation paths are accepted as `?next=` targets (no open redirects). */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return /^\/d\/[A-Za-z0-9_-]{1,64}$/.test(value) || INVITATION_PATH_PATTERN.test(value) || value === '/notifikationer' ? value : null;
}

// Issue 3: invite links, "ask to co-author", visibility and organisation grants.

/** How long a new invite link lasts, in days (the share panel offers these). */
export const INVITE_EXPIRY_DAYS = [1, 7, 30] as const;

export const createInviteSchema = z.object({
  role: z.enum(GRANTABLE_ROLES, { error: 'role_invalid' }),
  expiresInDays: z.union(
    INVITE_EXPIRY_DAYS.map((days) => z.literal(days)),
    { error: 'expiry_invalid' },
  ),
});
export type CreateInviteRequest = z.infer<typeof createInviteSchema>;

export const REQUEST_MESSAGE_MAX_LENGTH = 500;
// eslint-disable-next-line no-control-regex -- control characters (but newlines) and bidi overrides are what this refuses
const UNSAFE_MESSAGE = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A co-author request's optional note to the owner: plain text, newlines allowed, nothing that hides what it says. */
export const coAuthorRequestSchema = z.object({
  message: z
    .string({ error: 'message_invalid' })
    .trim()
    .max(REQUEST_MESSAGE_MAX_LENGTH, 'message_too_long')
    .refine((value) => !UNSAFE_MESSAGE.test(value), 'message_invalid')
    .default(''),
});

export const decideRequestSchema = z.object({
  decision: z.enum(['approve', 'decline'], { error: 'decision_invalid' }),
});

export const visibilitySchema = z.object({
  visibility: z.enum(VISIBILITIES, { error: 'visibility_invalid' }),
});

const organisationIdSchema = z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(100, 'invalid_input');

export const grantOrganisationSchema = z.object({
  organisationId: organisationIdSchema,
  role: z.enum(GRANTABLE_ROLES, { error: 'role_invalid' }),
});

export const revokeOrganisationSchema = z.object({ organisationId: organisationIdSchema });

/** An invitation page path, as a `?next=` target after signing in or up. */
export const INVITATION_PATH_PATTERN = /^\/invitation\/[A-Za-z0-9_-]{43}$/;
