/**
 * Input schemas for people and organisations, shared by the forms (in the browser) and the route
 * handlers (on the server). Issue messages are error codes (`error.<code>` in the catalogue).
 */
import { z } from '../zodWithoutEval';
import { ORGANISATION_KINDS } from '../access/model';
import { displayNameSchema, isSafeDisplayText } from '../text/displayText';
import { normaliseCvr } from './cvr';

export const EMAIL_MAX_LENGTH = 254; // the longest address SMTP can carry (RFC 5321 path limit)
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const ORGANISATION_NAME_MAX_LENGTH = 120;

/** Trimmed and lower-cased, so "Karen@Eksempel.dk " signs in to the same account as "karen@eksempel.dk". */
/**
 * Addresses people in Denmark really have, including æ, ø and å in the local part or the domain
 * (`søren@æblegården.dk`; zod's default rule takes only ASCII). Letters and digits from any script,
 * the usual symbols in the local part, dotted labels with a letter TLD; never spaces, quotes, angle
 * brackets or invisible and bidi control characters (they are not letters).
 */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN = /^(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return LOCAL_PART.test(value.slice(0, at)) && DOMAIN.test(value.slice(at + 1));
}

export const emailSchema = z
  .string({ error: 'email_required' })
  .trim()
  .toLowerCase()
  .min(1, 'email_required')
  .max(EMAIL_MAX_LENGTH, 'email_too_long')
  .refine(isEmailAddress, 'email_invalid');

// Counted in characters (code points), not UTF-16 units, so "æøå" and emoji count as people see them.
const characters = (value: string) => [...value].length;

/** A new password, taken exactly as typed: spaces are part of it, so nothing is trimmed. */
export const newPasswordSchema = z
  .string({ error: 'password_required' })
  .min(1, 'password_required')
  .refine((value) => characters(value) >= PASSWORD_MIN_LENGTH, 'password_too_short')
  .refine((value) => characters(value) <= PASSWORD_MAX_LENGTH, 'password_too_long');

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: displayNameSchema,
});
export type SignUpRequest = z.infer<typeof signUpSchema>;

export const organisationNameSchema = z
  .string({ error: 'organisation_name_required' })
  .trim()
  .min(1, 'organisation_name_required')
  .max(ORGANISATION_NAME_MAX_LENGTH, 'organisation_name_too_long')
  .refine(isSafeDisplayText, 'organisation_name_invalid');

/** A CVR number as typed (spaces allowed), stored as its eight digits; an empty field is no CVR. */
const optionalCvrSchema = z
  .string({ error: 'cvr_invalid' })
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value.trim() === '') return undefined;
    const cvr = normaliseCvr(value.trim());
    if (cvr === null) {
      ctx.addIssue({ code: 'custom', message: 'cvr_invalid' });
      return z.NEVER;
    }
    return cvr;
  });

export const organisationSchema = z
  .object({
    name: organisationNameSchema,
    kind: z.enum(ORGANISATION_KINDS, { error: 'organisation_kind_invalid' }),
    // Associations may have a CVR number too; only businesses must.
    cvr: optionalCvrSchema,
  })
  .superRefine((organisation, ctx) => {
    if (organisation.kind === 'business' && organisation.cvr === undefined) {
      ctx.addIssue({ code: 'custom', message: 'cvr_required', path: ['cvr'] });
    }
  });
export type OrganisationRequest = z.infer<typeof organisationSchema>;

/** Renaming an organisation: its name, checked as when it was created. */
export const organisationRenameSchema = z.object({ name: organisationNameSchema });
export type OrganisationRenameRequest = z.input<typeof organisationRenameSchema>;

/** Signing in checks only that both fields are there: a malformed e-mail is simply one without an account. */
export const signInSchema = z.object({
  email: z.string({ error: 'email_required' }).trim().min(1, 'email_required').max(1000, 'email_too_long'),
  password: z.string({ error: 'password_required' }).min(1, 'password_required').max(1000, 'password_too_long'),
});
export type SignInFormRequest = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: 'password_required' }).min(1, 'password_required').max(1000, 'password_too_long'),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

export const setupSchema = signUpSchema.extend({
  token: z.string({ error: 'invalid_token' }).min(1, 'invalid_token').max(200, 'invalid_token'),
});
export type SetupRequest = z.infer<typeof setupSchema>;

/** A new password through an admin's one-time reset link. */
export const resetPasswordSchema = z.object({
  token: z.string({ error: 'invalid_token' }).min(1, 'invalid_token').max(200, 'invalid_token'),
  newPassword: newPasswordSchema,
});
/** "Glemt adgangskode?": where to send a reset link. */
export const forgotPasswordSchema = z.object({ email: emailSchema });

export type ResetPasswordRequest = z.infer<typeof resetPasswordSchema>;
