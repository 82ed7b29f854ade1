/** What creating a workspace takes; the error messages are codes (`error.<code>`). */
import { z } from '../zodWithoutEval';
import { isSafeDisplayText } from '../text/displayText';
import { WORKSPACE_KINDS } from './AccountStore';

export const WORKSPACE_NAME_MAX_LENGTH = 120;
export const WORKSPACE_DESCRIPTION_MAX_LENGTH = 500;

export const workspaceSchema = z.object({
  name: z
    .string({ error: 'workspace_name_required' })
    .trim()
    .min(1, 'workspace_name_required')
    .max(WORKSPACE_NAME_MAX_LENGTH, 'workspace_name_too_long')
    .refine(isSafeDisplayText, 'workspace_name_invalid'),
  // One line, shown under the name in lists; an empty field is no description.
  description: z
    .string({ error: 'workspace_description_invalid' })
    .trim()
    .max(WORKSPACE_DESCRIPTION_MAX_LENGTH, 'workspace_description_too_long')
    .refine(isSafeDisplayText, 'workspace_description_invalid')
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
  // A team's workspace or a knowledge forum (issue 14); fixed once created.
  kind: z.enum(WORKSPACE_KINDS, { error: 'workspace_kind_invalid' }).default('team'),
  memberIds: z.array(z.string().max(100, 'member_invalid'), { error: 'member_invalid' }).max(1000, 'member_invalid').default([]),
});
export type WorkspaceRequest = z.input<typeof workspaceSchema>;

/** Changing a workspace's name and description, checked as when it was created; no description clears it. */
export const workspaceUpdateSchema = workspaceSchema.pick({ name: true, description: true });
export type WorkspaceUpdateRequest = z.input<typeof workspaceUpdateSchema>;
