/**
 * Input schemas of the admin page and its route handlers (and of choosing whom one acts for),
 * shared by the forms and the handlers. Issue messages are error codes (`error.<code>`).
 */
import { z } from '../../lib/zodWithoutEval';
import { PLATFORM_ROLES } from '../../lib/access/model';
import { emailSchema } from '../../lib/people/schemas';

const idSchema = z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(100, 'invalid_input');

/** PATCH a person: disable/enable, change role, or both. */
export const adminPersonPatchSchema = z
  .object({
    disabled: z.boolean({ error: 'disabled_invalid' }).optional(),
    role: z.enum(PLATFORM_ROLES, { error: 'role_invalid' }).optional(),
  })
  .refine((patch) => patch.disabled !== undefined || patch.role !== undefined, 'nothing_to_change');
export type AdminPersonPatch = z.infer<typeof adminPersonPatchSchema>;

/** Adding someone to an organisation or workspace: by the e-mail of their account. */
export const addMemberSchema = z.object({ email: emailSchema });
export type AddMemberRequest = z.infer<typeof addMemberSchema>;

export const removeMemberSchema = z.object({ personId: idSchema });

/** Acting on behalf of one of one's organisations, or for oneself (null). */
export const actingForSchema = z.object({ organisationId: idSchema.nullable() });
export type ActingForRequest = z.infer<typeof actingForSchema>;

export const ADMIN_PAGE_SIZE = 20;

/** `?q=&offset=&limit=` of a list route or the admin page, as numbers. */
export const listParamsSchema = z.object({
  q: z.string({ error: 'query_invalid' }).max(200, 'query_too_long').optional(),
  offset: z.coerce
    .number({ error: 'offset_invalid' })
    .int('offset_invalid')
    .min(0, 'offset_invalid')
    .max(1_000_000, 'offset_invalid')
    .default(0),
  limit: z.coerce
    .number({ error: 'limit_invalid' })
    .int('limit_invalid')
    .min(1, 'limit_invalid')
    .max(100, 'limit_invalid')
    .default(ADMIN_PAGE_SIZE),
});
export type ListParams = z.infer<typeof listParamsSchema>;
