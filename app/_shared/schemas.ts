/**
 * Input schemas shared by the forms (in the browser) and the route handlers (on the server), so
 * both accept exactly the same things. Issue messages are error codes (`error.<code>` in the catalogue).
 */
import { z } from 'zod';
import '../../lib/zodWithoutEval';
import { DOCUMENT_STATES } from '../../lib/access/model';
import { TEMPLATE_IDS } from '../../lib/documents/templates';
import { isSafeDisplayText } from '../../lib/text/displayText';
import { emailSchema } from '../../lib/people/schemas';
export { NAME_MAX_LENGTH } from '../../lib/text/displayText';

export const TITLE_MAX_LENGTH = 120;

export const titleSchema = z
  .string({ error: 'title_required' })
  .trim()
  .min(1, 'title_required')
  .max(TITLE_MAX_LENGTH, 'title_too_long')
  .refine(isSafeDisplayText, 'title_invalid');

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

/** Only local editor paths are accepted as `?next=` targets (no open redirects). */
export function safeNextPath(value: unknown): string | null {
  return typeof value === 'string' && /^\/d\/[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}
