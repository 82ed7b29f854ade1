/**
 * Request bodies of the /konto self-service endpoints, shared by the forms and the route handlers.
 * Issue messages are error codes (`error.<code>` in the catalogue); every string is bounded.
 */
import { z } from '../zodWithoutEval';
import { displayNameSchema } from '../text/displayText';
import { LOCALES } from '../i18n/locales';
import { emailSchema } from '../people/schemas';
import { DOCUMENT_DISPOSALS } from './AccountSelfService';
import { SESSION_REF_PATTERN } from './sessionRef';

const passwordField = z.string({ error: 'password_required' }).min(1, 'password_required').max(1000, 'password_too_long');

export const profileNameSchema = z.strictObject({ name: displayNameSchema });

export const localeSchema = z.enum(LOCALES, { error: 'locale_invalid' });
export const profileLocaleSchema = z.strictObject({ locale: localeSchema });

export const emailChangeSchema = z.strictObject({
  email: emailSchema,
  currentPassword: passwordField.optional(),
});

export const emailConfirmSchema = z.strictObject({
  token: z.string({ error: 'invalid_token' }).min(1, 'invalid_token').max(2000, 'invalid_token'),
});

export const sessionRefSchema = z.string().regex(SESSION_REF_PATTERN, 'session_ref_invalid');

const disposal = z.enum(DOCUMENT_DISPOSALS, { error: 'disposal_invalid' });

/** At most 1000 documents named one by one; ids are bounded like document ids. */
export const deleteAccountSchema = z.strictObject({
  password: passwordField.optional(),
  documents: z
    .strictObject({
      all: disposal.optional(),
      each: z
        .record(z.string().min(1).max(100), disposal, { error: 'disposal_invalid' })
        .refine((each) => Object.keys(each).length <= 1000, 'disposal_invalid')
        .optional(),
    })
    .default({}),
});
export type DeleteAccountRequest = z.infer<typeof deleteAccountSchema>;
